// The working group's analyses of potential: who could carpool, cycle or take a shuttle per plant, the people near each
// stop, the share of each plant's people within each isochrone, and what carpools save. Every number is the server's,
// rounded to 5 and withheld under 10 ("—"); a failed load says so and clears what was shown.
import { useEffect, useState } from "preact/hooks";
import { api } from "../http";
import { addDays, formatNumber, t, today, type TextKey } from "../i18n";
import { showError } from "../ui/status";
import type { DashboardFilter } from "./DiagnosticReport";
import { Exports } from "./Exports";

interface ModeCount { people: number | null; share: number | null }
interface PlantPotential { plantId: number; plant: string; employees: number | null; carpool: ModeCount; bicycle: ModeCount; shuttle: ModeCount }
interface Potential { date: string; bicycleMinutes: number; stopRadiusKilometres: number; plants: PlantPotential[]; stops: { siteId: number; stop: string; kind: string; people: number }[] }
interface AccessProperties { plantId: number; plant: string; profile: "car" | "bicycle" | "foot"; minutes: number; inside: number | null; share: number | null }
interface Accessibility { roadNetwork: boolean; features: { properties: AccessProperties }[] }
interface Figures { people: number | null; kilometres: number | null; kilogramsCo2: number | null; euros: number | null }
interface Savings { actual: Figures; potential: Figures }

// A withheld count reads as the dashboard's do: "moins de 10", never a dash that could pass for zero.
const shown = (value: number | null | undefined, digits = 0) => (value == null ? t("dash.fewer") : formatNumber(value, digits));
const percent = (share: number | null) => (share == null ? "" : ` (${formatNumber(Math.round(share * 100))} %)`);

/** The bands in the server's order ("car 15", "car 30"…), and per plant its cell of each band. */
const bandKey = (b: AccessProperties) => `${b.profile} ${b.minutes}`;
const bands = (access: Accessibility) => [...new Set(access.features.map((f) => bandKey(f.properties)))];
const bandName = (key: string) => {
  const [profile, minutes] = key.split(" ");
  return `${t(`diagnostic.profile.${profile}` as TextKey)} · ${t("diagnostic.minutes", { minutes })}`;
};
function plants(access: Accessibility): [number, string, Map<string, AccessProperties>][] {
  const byPlant = new Map<number, [number, string, Map<string, AccessProperties>]>();
  for (const { properties: b } of access.features) {
    if (!byPlant.has(b.plantId)) byPlant.set(b.plantId, [b.plantId, b.plant, new Map()]);
    byPlant.get(b.plantId)![2].set(bandKey(b), b);
  }
  return [...byPlant.values()];
}

function query(filter: DashboardFilter, withDate: boolean): string {
  const parts: string[] = [];
  if (withDate) parts.push(`date=${encodeURIComponent(filter.date ?? addDays(today(), 1))}`);
  for (const key of ["company", "plant", "roster", "shift"] as const)
    if (filter[key] != null && filter[key] !== "") parts.push(`${key}=${encodeURIComponent(String(filter[key]))}`);
  return parts.length ? `?${parts.join("&")}` : "";
}

