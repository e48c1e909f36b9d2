// The dashboard's map on our basemap: the homes grid (1 km squares coloured by their rounded count, never a point), the
// network's plants, stations and meeting points with their names, and — when the server has them — the plants'
// isochrones (the accessibility layer, GET /statistics/accessibility: drawn when it answers, absent on 404). Phones have
// no hover: a tap on a square, a place or an area writes its figures under the map, and every place is also a button.
import { useEffect, useRef, useState } from "preact/hooks";
import type * as maplibregl from "maplibre-gl";
import type { Map as MapLibreMap } from "maplibre-gl";
import { formatNumber, t, type TextKey } from "../i18n";
import { useMap } from "../map/useMap";
import { colourClasses, type ColourClass } from "./dashboard";

export interface HomeGrid { type: "FeatureCollection"; features: GeoJSON.Feature<GeoJSON.Polygon, { employees: number; consenting: number }>[]; withheld: number }
export interface Place { id: number; name: string; kind: "Plant" | "Station" | "MeetingPoint" | "CarPark"; companyId: number | null; latitude: number; longitude: number }

/** The accessibility layer's answer (added by the diagnostic's endpoint): one polygon per plant, mode and time. */
export type Profile = "car" | "bicycle" | "foot";
export interface IsochroneProperties { plantId: number; plant: string; profile: Profile; minutes: number; inside: number | null; share: number | null }
export type Isochrones = GeoJSON.FeatureCollection<GeoJSON.Polygon | GeoJSON.MultiPolygon, IsochroneProperties>;

const placeColours: Record<Place["kind"], string> = { Plant: "#5b3f8c", Station: "#b34700", MeetingPoint: "#1e6b35", CarPark: "#4d5c66" };
const placeWords: Record<Place["kind"], TextKey> = {
  Plant: "dash.legendPlant", Station: "dash.legendStation", MeetingPoint: "dash.legendMeeting", CarPark: "dash.legendCarPark",
};
const profileWords: Record<Profile, TextKey> = { car: "dash.car", bicycle: "dash.bicycle", foot: "dash.foot" };
const isochroneColour = "#d9480f";
const empty: GeoJSON.FeatureCollection = { type: "FeatureCollection", features: [] };

/** The grid's fill: a step per colour class (MapLibre needs at least one stop, so a lone class is a constant). */
const fillColour = (classes: ColourClass[]): maplibregl.DataDrivenPropertyValueSpecification<string> =>
  classes.length <= 1 ? classes[0]?.colour ?? "#d6ecf3"
    : ["step", ["get", "employees"], classes[0].colour, ...classes.slice(1).flatMap((c) => [c.from, c.colour])] as maplibregl.ExpressionSpecification;

const placesData = (places: Place[]): GeoJSON.FeatureCollection => ({
  type: "FeatureCollection",
  features: places.map((p) => ({ type: "Feature", properties: { id: p.id, name: p.name, kind: p.kind },
    geometry: { type: "Point", coordinates: [p.longitude, p.latitude] } })),
});

const range = (c: ColourClass) => (c.to === null ? `≥ ${formatNumber(c.from)}` : c.to === c.from ? formatNumber(c.from) : `${formatNumber(c.from)}–${formatNumber(c.to)}`);
const share = (value: number | null) => (value == null ? t("dash.fewer") : `${formatNumber(value * 100)} %`);

