// The browser interface: signs in with a cookie, then shows what the account's role may see. Employees' proposals
// are refreshed from their message stream (GET /api/me/notifications?after=N, the same sequence the SignalR hub
// replays), so nothing is missed while the page sleeps.
import { t, setLanguage, currentLanguage } from "./i18n.js";
import { element, row } from "./dom.js";
import { showDemand } from "./demand.js";
import { followMessages } from "./live.js";
import { toggleProposalMap } from "./proposalMap.js";
import { showShuttles } from "./shuttles.js";
import { followJob } from "./jobs.js";

const $ = (selector) => document.querySelector(selector);
const show = (id, visible) => { $(id).hidden = !visible; };
const say = (text) => { $("#message").textContent = text ?? ""; };

async function api(path, options = {}) {
  const response = await fetch(path, { credentials: "same-origin", ...options,
    headers: { ...(options.body && typeof options.body === "string" ? { "Content-Type": "application/json" } : {}), ...options.headers } });
  if (response.status === 204) return null;
  const body = response.headers.get("content-type")?.includes("json") ? await response.json() : await response.text();
  if (!response.ok) throw Object.assign(new Error(body?.detail ?? body?.title ?? response.statusText), { status: response.status, body });
  return body;
}

// Shift times are the plants' local times, wherever the browser is.
const time = (iso) => new Date(iso).toLocaleTimeString(currentLanguage(), { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris" });

// ---- employee ----

async function showProposals() {
  const from = new Date().toISOString().slice(0, 10);
  const groups = await api(`/api/me/proposals?from=${from}`);
  const live = groups.filter((g) => g.status !== "Cancelled")
    .sort((a, b) => a.date.localeCompare(b.date) || (a.direction === "ToWork" ? -1 : 1) - (b.direction === "ToWork" ? -1 : 1));
  // Co-members' first names, companies and places are other tenants' texts: text nodes only.
  $("#proposals").replaceChildren(...(live.length === 0 ? [element("p", {}, t("noProposals"))] : live.map((group) => {
    const me = group.members.find((m) => m.isMe);
    const actions = me.status === "Proposed" ? ["accept", "decline"] : ["Accepted", "Confirmed"].includes(me.status) ? ["cancel"] : [];
    // Only the driver is told the detour, once the whole group has confirmed (the others' homes are on it).
    const detour = group.mine?.detourMinutes != null ? ` · ${t("detourOf")} ${group.mine.detourMinutes} ${t("minutes")}` : "";
    return element("article", { className: "proposal" },
      element("h3", {}, `${group.date} · ${t(group.direction)} · ${t(group.status)}${detour}`),
      element("ol", {}, group.members.map((m) => element("li", {},
        // Another's pickup time comes once the whole group has confirmed.
        [`${m.firstName ?? "?"} (${m.company})`, t(m.role), m.pickupTime ? `${t("pickup")} ${time(m.pickupTime)}` : null, m.meetingPoint ?? m.dropOff, t(m.status)]
          .filter((part) => part).join(" · ")))),
      element("p", { className: "actions" },
        actions.map((a) => element("button", { type: "button", dataset: { group: group.groupId, decision: a } }, t(a))),
        element("button", { type: "button", dataset: { map: group.groupId } }, t("showMap"))),
      element("div", { className: "proposal-map", id: `map-${group.groupId}`, hidden: true }));
  })));
  shownGroups = new Map(live.map((g) => [g.groupId, g]));
}

let shownGroups = new Map();


async function showEmployee() {
  const profile = await api("/api/me/employee");
  setLanguage(profile.preferredLanguage);
  showProfile(profile);
  const all = await api("/api/me/notifications?after=0");
  const lastSequence = all.length ? all[all.length - 1].sequence : 0;
  await showProposals();
  await followMessages(lastSequence, async () => { say(t("newMessage")); await showProposals(); },
    (state) => { $("#live-state").textContent = { live: () => t("liveOn"), reconnecting: () => t("liveReconnecting"), polling: () => t("livePolling") }[state](); });
}

$("#proposals").addEventListener("click", async (event) => {
  const mapButton = event.target.closest("button[data-map]");
  if (mapButton) { toggleProposalMap($(`#map-${mapButton.dataset.map}`), shownGroups.get(Number(mapButton.dataset.map))); return; }
  const button = event.target.closest("button[data-decision]");
  if (!button) return;
  try {
    const result = await api(`/api/me/proposals/${button.dataset.group}/${button.dataset.decision}`, { method: "POST" });
    say(result.message);
  } catch (error) { say(error.message); }
  await showProposals();
});

const profileNumbers = ["seatsOffered", "flexibilityMinutes", "maxDetourMinutes"];

// The form shows what the server stored, never what was typed.
function showProfile(profile) {
  const form = $("#profile-form");
  for (const name of ["role", ...profileNumbers]) form.elements[name].value = profile[name];
  form.elements.consentToMatching.checked = profile.consentToMatching;
}

$("#profile-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = event.target.elements;
  // An emptied field is left out, so the server keeps its value (Number("") would have saved 0); seats count for drivers only.
  const body = { role: form.role.value, consentToMatching: form.consentToMatching.checked };
  for (const name of profileNumbers)
    if (form[name].value.trim() !== "" && !(name === "seatsOffered" && form.role.value === "Passenger")) body[name] = Number(form[name].value);
  try {
    showProfile(await api("/api/me/employee", { method: "PUT", body: JSON.stringify(body) }));
    say(t("saved"));
  } catch (error) { say(Object.values(error.body?.errors ?? {}).flat().join(" ") || error.message); }
});

// ---- HR ----
let hrCompany = null, hrPage = 1;

// The server's field messages read "French / English": the part in the page's language.
const inLanguage = (message) => { const [fr, en] = message.split(" / "); return currentLanguage() === "en" && en ? en : fr; };

// Rosters the matching engine leaves out (a slot of no length, overlapping slots): HR must see why its people get nothing.
async function showRosterProblems() {
  const problems = await api(`/api/companies/${hrCompany}/roster-problems`);
  show("#roster-problems", problems.length > 0);
  $("#roster-problems ul").replaceChildren(...problems.map((p) => element("li", {},
    `${p.name} (${p.externalId}) · ${p.employees} ${t("employeesOnIt")} · ${p.problems.map((issue) => inLanguage(issue.message)).join(" ; ")}`)));
}

async function showEmployees() {
  const page = await api(`/api/companies/${hrCompany}/employees?page=${hrPage}&pageSize=25`);
  $("#employee-table tbody").replaceChildren(...page.items.map((e) =>
    row(e.externalId, [e.firstName, e.lastName].filter((name) => name).join(" "), e.commune, t(e.role), e.consentToMatching ? "✓" : "")));
  $("#page-info").textContent = `${page.pageNumber} / ${Math.max(1, Math.ceil(page.total / page.pageSize))}`;
  $("#previous-page").disabled = page.pageNumber <= 1;
  $("#next-page").disabled = !page.hasNext;
}

$("#previous-page").addEventListener("click", () => { hrPage--; showEmployees(); });
$("#next-page").addEventListener("click", () => { hrPage++; showEmployees(); });
$("#import-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const file = event.target.elements.file.files[0];
  try {
    // A small file is imported at once; a large one (or this page's, which asks for it) becomes a job to follow.
    const answer = await api(`/api/companies/${hrCompany}/imports/employees`, { method: "POST", body: file,
      headers: { "Content-Type": "text/csv", Prefer: "respond-async" } });
    const job = answer.state ? await followJob(`/api/jobs/${answer.id}`, $("#import-result")) : { state: "succeeded", result: answer };
    if (job.state === "cancelled") { $("#import-result").textContent = t("jobCancelled"); return; }
    if (job.state === "failed") throw Object.assign(new Error(`${job.error.title} — ${job.error.detail}`), { body: job.error.parameters });
    const report = job.result;
    $("#import-result").textContent = `${report.rows} ${t("imported")} · ${report.inserted} ${t("inserted")} · ${report.updated} ${t("updated")}`;
    await showEmployees();
  } catch (error) {
    $("#import-result").textContent = `${error.message}\n` + (error.body?.lineErrors ?? []).map((e) => `${e.line} ${e.column ?? ""}: ${e.reason}`).join("\n");
  }
});

