// HR's shuttle page: the company's plans (and the network's), one plan's timetable, and a new plan for a date. A plan
// is a job on the server (seconds to minutes): the form follows it (jobs.js), shows its progress, lets HR cancel it, then shows the plan.
import { t, currentLanguage } from "./i18n.js";
import { element, row, table } from "./dom.js";
import { followJob } from "./jobs.js";

const $ = (selector) => document.querySelector(selector);
// The comparison's lines as the API names them, and the words the page shows for them.
const alternative = { "everyone driving alone": () => t("aloneByCar"), carpools: () => t("carpools"), shuttles: () => t("shuttles"),
  "shuttles, door to door": () => t("doorToDoor") };
const number = (value, digits = 0) => Number(value ?? 0).toLocaleString(currentLanguage(), { maximumFractionDigits: digits });

async function call(path, options = {}) {
  const response = await fetch(path, { credentials: "same-origin", ...options,
    headers: options.body ? { "Content-Type": "application/json" } : {} });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const fields = Object.values(body?.errors ?? {}).flat().join(" ");
    throw new Error(fields || body?.detail || body?.title || response.statusText);
  }
  return body;
}

async function showPlans() {
  const plans = await call("/api/shuttle-plans?pageSize=50");
  $("#shuttle-plans tbody").replaceChildren(...(plans.items.length === 0
    ? [element("tr", {}, element("td", { colSpan: 5 }, t("noShuttlePlans")))]
    : plans.items.map((p) => row(p.companyId ? p.name : `${p.name} (${t("networkWide")})`,
        p.validTo && p.validTo !== p.validFrom ? `${p.validFrom} → ${p.validTo}` : p.validFrom, p.trips, number(p.kilometres),
        element("button", { type: "button", dataset: { plan: p.id } }, t("timetable"))))));
}

async function showTimetable(planId) {
  const plan = await call(`/api/shuttle-plans/${planId}`);
  $("#shuttle-timetable").replaceChildren(element("h3", {}, plan.plan.name), ...plan.trips.map((trip) =>
    element("div", { className: "proposal" }, element("strong", {}, trip.vehicle), ` · ${t(trip.direction)} · ${number(trip.kilometres, 1)} km`,
      table([t("stop"), t("arrives"), t("leaves"), t("boarding"), t("alighting"), t("onBoard")], trip.stops.map((s) =>
        row(s.site, s.arrival.slice(0, 5), s.departure.slice(0, 5), s.boarding || "", s.alighting || "", s.loadAfter))))));
}

/** Fills the shuttle section for an HR manager's company. */
export async function showShuttles(companyId) {
  const form = $("#shuttle-form");
  if (!form.elements.date.value) form.elements.date.value = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  form.onsubmit = async (event) => {
    event.preventDefault();
    const fields = form.elements;
    fields.plan.disabled = true;
    $("#shuttle-result").textContent = t("planning");
    try {
      const queued = await call(`/api/companies/${companyId}/shuttle-plans`, { method: "POST", body: JSON.stringify({
        name: fields.name.value, date: fields.date.value, days: Number(fields.days.value), minDistanceKm: Number(fields.minDistanceKm.value),
        communes: fields.communes.value.split(",").map((c) => c.trim()).filter((c) => c) }) });
      const job = await followJob(`/api/jobs/${queued.id}`, $("#shuttle-result"));
      if (job.state === "cancelled") { $("#shuttle-result").textContent = t("jobCancelled"); return; }
      if (job.state === "failed") { $("#shuttle-result").textContent = `${job.error.title} — ${job.error.detail}`; return; }
      const outcome = job.result;
      $("#shuttle-result").replaceChildren(
        element("p", {}, `${number(outcome.riders)} ${t("riders")} · ${outcome.trips} ${t("trips")} · ${number(outcome.kilometres)} km · ` +
          `${number(outcome.kilogramsCo2)} kg CO₂ · ${outcome.unservedRides} ${t("unservedRides")}`),
        table(["", "km", "kg CO₂"], outcome.comparison.map((a) =>
          row((alternative[a.name] ?? (() => a.name))(), number(a.vehicleKilometres), number(a.kilogramsCo2)))));
      await showPlans();
      await showTimetable(outcome.planId);
    } catch (error) {
      $("#shuttle-result").textContent = error.message;
    } finally {
      fields.plan.disabled = false;
    }
  };
  $("#shuttle-plans").onclick = (event) => {
    const button = event.target.closest("button[data-plan]");
    if (button) showTimetable(button.dataset.plan).catch((error) => { $("#shuttle-timetable").textContent = error.message; });
  };
  await showPlans();
}