export function DashboardMap({ grid, places, isochrones }: { grid: HomeGrid | null; places: Place[]; isochrones: Isochrones | null }) {
  const classes = colourClasses((grid?.features ?? []).map((f) => f.properties.employees));
  const profiles = [...new Set((isochrones?.features ?? []).map((f) => f.properties.profile))];
  const [profile, setProfile] = useState<Profile | "">("");
  const [minutes, setMinutes] = useState<number | "">("");
  const chosenProfile = (profile && profiles.includes(profile) ? profile : profiles.length ? profiles[0] : "") as Profile | "";
  const minuteChoices = [...new Set((isochrones?.features ?? []).filter((f) => f.properties.profile === chosenProfile).map((f) => f.properties.minutes))].sort((a, b) => a - b);
  const chosenMinutes = (minutes !== "" && minuteChoices.includes(minutes) ? minutes : minuteChoices.length ? minuteChoices[0] : "") as number | "";
  const [readout, setReadout] = useState<string[]>([]);

  // The latest figures, read by the map when it is first drawn (it is drawn once; later figures are set on it).
  const latest = useRef({ grid, places, classes, isochrones, chosenProfile, chosenMinutes });
  latest.current = { grid, places, classes, isochrones, chosenProfile, chosenMinutes };
  const shown = useRef<MapLibreMap | null>(null);
  const framed = useRef(false);

  /** Puts the latest figures on the map, and frames the network once its places or squares are known (the map may be
   * made before the figures arrive, or after). */
  const sync = (map: MapLibreMap) => {
    const now = latest.current;
    (map.getSource("grid") as maplibregl.GeoJSONSource | undefined)?.setData((now.grid ?? empty) as GeoJSON.FeatureCollection);
    (map.getSource("places") as maplibregl.GeoJSONSource | undefined)?.setData(placesData(now.places));
    (map.getSource("isochrones") as maplibregl.GeoJSONSource | undefined)?.setData((now.isochrones ?? empty) as GeoJSON.FeatureCollection);
    if (map.getLayer("grid")) map.setPaintProperty("grid", "fill-color", fillColour(now.classes));
    for (const layer of ["isochrones", "isochrones-outline"]) if (map.getLayer(layer)) map.setFilter(layer, isochroneFilter());
    const positions = [...now.places.map((p) => [p.longitude, p.latitude] as [number, number]),
      ...(now.grid?.features ?? []).flatMap((f) => f.geometry.coordinates[0] as [number, number][])];
    if (!framed.current && positions.length > 0) {
      framed.current = true;
      const lons = positions.map((p) => p[0]), lats = positions.map((p) => p[1]);
      map.fitBounds([[Math.min(...lons), Math.min(...lats)], [Math.max(...lons), Math.max(...lats)]], { padding: 30, maxZoom: 14, duration: 0 });
    }
  };

  const isochroneFilter = (): maplibregl.FilterSpecification =>
    ["all", ["==", ["get", "profile"], latest.current.chosenProfile || ""], ["==", ["get", "minutes"], latest.current.chosenMinutes === "" ? -1 : latest.current.chosenMinutes]];

  const readSquare = (p: { employees: number; consenting: number }) =>
    setReadout([t("dash.square", { employees: formatNumber(p.employees), consenting: formatNumber(p.consenting) })]);
  const readIsochrone = (p: IsochroneProperties) => setReadout([
    t("dash.isochrone", { plant: p.plant, minutes: p.minutes, mode: t(profileWords[p.profile]).toLowerCase() }),
    t("dash.isochroneInside", { inside: p.inside == null ? t("dash.fewer") : formatNumber(p.inside), share: share(p.share) }),
  ]);
  const readPlace = (place: Pick<Place, "name" | "kind">) => {
    const lines = [`${place.name} · ${t(placeWords[place.kind])}`];
    const reached = (latest.current.isochrones?.features ?? []).find((f) => f.properties.plant === place.name
      && f.properties.profile === latest.current.chosenProfile && f.properties.minutes === latest.current.chosenMinutes);
    if (reached) lines.push(t("dash.isochroneInside", { inside: reached.properties.inside == null ? t("dash.fewer") : formatNumber(reached.properties.inside),
      share: share(reached.properties.share) }));
    setReadout(lines);
  };

  const { container, failed } = useMap(async ({ createMap, mapFont }, element) => {
    const now = latest.current;
    const map = await createMap(element, {
      sources: {
        grid: { type: "geojson", data: (now.grid ?? empty) as GeoJSON.FeatureCollection },
        isochrones: { type: "geojson", data: (now.isochrones ?? empty) as GeoJSON.FeatureCollection },
        places: { type: "geojson", data: placesData(now.places) },
      },
      layers: [
        { id: "isochrones", type: "fill", source: "isochrones", filter: isochroneFilter(), paint: { "fill-color": isochroneColour, "fill-opacity": 0.12 } },
        { id: "isochrones-outline", type: "line", source: "isochrones", filter: isochroneFilter(),
          paint: { "line-color": isochroneColour, "line-width": 2, "line-dasharray": [2, 1] } },
        { id: "grid", type: "fill", source: "grid", paint: { "fill-color": fillColour(now.classes), "fill-opacity": 0.72 } },
        { id: "grid-outline", type: "line", source: "grid", paint: { "line-color": "#0b5f77", "line-width": 0.5 } },
        { id: "grid-count", type: "symbol", source: "grid", minzoom: 12, layout: {
          "text-field": ["to-string", ["get", "employees"]], "text-font": [mapFont], "text-size": 11 },
          paint: { "text-color": "#10232c", "text-halo-color": "#ffffff", "text-halo-width": 1.5 } },
        { id: "places", type: "circle", source: "places", paint: {
          "circle-radius": ["match", ["get", "kind"], "Plant", 8, 6],
          "circle-color": ["match", ["get", "kind"], "Plant", placeColours.Plant, "Station", placeColours.Station, "MeetingPoint", placeColours.MeetingPoint, placeColours.CarPark],
          "circle-stroke-color": "#ffffff", "circle-stroke-width": 2 } },
        { id: "place-labels", type: "symbol", source: "places", layout: {
          "text-field": ["get", "name"], "text-font": [mapFont], "text-size": ["match", ["get", "kind"], "Plant", 13, 11],
          "text-offset": [0, 1.1], "text-anchor": "top", "text-max-width": 10, "text-optional": true },
          paint: { "text-color": "#1d2a33", "text-halo-color": "#ffffff", "text-halo-width": 2 } },
      ],
    });
    // A finger is wider than a square's edge or a dot: read what lies within 12 px of the tap, places first.
    map.on("click", (event) => {
      const { x, y } = event.point;
      const box: [maplibregl.PointLike, maplibregl.PointLike] = [[x - 12, y - 12], [x + 12, y + 12]];
      const place = map.queryRenderedFeatures(box, { layers: ["places"] })[0];
      if (place) { readPlace(place.properties as Place); return; }
      const square = map.queryRenderedFeatures(event.point, { layers: ["grid"] })[0];
      if (square) { readSquare(square.properties as { employees: number; consenting: number }); return; }
      const area = map.queryRenderedFeatures(event.point, { layers: ["isochrones"] })[0];
      if (area) readIsochrone(area.properties as IsochroneProperties);
      else setReadout([]);
    });
    for (const layer of ["places", "grid", "isochrones"]) {
      map.on("mouseenter", layer, () => { map.getCanvas().style.cursor = "pointer"; });
      map.on("mouseleave", layer, () => { map.getCanvas().style.cursor = ""; });
    }
    shown.current = map;
    // The figures may have come while the map was being made: set them now, and again once the style has loaded (a
    // source exists only from then; setting twice is harmless).
    sync(map);
    map.once("load", () => sync(map));
    return map;
  }, []);

  // New figures (another filter) are set on the map drawn, rather than drawing a new map each time.
  useEffect(() => {
    const map = shown.current;
    if (!map) return;
    sync(map); // before the style's load, the load's own sync (above) sets them
    setReadout((lines) => (lines.length ? [] : lines)); // a square read under other filters is no longer true
  }, [grid, places, isochrones, chosenProfile, chosenMinutes]);

  const kinds = (Object.keys(placeColours) as Place["kind"][]).filter((k) => places.some((p) => p.kind === k));
  return (
    <figure class="map-figure dashboard-map">
      {isochrones && profiles.length > 0 && (
        <fieldset class="inline isochrone-choice" id="isochrone-choice">
          <legend>{t("dash.isochrones")}</legend>
          <label>{t("dash.mode")}
            <select name="profile" value={chosenProfile} onChange={(e) => setProfile((e.currentTarget as HTMLSelectElement).value as Profile)}>
              {profiles.map((p) => <option value={p}>{t(profileWords[p])}</option>)}
            </select>
          </label>
          <label>{t("dash.minutes")}
            <select name="minutes" value={String(chosenMinutes)} onChange={(e) => setMinutes(Number((e.currentTarget as HTMLSelectElement).value))}>
              {minuteChoices.map((m) => <option value={String(m)}>{t("dash.minutesValue", { minutes: m })}</option>)}
            </select>
          </label>
        </fieldset>
      )}
      {failed ? <p class="warning">{t("mapUnavailable")}</p>
        : <div ref={container} id="dashboard-map" class="map large" role="img" aria-label={t("dash.mapLabel")} />}
      <figcaption>
        <p id="map-readout" class="map-readout" aria-live="polite">{readout.length ? readout.map((line) => <span>{line}</span>) : t("dash.tapHint")}</p>
        <div id="map-legend" class="map-legend">
          <p class="legend-title">{t("dash.legendSquares")}</p>
          {classes.length === 0 ? <p class="hint">{t("dash.noSquare")}</p> : (
            <ul class="legend squares">
              {classes.map((c) => <li><span class="swatch" style={{ background: c.colour }} aria-hidden="true" /> {range(c)}</li>)}
            </ul>
          )}
          <ul class="legend">
            {kinds.map((k) => <li data-kind={k}><span class="dot" style={{ background: placeColours[k] }} aria-hidden="true" /> {t(placeWords[k])}</li>)}
            {isochrones && chosenProfile && chosenMinutes !== "" && (
              <li data-kind="isochrone"><span class="swatch isochrone" aria-hidden="true" />
                {" "}{t("dash.legendIsochrone", { minutes: chosenMinutes, mode: t(profileWords[chosenProfile]).toLowerCase() })}</li>
            )}
          </ul>
          {grid && <p class="hint">{t("dash.squaresNote", { squares: formatNumber(grid.features.length), withheld: formatNumber(grid.withheld) })}</p>}
        </div>
        {places.length > 0 && (
          <details class="map-places">
            <summary>{t("dash.placesList")} ({places.length})</summary>
            <ul id="map-places">
              {places.map((p) => (
                <li><button type="button" class="quiet place" data-kind={p.kind} onClick={() => {
                  readPlace(p);
                  shown.current?.flyTo({ center: [p.longitude, p.latitude], zoom: Math.max(shown.current.getZoom(), 12) });
                }}><span class="dot" style={{ background: placeColours[p.kind] }} aria-hidden="true" /> {p.name}</button></li>
              ))}
            </ul>
          </details>
        )}
      </figcaption>
    </figure>
  );
}

