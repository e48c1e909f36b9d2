// MapLibre and its style, loaded only when a map is opened (it is most of the app's weight).
import * as maplibregl from "maplibre-gl";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import "maplibre-gl/dist/maplibre-gl.css";
import "@fontsource/noto-sans/latin-400.css";
import { basemapStyle, mapFont } from "./basemap";

export { maplibregl, mapFont };

// MapLibre finds its worker next to its own module, which the bundle renames: tell it where the build put it.
maplibregl.setWorkerUrl(workerUrl);

/** A map in `container` on our basemap, once the labels' font has loaded (else MapLibre draws them in a fallback). */
/// Our own layers go into the style itself, so that they show even when the basemap's tiles cannot be had.
export async function createMap(container: HTMLElement, options: {
  center?: [number, number]; zoom?: number; bounds?: [number, number, number, number];
  sources?: Record<string, maplibregl.SourceSpecification>; layers?: maplibregl.LayerSpecification[];
} = {}): Promise<maplibregl.Map> {
  await document.fonts.load(`16px "${mapFont}"`).catch(() => []);
  const style = basemapStyle();
  Object.assign(style.sources, options.sources ?? {});
  style.layers.push(...(options.layers ?? []));
  const map = new maplibregl.Map({
    container, style, bounds: options.bounds, fitBoundsOptions: { padding: 40, maxZoom: 14 }, center: options.center ?? [7.75, 48.6], zoom: options.zoom ?? 10,
    attributionControl: { compact: false }, cooperativeGestures: true, maxZoom: 17,
  });
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), "top-right");
  map.addControl(new maplibregl.ScaleControl({ unit: "metric" }), "bottom-left");
  return map;
}

/** The box around these positions (lon, lat), or undefined for none. */
export function boundsOf(positions: [number, number][]): [number, number, number, number] | undefined {
  if (positions.length === 0) return undefined;
  const bounds = new maplibregl.LngLatBounds();
  for (const position of positions) bounds.extend(position);
  return bounds.toArray().flat() as [number, number, number, number];
}