// ---- working group and administrators ----
async function showStatistics(networkId) {
  const statistics = await api(`/api/networks/${networkId}/statistics`);
  // Roles and statuses are words of the interface; communes, sites and rosters are names.
  const label = (key, value) => ["byCommuteRole", "carpoolMembersByStatus"].includes(key) ? t(value) : value;
  // A table whose keys all round to 0 says so, rather than showing nothing at all.
  const counts = (key) => [element("h3", {}, t(key)), element("table", {}, statistics[key].length === 0
    ? [row(t("nothingShown"), "")] : statistics[key].map((c) => row(label(key, c.key), c.count ?? t("hidden"))))];
  $("#statistics").replaceChildren(element("p", {}, `${t("total")}: ${statistics.employees}`),
    ...["byCommune", "bySite", "byShiftPattern", "byCommuteRole", "carpoolMembersByStatus"].flatMap(counts));
}

async function showNetworks() {
  const networks = await api("/api/networks");
  $("#network-list").replaceChildren(...networks.items.map((n) =>
    element("li", {}, n.name, " ", element("button", { type: "button", dataset: { network: n.id } }, t("run")))));
}

$("#network-list").addEventListener("click", async (event) => {
  const button = event.target.closest("button[data-network]");
  if (!button) return;
  await api(`/api/networks/${button.dataset.network}/planning-runs`, { method: "POST" });
  say(t("runQueued"));
});

