// My home on a map, for me only: a marker I drag or move with a tap, on our basemap. Nobody else is shown this point
// (colleagues see an approximate place or a meeting point, the server's rule).
import { useEffect, useRef } from "preact/hooks";
import type { Map as MapLibreMap, Marker } from "maplibre-gl";
import { t } from "../i18n";
import { useMap } from "./useMap";

export function HomeMap({ point, onPick }: { point: [number, number]; onPick: (at: [number, number]) => void }) {
  const marker = useRef<Marker | null>(null);
  const shown = useRef<MapLibreMap | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  const { container, failed } = useMap(async ({ createMap, maplibregl }, element) => {
    const map = await createMap(element, { center: point, zoom: 14 });
    const placed = new maplibregl.Marker({ draggable: true, color: "#d9480f" }).setLngLat(point).addTo(map);
    placed.getElement().setAttribute("aria-label", t("homeMarker"));
    placed.on("dragend", () => { const at = placed.getLngLat(); pick.current([at.lng, at.lat]); });
    map.on("click", (event) => { placed.setLngLat(event.lngLat); pick.current([event.lngLat.lng, event.lngLat.lat]); });
    marker.current = placed;
    shown.current = map;
    return map;
  }, []);
  // A point found by address moves the marker and the view to it.
  useEffect(() => {
    const placed = marker.current;
    if (!placed) return;
    const at = placed.getLngLat();
    if (at.lng === point[0] && at.lat === point[1]) return;
    placed.setLngLat(point);
    shown.current?.easeTo({ center: point, zoom: 15 });
  }, [point[0], point[1]]);
  return failed ? <p class="warning">{t("mapUnavailable")}</p>
    : <div class="map home-map" ref={container} role="application" aria-label={t("homeMapLabel")} />;
}
