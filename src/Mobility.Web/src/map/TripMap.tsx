// One trip on a map: the pickups in order, the plants, and the drive. Before everyone confirmed, the others' places are
// meeting points or rounded (the server's rule) and only the order of the calls is drawn; once confirmed, the drive
// along the roads. Labels are drawn on the map (a phone cannot hover) and the legend says what each mark is.
import { api } from "../http";
import { t } from "../i18n";
import { riding, type GeoPoint, type Proposal } from "../employee/model";
import { useMap } from "./useMap";

interface Call { at: [number, number]; label: string; kind: "me" | "member" | "plant" }
const position = (point: GeoPoint): [number, number] => [point.coordinates[0], point.coordinates[1]];

export function callsOf(proposal: Proposal, meLabel: string): Call[] {
  const members = riding(proposal);
  const pickups: Call[] = members.filter((m) => m.pickup).map((m) => ({
    at: position(m.pickup!), label: `${m.pickupOrder + 1}. ${m.isMe ? meLabel : m.firstName ?? "?"}`, kind: m.isMe ? "me" : "member",
  }));
  const plants: Call[] = [];
  for (const m of members)
    if (m.dropOffLocation && !plants.some((p) => p.label === m.dropOff)) plants.push({ at: position(m.dropOffLocation), label: m.dropOff, kind: "plant" });
  return proposal.direction === "ToWork" ? [...pickups, ...plants] : [...plants, ...[...pickups].reverse()];
}

export function TripMap({ proposal }: { proposal: Proposal }) {
  const { container, failed } = useMap(async ({ createMap, boundsOf, mapFont }, element) => {
    const calls = callsOf(proposal, t("me"));
    const created = await createMap(element, {
      bounds: boundsOf(calls.map((c) => c.at)),
      sources: {
        sketch: { type: "geojson", data: { type: "Feature", properties: {}, geometry: { type: "LineString", coordinates: calls.map((c) => c.at) } } },
        calls: { type: "geojson", data: { type: "FeatureCollection", features: calls.map((c) => ({
          type: "Feature", properties: { label: c.label, kind: c.kind }, geometry: { type: "Point", coordinates: c.at } })) } },
      },
      layers: [
        { id: "sketch", type: "line", source: "sketch", paint: { "line-color": "#0b5f77", "line-width": 2, "line-dasharray": [2, 3] } },
        { id: "calls", type: "circle", source: "calls", paint: {
          "circle-radius": ["match", ["get", "kind"], "plant", 8, "me", 8, 6],
          "circle-color": ["match", ["get", "kind"], "plant", "#5b3f8c", "me", "#d9480f", "#0b5f77"],
          "circle-stroke-color": "#ffffff", "circle-stroke-width": 2 } },
        { id: "call-labels", type: "symbol", source: "calls", layout: {
          "text-field": ["get", "label"], "text-font": [mapFont], "text-size": 13, "text-offset": [0, 1.2], "text-anchor": "top", "text-max-width": 12 },
          paint: { "text-color": "#1d2a33", "text-halo-color": "#ffffff", "text-halo-width": 2 } },
      ],
    });
    if (proposal.status === "Confirmed") {
      try {
        const route = await api<GeoJSON.Feature<GeoJSON.LineString, { alongRoads: boolean }>>(`/api/me/proposals/${proposal.groupId}/route`);
        const drawRoute = () => {
          created.addSource("route", { type: "geojson", data: route });
          created.addLayer({ id: "route", type: "line", source: "route", paint: { "line-color": "#0b5f77", "line-width": 4 } }, "calls");
          if (route.properties?.alongRoads) created.setLayoutProperty("sketch", "visibility", "none");
        };
        if (created.isStyleLoaded()) drawRoute(); else created.once("style.load", drawRoute);
      } catch { /* the sketch stays */ }
    }
    return created;
  }, [proposal.groupId, proposal.status]);
  const calls = callsOf(proposal, t("me"));
  return (
    <figure class="map-figure">
      {failed ? <p class="warning">{t("mapUnavailable")}</p> : <div ref={container} class="map" role="img" aria-label={t("tripMapLabel")} />}
      <figcaption>
        <ul class="legend">
          <li><span class="dot me" aria-hidden="true" /> {t("legendMe")}</li>
          <li><span class="dot member" aria-hidden="true" /> {t("legendPickup")}</li>
          <li><span class="dot plant" aria-hidden="true" /> {t("legendPlant")}</li>
          <li><span class="line" aria-hidden="true" /> {t(proposal.status === "Confirmed" ? "legendRoute" : "legendOrder")}</li>
        </ul>
        <ol class="calls">{calls.map((c) => <li>{c.label.replace(/^\d+\. /, "")}{c.kind === "plant" ? ` (${t("legendPlant")})` : ""}</li>)}</ol>
      </figcaption>
    </figure>
  );
}
