// A map in a component: MapLibre loaded on demand, drawn by `draw` once the container exists, removed with the
// component; the container is marked data-ready once the map has drawn (the browser tests wait for it), and `failed`
// says when no map could be made (no WebGL, the library refused), so the screen says so instead of staying blank.
import { useEffect, useRef, useState } from "preact/hooks";
import type { Map as MapLibreMap } from "maplibre-gl";

type Library = typeof import("./maplibre");

export function useMap(draw: (library: Library, container: HTMLElement) => Promise<MapLibreMap>, dependencies: unknown[]) {
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let map: MapLibreMap | undefined;
    let gone = false;
    (async () => {
      try {
        const library = await import("./maplibre");
        if (gone || !container.current) return;
        map = await draw(library, container.current);
        if (gone) { map.remove(); return; }
        map.once("idle", () => container.current?.setAttribute("data-ready", "true"));
      } catch {
        setFailed(true);
      }
    })();
    return () => { gone = true; map?.remove(); };
  }, dependencies);
  return { container, failed };
}
