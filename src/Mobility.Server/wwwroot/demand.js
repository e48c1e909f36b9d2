// The working group's demand page: where people live (a grid of squares on a map, never a point), when they travel,
// and what a date's carpools save. Everything shown is an aggregate the server has rounded to 5 (kilometres to 10,
// and only for hours with enough carpoolers); a missing value is one the server withheld.
import { t } from "./i18n.js";
import { element, row, table, tooltip } from "./dom.js";

const $ = (selector) => document.querySelector(selector);
const number = (value, digits = 0) => value == null ? t("hidden") : Number(value).toLocaleString(document.documentElement.lang, { maximumFractionDigits: digits });

async function get(path) {
  const response = await fetch(path, { credentials: "same-origin" });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body?.detail ?? body?.title ?? response.statusText);
  return body;
}

let map;
let squares;

/** Blues from light to dark by share of the busiest square. */
const shade = (share) => `hsl(200, 70%, ${Math.round(88 - 55 * share)}%)`;

async function showHomes(networkId) {
  // One grid, chosen by the server: squares of several sizes would subtract from one another.
  const grid = await get(`/api/networks/${networkId}/statistics/homes`);
  if (!window.L) { $("#demand-map").textContent = t("mapUnavailable"); return; }
  if (!map) {
    map = L.map("demand-map");
    // Tiles come from the browser's own connection; the grid is drawn without them if they do not load.
    L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
      maxZoom: 18, attribution: "© <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a>",
    }).addTo(map);
  }
  squares?.remove();
  const most = Math.max(1, ...grid.features.map((f) => f.properties.employees));
  squares = L.geoJSON(grid, {
    style: (feature) => ({ color: "#0b5f77", weight: 0.5, fillColor: shade(feature.properties.employees / most), fillOpacity: 0.7 }),
    onEachFeature: (feature, layer) => layer.bindTooltip(tooltip(
      `${number(feature.properties.employees)} ${t("employeesLiving")} · ${number(feature.properties.consenting)} ${t("consenting")}`)),
  }).addTo(map);
  if (grid.features.length > 0) map.fitBounds(squares.getBounds(), { padding: [10, 10] });
  else map.setView([48.6, 7.75], 9);
  $("#demand-map-note").textContent = `${grid.features.length} ${t("squares")} · ${number(grid.withheld)} ${t("withheldPeople")}`;
}

async function showTravel(networkId, date) {
  const travel = await get(`/api/networks/${networkId}/statistics/travel?date=${date}`);
  const most = Math.max(1, ...travel.hours.flatMap((h) => [h.arriving ?? 0, h.leaving ?? 0]));
  // The width through CSSOM: the Content-Security-Policy refuses style="" attributes, not element.style.
  const bar = (value, kind) => [element("span", { className: `bar ${kind}`, style: { width: `${((value ?? 0) / most) * 12}rem` } }), ` ${number(value)}`];
  $("#demand-travel").replaceChildren(element("p", {}, `${number(travel.people)} ${t("peopleWorking")}`),
    table([t("hour"), t("arriving"), t("leaving")],
      travel.hours.map((h) => row(`${String(h.hour).padStart(2, "0")}:00`, bar(h.arriving, "arriving"), bar(h.leaving, "leaving")))));
}

async function showSavings(networkId, date) {
  const savings = await get(`/api/networks/${networkId}/statistics/carpools?date=${date}`);
  $("#demand-savings").replaceChildren(...(savings.groups === 0 ? [element("p", {}, t("noCarpools"))] : [
    element("p", {}, `${number(savings.groups)} ${t("groups")} · ${number(savings.people)} ${t("carpoolers")} · ${number(savings.carsRemoved)} ${t("carsRemoved")}`),
    element("p", {}, `${number(savings.kilometresSaved)} ${t("kmSaved")} · ${number(savings.kilogramsCo2Saved)} ${t("co2Saved")}`),
    table([t("direction"), t("hour"), t("carpoolers"), t("carsRemoved"), "km"], savings.byHour.map((h) =>
      row(t(h.direction), `${String(h.hour).padStart(2, "0")}:00`, number(h.people), number(h.carsRemoved), number(h.routeKilometres)))),
    ...(savings.byHour.some((h) => h.routeKilometres == null) ? [element("p", { className: "hint" }, t("kmHidden"))] : []),
  ]));
}

/** Fills the demand section for a network; the date defaults to tomorrow. */
export async function showDemand(networkId) {
  const form = $("#demand-form");
  if (!form.elements.date.value) {
    const tomorrow = new Date(Date.now() + 86_400_000);
    form.elements.date.value = tomorrow.toISOString().slice(0, 10);
  }
  const refresh = async () => {
    const date = form.elements.date.value;
    try {
      await Promise.all([showHomes(networkId), showTravel(networkId, date), showSavings(networkId, date)]);
    } catch (error) {
      $("#demand-savings").textContent = error.message;
    }
  };
  form.onsubmit = async (event) => { event.preventDefault(); await refresh(); };
  await refresh();
}