// ---- session ----
// A link mailed to a new employee (#invitation=TOKEN) lets them choose their password; a first password given by
// someone else must be replaced before anything else.
let invitation = location.hash.startsWith("#invitation=") ? location.hash.slice("#invitation=".length) : null;

function askForPassword(mustChange) {
  show("#choose-password", true);
  show("#must-change", mustChange);
  show("#current-password", mustChange);
  $("#choose-password-form").elements.currentPassword.required = mustChange;
}

async function start() {
  if (invitation) { show("#sign-in", false); askForPassword(false); return; }
  let me;
  try { me = await api("/api/me"); } catch { show("#sign-in", true); return; }
  show("#sign-in", false);
  if (me.mustChangePassword) { show("#sign-out", true); askForPassword(true); return; }
  show("#sign-out", true);
  $("#who").textContent = me.displayName ?? me.email;
  show("#employee", me.role === "Employee");
  show("#hr", me.role === "HrManager");
  show("#working-group", me.role === "WorkingGroup");
  show("#admin", me.role === "Administrator");
  if (me.role === "Employee") await showEmployee();
  if (me.role === "HrManager") { hrCompany = me.companyId; await Promise.all([showRosterProblems(), showEmployees(), showShuttles(me.companyId)]); }
  if (me.role === "WorkingGroup") await Promise.all([showStatistics(me.networkId), showDemand(me.networkId)]);
  if (me.role === "Administrator") await showNetworks();
}

$("#sign-in-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = event.target.elements;
  try {
    await api("/api/auth/login?useCookies=true", { method: "POST", body: JSON.stringify({ email: form.email.value, password: form.password.value }) });
    say("");
    await start();
  } catch { say(t("signInFailed")); }
});

$("#choose-password-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = event.target.elements;
  try {
    if (invitation) await api("/api/auth/invitation", { method: "POST", body: JSON.stringify({ token: invitation, password: form.newPassword.value }) });
    else await api("/api/auth/password", { method: "POST", body: JSON.stringify({ currentPassword: form.currentPassword.value, newPassword: form.newPassword.value }) });
    invitation = null;
    history.replaceState(null, "", location.pathname);
    show("#choose-password", false);
    show("#sign-out", false);
    show("#sign-in", true);
    say(t("passwordChosen"));
  } catch (error) {
    say(invitation && error.body?.errors?.token ? t("invitationInvalid") : t("passwordRefused"));
  }
});

$("#sign-out").addEventListener("click", async () => { await api("/api/auth/logout", { method: "POST" }); location.reload(); });
for (const button of document.querySelectorAll("[data-language]")) button.addEventListener("click", () => setLanguage(button.dataset.language));

setLanguage(currentLanguage());
start();
