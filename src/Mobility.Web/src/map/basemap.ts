// The basemap: our own vector tiles (tilemaker's OpenMapTiles schema, made from the router's OSM extract and served by
// our server at /tiles), drawn with this style. Labels use Noto Sans shipped with the app (MapLibre draws them with the
// page's font when the style names no glyph server), so nothing is fetched from the internet.
import type { StyleSpecification } from "maplibre-gl";

export const mapFont = "Noto Sans";
const font = [mapFont];
const colours = { land: "#f3f1ec", water: "#a9d3e6", park: "#dbe9cf", road: "#ffffff", major: "#f7d58b", casing: "#c9c2b4", rail: "#9a9a9a", text: "#3b4650", halo: "#ffffff" };

export function basemapStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {
      basemap: { type: "vector", url: `${location.origin}/tiles/tiles.json`, attribution: "© OpenStreetMap contributors (ODbL)" },
    },
    layers: [
      { id: "land", type: "background", paint: { "background-color": colours.land } },
      { id: "landcover", type: "fill", source: "basemap", "source-layer": "landcover", paint: { "fill-color": colours.park, "fill-opacity": 0.6 } },
      { id: "park", type: "fill", source: "basemap", "source-layer": "park", paint: { "fill-color": colours.park } },
      { id: "landuse", type: "fill", source: "basemap", "source-layer": "landuse", filter: ["in", ["get", "class"], ["literal", ["industrial", "commercial", "residential"]]],
        paint: { "fill-color": ["match", ["get", "class"], "industrial", "#e9e1ef", "commercial", "#f1e4e0", "#ece9e2"] } },
      { id: "water", type: "fill", source: "basemap", "source-layer": "water", paint: { "fill-color": colours.water } },
      { id: "waterway", type: "line", source: "basemap", "source-layer": "waterway", paint: { "line-color": colours.water, "line-width": 1.2 } },
      { id: "building", type: "fill", source: "basemap", "source-layer": "building", minzoom: 14, paint: { "fill-color": "#e0dbd2" } },
      { id: "boundary", type: "line", source: "basemap", "source-layer": "boundary", filter: ["<=", ["get", "admin_level"], 6],
        paint: { "line-color": "#b7a9c9", "line-dasharray": [3, 2], "line-width": 1 } },
      { id: "rail", type: "line", source: "basemap", "source-layer": "transportation", filter: ["==", ["get", "class"], "rail"],
        paint: { "line-color": colours.rail, "line-width": 1.2, "line-dasharray": [3, 3] } },
      { id: "road-casing", type: "line", source: "basemap", "source-layer": "transportation",
        filter: ["in", ["get", "class"], ["literal", ["motorway", "trunk", "primary", "secondary", "tertiary", "minor"]]],
        layout: { "line-cap": "round", "line-join": "round" },
        paint: { "line-color": colours.casing, "line-width": ["interpolate", ["linear"], ["zoom"], 8, 0.5, 12, 3, 16, 12] } },
      { id: "road", type: "line", source: "basemap", "source-layer": "transportation",
        filter: ["in", ["get", "class"], ["literal", ["motorway", "trunk", "primary", "secondary", "tertiary", "minor", "service"]]],
        layout: { "line-cap": "round", "line-join": "round" },
        paint: {
          "line-color": ["match", ["get", "class"], ["motorway", "trunk", "primary"], colours.major, colours.road],
          "line-width": ["interpolate", ["linear"], ["zoom"], 8, 0.3, 12, 2, 16, 10],
        } },
      { id: "road-name", type: "symbol", source: "basemap", "source-layer": "transportation_name", minzoom: 13,
        layout: { "symbol-placement": "line", "text-field": ["coalesce", ["get", "name:fr"], ["get", "name"]], "text-font": font, "text-size": 11 },
        paint: { "text-color": colours.text, "text-halo-color": colours.halo, "text-halo-width": 1.5 } },
      { id: "place", type: "symbol", source: "basemap", "source-layer": "place",
        filter: ["in", ["get", "class"], ["literal", ["city", "town", "village", "suburb", "hamlet"]]],
        layout: {
          "text-field": ["coalesce", ["get", "name:fr"], ["get", "name"]], "text-font": font,
          "text-size": ["match", ["get", "class"], "city", 16, "town", 14, "village", 12, 11],
        },
        paint: { "text-color": colours.text, "text-halo-color": colours.halo, "text-halo-width": 2 } },
    ],
  };
}
