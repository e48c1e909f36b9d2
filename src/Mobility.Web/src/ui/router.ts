// Screens are addressed by the URL's hash (#week, #trip/42, #settings), so the back button and a reload keep the screen,
// and the server serves one page for all of them.
import { useEffect, useState } from "preact/hooks";

export function currentRoute(): string[] {
  return location.hash.replace(/^#\/?/, "").split("/").filter((part) => part !== "").map(decodeURIComponent);
}

export function useRoute(): string[] {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const changed = () => setRoute(currentRoute());
    addEventListener("hashchange", changed);
    return () => removeEventListener("hashchange", changed);
  }, []);
  return route;
}

export const go = (...parts: (string | number)[]) => { location.hash = `#${parts.map((p) => encodeURIComponent(String(p))).join("/")}`; };
