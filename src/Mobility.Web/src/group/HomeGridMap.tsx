// Where employees live, as the server's grid of squares (counts rounded, small squares withheld), on our basemap.
import { useMap } from "../map/useMap";
import { formatNumber, t } from "../i18n";

export interface HomeGrid { type: "FeatureCollection"; features: GeoJSON.Feature<GeoJSON.Polygon, { employees: number; consenting: number }>[]; withheld: number }

export function HomeGridMap({ grid }: { grid: HomeGrid }) {
  const most = Math.max(1, ...grid.features.map((f) => f.properties.employees));
  const { container, failed } = useMap(({ createMap, boundsOf, mapFont }, element) => createMap(element, {
    bounds: boundsOf(grid.features.flatMap((f) => f.geometry.coordinates[0] as [number, number][])),
    sources: { grid: { type: "geojson", data: grid as GeoJSON.FeatureCollection } },
    layers: [
      { id: "grid", type: "fill", source: "grid", paint: {
        "fill-color": ["interpolate", ["linear"], ["/", ["get", "employees"], most], 0, "#d6ecf3", 1, "#0b4f63"], "fill-opacity": 0.7 } },
      { id: "grid-outline", type: "line", source: "grid", paint: { "line-color": "#0b5f77", "line-width": 0.5 } },
      { id: "grid-count", type: "symbol", source: "grid", minzoom: 11, layout: {
        "text-field": ["to-string", ["get", "employees"]], "text-font": [mapFont], "text-size": 11 },
        paint: { "text-color": "#10232c", "text-halo-color": "#ffffff", "text-halo-width": 1.5 } },
    ],
  }), [grid]);
  return (
    <figure class="map-figure">
      {failed ? <p class="warning">{t("mapUnavailable")}</p> : <div ref={container} id="demand-map" class="map large" role="img" aria-label={t("demandMap")} />}
      <figcaption class="hint">
        <span class="ramp" aria-hidden="true" /> {t("gridLegend", { most: formatNumber(most) })} · {t("gridNote", { squares: grid.features.length, withheld: formatNumber(grid.withheld) })}
      </figcaption>
    </figure>
  );
}