export function Potential({ networkId, filter = {} }: { networkId: number; filter?: DashboardFilter }) {
  const base = `/api/networks/${networkId}/statistics`;
  const download = (table: string, withDate: boolean) => (format: string) => `${base}/${table}${query(filter, withDate) || "?"}&format=${format}`.replace("?&", "?");
  const [potential, setPotential] = useState<Potential | null>(null);
  const [access, setAccess] = useState<Accessibility | null>(null);
  const [savings, setSavings] = useState<Savings | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    setFailed(false);
    Promise.all([api<Potential>(`${base}/potential${query(filter, true)}`), api<Accessibility>(`${base}/accessibility${query(filter, false)}`),
      api<Savings>(`${base}/savings${query(filter, true)}`)])
      .then(([p, a, s]) => { if (current) { setPotential(p); setAccess(a); setSavings(s); } })
      .catch((error) => { if (current) { setPotential(null); setAccess(null); setSavings(null); setFailed(true); showError(error); } });
    return () => { current = false; };
  }, [networkId, filter.date, filter.company, filter.plant, filter.roster, filter.shift]);

  return (
    <section class="potential" aria-labelledby="potential-title">
      <div class="section-head"><h2 id="potential-title">{t("diagnostic.potential")}</h2>{potential && <Exports table={t("diagnostic.potential")} href={download("potential", true)} />}</div>
      {failed && <p class="warning" role="alert">{t("diagnostic.loadFailed")}</p>}
      {potential && (
        <>
          <p class="hint">{t("diagnostic.potentialHint", { minutes: potential.bicycleMinutes, km: formatNumber(potential.stopRadiusKilometres) })}</p>
          <table id="potential-table" class="responsive">
            <thead><tr><th>{t("diagnostic.plant")}</th><th>{t("diagnostic.employees")}</th><th>{t("diagnostic.carpool")}</th><th>{t("diagnostic.bicycle")}</th><th>{t("diagnostic.shuttle")}</th></tr></thead>
            <tbody>{potential.plants.map((p) => (
              <tr key={p.plantId}>
                <td data-label={t("diagnostic.plant")}>{p.plant}</td>
                <td data-label={t("diagnostic.employees")}>{shown(p.employees)}</td>
                <td data-label={t("diagnostic.carpool")}>{shown(p.carpool.people)}{percent(p.carpool.share)}</td>
                <td data-label={t("diagnostic.bicycle")}>{shown(p.bicycle.people)}{percent(p.bicycle.share)}</td>
                <td data-label={t("diagnostic.shuttle")}>{shown(p.shuttle.people)}{percent(p.shuttle.share)}</td>
              </tr>))}
            </tbody>
          </table>
          {potential.stops.length > 0 && (
            <>
              <div class="section-head"><h3>{t("diagnostic.stops")}</h3><Exports table={t("diagnostic.stops")} href={download("stops", true)} /></div>
              <table id="potential-stops" class="responsive">
                <thead><tr><th>{t("diagnostic.stop")}</th><th>{t("diagnostic.employees")}</th></tr></thead>
                <tbody>{potential.stops.map((s) => <tr key={s.siteId}><td data-label={t("diagnostic.stop")}>{s.stop}</td><td data-label={t("diagnostic.employees")}>{shown(s.people)}</td></tr>)}</tbody>
              </table>
            </>
          )}
        </>
      )}
      {access && (
        <>
          <div class="section-head"><h3>{t("diagnostic.accessibility")}</h3>{access.roadNetwork && <Exports table={t("diagnostic.accessibility")} href={download("accessibility", false)} />}</div>
          {!access.roadNetwork ? <p class="hint">{t("diagnostic.noRoads")}</p> : (
            <>
              <p class="hint">{t("diagnostic.accessibilityHint")}</p>
              <table id="accessibility-table" class="responsive">
                <thead><tr><th>{t("diagnostic.plant")}</th>{bands(access).map((b) => <th key={b}>{bandName(b)}</th>)}</tr></thead>
                <tbody>{plants(access).map(([plantId, plant, cells]) => (
                  <tr key={plantId}>
                    <td data-label={t("diagnostic.plant")}>{plant}</td>
                    {bands(access).map((b) => <td key={b} data-label={bandName(b)}>{shown(cells.get(b)?.inside)}{percent(cells.get(b)?.share ?? null)}</td>)}
                  </tr>))}
                </tbody>
              </table>
            </>
          )}
        </>
      )}
      {savings && (
        <>
          <div class="section-head"><h3>{t("diagnostic.savings")}</h3><Exports table={t("diagnostic.savings")} href={download("savings", true)} /></div>
          <table id="savings-table" class="responsive">
            <thead><tr><th /><th>{t("diagnostic.kilometres")}</th><th>{t("diagnostic.co2")}</th><th>{t("diagnostic.euros")}</th></tr></thead>
            <tbody>{([["diagnostic.savingsActual", savings.actual], ["diagnostic.savingsPotential", savings.potential]] as [TextKey, Figures][]).map(([label, f]) => (
              <tr key={label}>
                <th scope="row">{t(label)}</th>
                <td data-label={t("diagnostic.kilometres")}>{shown(f.kilometres)}</td>
                <td data-label={t("diagnostic.co2")}>{shown(f.kilogramsCo2, 1)}</td>
                <td data-label={t("diagnostic.euros")}>{shown(f.euros)}</td>
              </tr>))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
