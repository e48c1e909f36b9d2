// HR's shuttle page: the company's plans (and the network's), one plan's timetable, and a new plan for a date. A plan
// takes a few seconds to compute: the form waits for it and says so.
import { t, currentLanguage } from "./i18n.js";

const $ = (selector) => document.querySelector(selector);
const escape = (text) => String(text ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
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
  $("#shuttle-plans tbody").innerHTML = plans.items.length === 0 ? `<tr><td colspan="5">${t("noShuttlePlans")}</td></tr>` :
    plans.items.map((p) => `<tr><td>${escape(p.name)}${p.companyId ? "" : ` (${t("networkWide")})`}</td><td>${escape(p.validFrom)}${p.validTo && p.validTo !== p.validFrom ? ` → ${escape(p.validTo)}` : ""}</td>
      <td>${p.trips}</td><td>${number(p.kilometres)}</td><td><button type="button" data-plan="${p.id}">${t("timetable")}</button></td></tr>`).join("");
}

async function showTimetable(planId) {
  const plan = await call(`/api/shuttle-plans/${planId}`);
  $("#shuttle-timetable").innerHTML = `<h3>${escape(plan.plan.name)}</h3>` + plan.trips.map((trip) =>
    `<div class="proposal"><strong>${escape(trip.vehicle)}</strong> · ${t(trip.direction)} · ${number(trip.kilometres, 1)} km
      <table><thead><tr><th>${t("stop")}</th><th>${t("arrives")}</th><th>${t("leaves")}</th><th>${t("boarding")}</th><th>${t("alighting")}</th><th>${t("onBoard")}</th></tr></thead><tbody>
      ${trip.stops.map((s) => `<tr><td>${escape(s.site)}</td><td>${s.arrival.slice(0, 5)}</td><td>${s.departure.slice(0, 5)}</td><td>${s.boarding || ""}</td><td>${s.alighting || ""}</td><td>${s.loadAfter}</td></tr>`).join("")}
      </tbody></table></div>`).join("");
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
      const outcome = await call(`/api/companies/${companyId}/shuttle-plans`, { method: "POST", body: JSON.stringify({
        name: fields.name.value, date: fields.date.value, days: Number(fields.days.value), minDistanceKm: Number(fields.minDistanceKm.value),
        communes: fields.communes.value.split(",").map((c) => c.trim()).filter((c) => c) }) });
      $("#shuttle-result").innerHTML = `<p>${number(outcome.riders)} ${t("riders")} · ${outcome.trips} ${t("trips")} · ${number(outcome.kilometres)} km · ` +
        `${number(outcome.kilogramsCo2)} kg CO₂ · ${outcome.unservedRides} ${t("unservedRides")}</p><table><thead><tr><th></th><th>km</th><th>kg CO₂</th></tr></thead><tbody>` +
        outcome.comparison.map((a) => `<tr><td>${(alternative[a.name] ?? (() => a.name))()}</td><td>${number(a.vehicleKilometres)}</td><td>${number(a.kilogramsCo2)}</td></tr>`).join("") + "</tbody></table>";
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
