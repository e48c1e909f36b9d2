// One proposal on a map: the car's calls in order (pickups, then the plants to work; the reverse home). The server
// sends a co-member's pickup as their meeting point or a place rounded to about 500 m, never their home.
import { t } from "./i18n.js";
import { tooltip } from "./dom.js";

const maps = new Map();

/** Draws the group in `container` (once per group; a second call removes it, so the button toggles). */
export function toggleProposalMap(container, group) {
  const shown = maps.get(group.groupId);
  maps.delete(group.groupId);
  // A map whose card was redrawn (new messages) is gone from the page: draw it again rather than toggle it off.
  if (shown?.getContainer().isConnected) { shown.remove(); container.hidden = true; return; }
  if (!window.L) { container.hidden = false; container.textContent = t("mapUnavailable"); return; }
  container.hidden = false;
  const map = L.map(container);
  maps.set(group.groupId, map);
  L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
    maxZoom: 18, attribution: "© <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a>",
  }).addTo(map);
  const point = (geo) => [geo.coordinates[1], geo.coordinates[0]];
  // pickupOrder is the driving order both ways (0 is the driver).
  const members = [...group.members].filter((m) => m.status !== "Declined" && m.status !== "Cancelled").sort((a, b) => a.pickupOrder - b.pickupOrder);
  const pickups = members.filter((m) => m.pickup).map((m) => ({ at: point(m.pickup), label: `${m.pickupOrder + 1}. ${m.isMe ? t("me") : m.firstName ?? "?"}`, me: m.isMe, driver: m.role === "Driver" }));
  const plants = [...new Map(members.filter((m) => m.dropOffLocation).map((m) => [m.dropOff, point(m.dropOffLocation)])).entries()]
    .map(([name, at]) => ({ at, label: name }));
  const homes = pickups.filter((p) => !p.driver);
  const driver = pickups.filter((p) => p.driver);
  const calls = group.direction === "ToWork" ? [...driver, ...homes, ...plants] : [...plants, ...homes, ...driver];
  // First names and plant names are typed by other companies' HR: tooltips get text nodes, never a string Leaflet would parse as HTML.
  for (const call of pickups)
    L.circleMarker(call.at, { radius: call.me ? 8 : 6, color: call.me ? "#d98b2b" : "#0b5f77", fillOpacity: 0.9 }).bindTooltip(tooltip(call.label)).addTo(map);
  for (const plant of plants) L.marker(plant.at).bindTooltip(tooltip(plant.label)).addTo(map);
  // Before everyone confirmed: the order of the calls only (the others' places are rounded, a road through them would
  // say too much). Once confirmed, the server draws the drive along the roads.
  const line = L.polyline(calls.map((c) => c.at), { color: "#0b5f77", weight: 2, dashArray: "4 6" }).addTo(map);
  map.fitBounds(line.getBounds(), { padding: [20, 20], maxZoom: 14 });
  if (group.status === "Confirmed") drawRoute(map, group, line);
}

async function drawRoute(map, group, sketch) {
  try {
    const response = await fetch(`/api/me/proposals/${group.groupId}/route`, { credentials: "same-origin" });
    if (!response.ok) return;
    const route = await response.json();
    const road = L.geoJSON(route, { style: { color: "#0b5f77", weight: 4 } }).addTo(map);
    if (route.properties.alongRoads) sketch.remove();
    const minutes = route.properties.minutes == null ? "" : ` · ${Math.round(route.properties.minutes)} min`;
    road.bindTooltip(tooltip(`${t("route")}: ${route.properties.kilometres.toFixed(1)} km${minutes}`));
    map.fitBounds(road.getBounds(), { padding: [20, 20], maxZoom: 15 });
  } catch { /* the sketch stays */ }
}
