// My home: found by its postal address (the network's address index) or placed on the map, then saved. The server checks
// it is plausible for my plant; colleagues never see it, only an approximate place or my meeting point.
import { useState } from "preact/hooks";
import { api, ApiError } from "../http";
import { formatNumber, t } from "../i18n";
import { HomeMap } from "../map/HomeMap";
import { fieldMessages, showError, showNotice } from "../ui/status";
import type { Profile } from "./model";

/** One answer of the address index (GET /api/addresses/search). */
export interface AddressMatch {
  label: string; houseNumber: string | null; street: string | null; postcode: string | null; city: string | null;
  latitude: number; longitude: number; precision: string; confidence: number;
}

/** Where the map opens: my home, else the region's middle (the marker waits for a tap or an address). */
const fallbackCentre: [number, number] = [7.75, 48.6];

export function HomeForm({ profile, onSaved }: { profile: Profile; onSaved: (profile: Profile) => void }) {
  const stored = profile.home ? profile.home.coordinates : null;
  const [point, setPoint] = useState<[number, number] | null>(stored);
  const [commune, setCommune] = useState<string | null>(null);
  const [found, setFound] = useState<AddressMatch[] | null>(null);
  const [searchState, setSearchState] = useState<"idle" | "busy" | "unavailable">("idle");
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  // The map (most of the app's weight) is loaded when asked for, or to show an address chosen, not with the settings.
  const [mapShown, setMapShown] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const moved = point !== null && (stored === null || point[0] !== stored[0] || point[1] !== stored[1]);

  const search = async (event: Event) => {
    event.preventDefault();
    const query = String(new FormData(event.currentTarget as HTMLFormElement).get("address") ?? "").trim();
    if (!query) return;
    setSearchState("busy");
    try {
      setFound(await api<AddressMatch[]>(`/api/addresses/search?q=${encodeURIComponent(query)}&limit=5`));
      setSearchState("idle");
    } catch (error) {
      setFound(null);
      if (error instanceof ApiError && error.status === 503) setSearchState("unavailable");
      else { setSearchState("idle"); showError(error); }
    }
  };

  const choose = (match: AddressMatch) => {
    setPoint([match.longitude, match.latitude]);
    setCommune(match.city);
    setChosen(match.label);
    setFound(null);
    setMapShown(true);
  };

  const save = async () => {
    if (!point) return;
    setBusy(true);
    try {
      const body: Record<string, unknown> = { home: { type: "Point", coordinates: point } };
      if (commune) body.commune = commune;
      const saved = await api<Profile>("/api/me/employee", { method: "PUT", json: body });
      setErrors([]);
      setCommune(null);
      onSaved(saved);
      showNotice(t("homeSaved"));
    } catch (error) {
      setErrors(error instanceof ApiError ? fieldMessages(error, "home") : []);
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card stack" aria-labelledby="home-title" id="home">
      <h2 id="home-title">{t("myHome")}</h2>
      <p class="hint">{!profile.home ? t("homeNone") : profile.commune ? t("homeNow", { commune: profile.commune }) : t("homeKnown")} {t("homePrivate")}</p>
      <form class="inline-search" role="search" onSubmit={search}>
        <label>{t("homeAddress")}<input name="address" type="search" autoComplete="street-address" maxLength={200} /></label>
        <button type="submit" disabled={searchState === "busy"}>{t("homeFind")}</button>
      </form>
      {searchState === "unavailable" && <p class="hint" role="status">{t("addressSearchUnavailable")}</p>}
      {found && (found.length === 0
        ? <p class="hint" role="status">{t("addressNotFound")}</p>
        : <ul class="address-matches" aria-label={t("addressMatches")}>
          {found.map((match) => (
            <li><button type="button" class="quiet" onClick={() => choose(match)}>
              {match.label}{match.confidence < 0.8 && <span class="hint"> · {t("addressUnsure", { percent: formatNumber(match.confidence * 100, 0) })}</span>}
            </button></li>
          ))}
        </ul>)}
      {chosen && <p role="status">{t("addressChosen", { label: chosen })}</p>}
      {mapShown ? <>
        <p class="hint">{t("homeTapMap")}</p>
        <HomeMap point={point ?? fallbackCentre} onPick={(at) => { setPoint(at); setCommune(null); setChosen(null); }} />
      </> : <button type="button" onClick={() => setMapShown(true)}>{t("homeOnMap")}</button>}
      {errors.length > 0 && <p class="field-error" id="home-error">{errors.join(" ")}</p>}
      <button type="button" class="primary" disabled={busy || !moved} onClick={save} aria-describedby={errors.length ? "home-error" : undefined}>
        {t("homeSave")}</button>
    </section>
  );
}
