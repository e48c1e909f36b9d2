// A shuttle plan on the map: each trip along the roads (to work and home in two colours, the chosen shift change drawn
// thicker), its stops with their names on the map, a legend, and the stops as a list for whoever cannot see the map.
import { useEffect, useRef } from "preact/hooks";
import type * as maplibregl from "maplibre-gl";
import type { Map as MapLibreMap } from "maplibre-gl";
import { api } from "../http";
import { t } from "../i18n";
import { useMap } from "./useMap";

interface Stop { site: string; location: { coordinates: [number, number] } }
type Routes = GeoJSON.FeatureCollection<GeoJSON.LineString, { tripId: number; direction: string; vehicle: string; departure: string }>;

/** The chosen shift change's trips drawn thicker than the others. */
const lineWidth = (highlighted: number[]): maplibregl.ExpressionSpecification =>
  ["case", ["in", ["get", "tripId"], ["literal", highlighted]], 6, 2.5];

export function ShuttleMap({ planId, stops, highlighted }: { planId: number; stops: Stop[]; highlighted: number[] }) {
  const shown = useRef<MapLibreMap | null>(null);
  const places = [...new Map(stops.map((s) => [s.site, s])).values()];
  const { container, failed } = useMap(async ({ createMap, boundsOf, mapFont }, element) => {
    const routes = await api<Routes>(`/api/shuttle-plans/${planId}/routes`).catch(() => ({ type: "FeatureCollection", features: [] }) as Routes);
    const map = await createMap(element, {
      bounds: boundsOf(places.map((p) => p.location.coordinates)),
      sources: {
        routes: { type: "geojson", data: routes },
        stops: { type: "geojson", data: { type: "FeatureCollection", features: places.map((p) => ({
          type: "Feature", properties: { name: p.site }, geometry: { type: "Point", coordinates: p.location.coordinates } })) } },
      },
      layers: [
        { id: "routes", type: "line", source: "routes", layout: { "line-join": "round", "line-cap": "round" }, paint: {
          "line-color": ["match", ["get", "direction"], "ToWork", "#0b5f77", "#b34700"],
          "line-width": lineWidth(highlighted), "line-opacity": 0.85 } },
        { id: "stops", type: "circle", source: "stops", paint: { "circle-radius": 6, "circle-color": "#5b3f8c", "circle-stroke-color": "#ffffff", "circle-stroke-width": 2 } },
        { id: "stop-labels", type: "symbol", source: "stops", layout: {
          "text-field": ["get", "name"], "text-font": [mapFont], "text-size": 13, "text-offset": [0, 1.1], "text-anchor": "top", "text-max-width": 12 },
          paint: { "text-color": "#1d2a33", "text-halo-color": "#ffffff", "text-halo-width": 2 } },
      ],
    });
    shown.current = map;
    return map;
  }, [planId]);
  // A shift change chosen in the list is drawn thicker.
  useEffect(() => {
    const map = shown.current;
    if (!map?.getLayer("routes")) return;
    map.setPaintProperty("routes", "line-width", lineWidth(highlighted));
  }, [highlighted.join(",")]);
  return (
    <figure class="map-figure">
      {failed ? <p class="warning">{t("mapUnavailable")}</p> : <div ref={container} class="map large shuttle-map" role="img" aria-label={t("shuttleMapLabel")} />}
      <figcaption>
        <ul class="legend">
          <li><span class="line to-work" aria-hidden="true" /> {t("ToWork")}</li>
          <li><span class="line to-home" aria-hidden="true" /> {t("ToHome")}</li>
          <li><span class="dot plant" aria-hidden="true" /> {t("legendStop")}</li>
        </ul>
        <p class="hint">{t("stopsList")}: {places.map((p) => p.site).join(" · ")}</p>
      </figcaption>
    </figure>
  );
}
