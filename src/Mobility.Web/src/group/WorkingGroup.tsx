// The working group's demand page: where people live (a grid of squares, never a point), when they travel, and what a
// date's carpools save. Every number is an aggregate the server rounded to 5 (kilometres to 10, only for hours with
// enough carpoolers); a missing value is one the server withheld. A failed load says so and clears what was shown.
import { useEffect, useState } from "preact/hooks";
import { api } from "../http";
import { addDays, formatNumber, t, today, type TextKey } from "../i18n";
import { showError } from "../ui/status";
import { HomeGridMap, type HomeGrid } from "./HomeGridMap";

interface Count { key: string; count: number | null }
type Statistics = { employees: number } & Record<"byCommune" | "bySite" | "byShiftPattern" | "byCommuteRole" | "carpoolMembersByStatus", Count[]>;
interface Travel { hours: { plant: string; hour: number; starting: number | null; ending: number | null }[] }
interface ActivityDay { date: string; taken: boolean; groups: number | null; people: number | null; carsRemoved: number | null; kilometresSaved: number | null }
interface Savings { kilometresSaved: number; kilogramsCo2Saved: number; days: ActivityDay[] }

const shown = (value: number | null | undefined, digits = 0) => (value == null ? t("hidden") : formatNumber(value, digits));
const hour = (h: number) => `${String(h).padStart(2, "0")}:00`;

export function WorkingGroup({ networkId }: { networkId: number }) {
  const [date, setDate] = useState(addDays(today(), 1));
  const [grid, setGrid] = useState<HomeGrid | null>(null);
  const [travel, setTravel] = useState<Travel | null>(null);
  const [savings, setSavings] = useState<Savings | null>(null);
  const [statistics, setStatistics] = useState<Statistics | null>(null);
  const [failed, setFailed] = useState(false);

  const load = async (on: string) => {
    setFailed(false);
    try {
      const base = `/api/networks/${networkId}/statistics`;
      const [g, tr, s, st] = await Promise.all([api<HomeGrid>(`${base}/homes`), api<Travel>(`${base}/shifts?date=${on}`),
        api<Savings>(`${base}/activity?from=${addDays(on, -27)}&to=${on}`), api<Statistics>(base)]);
      setGrid(g); setTravel(tr); setSavings(s); setStatistics(st);
    } catch (error) {
      setGrid(null); setTravel(null); setSavings(null); setStatistics(null); setFailed(true);
      showError(error);
    }
  };
  useEffect(() => { load(date); }, []);

  const most = Math.max(1, ...(travel?.hours ?? []).flatMap((h) => [h.starting ?? 0, h.ending ?? 0]));
  const busiest = Math.max(1, ...(savings?.days ?? []).map((d) => d.people ?? 0));
  const bar = (value: number | null, kind: string) => (
    <><span class={`bar ${kind}`} style={{ width: `${((value ?? 0) / most) * 10}rem` }} /> {shown(value)}</>);
  return (
    <div class="working-group">
      <h1>{t("statistics")}</h1>
      <p class="hint">{t("suppressed")}</p>
      <form id="demand-form" class="inline" onSubmit={(e) => { e.preventDefault(); load(date); }}>
        <label>{t("date")}<input name="date" type="date" required value={date} onInput={(e) => setDate((e.currentTarget as HTMLInputElement).value)} /></label>
        <button type="submit" class="primary">{t("showButton")}</button>
      </form>
      {failed && <p class="warning" role="alert">{t("loadFailed")}</p>}
      <h2>{t("demandMap")}</h2>
      {grid && <HomeGridMap grid={grid} />}
      <h2>{t("demandTravel")}</h2>
      {travel && (
        <div id="demand-travel">
          <table class="bars"><thead><tr><th>{t("group.plant")}</th><th>{t("hour")}</th><th>{t("arriving")}</th><th>{t("leaving")}</th></tr></thead>
            <tbody>{travel.hours.map((h) => <tr><td>{h.plant}</td><td>{hour(h.hour)}</td><td>{bar(h.starting, "arriving")}</td><td>{bar(h.ending, "leaving")}</td></tr>)}</tbody>
          </table>
        </div>
      )}
      <h2>{t("demandSavings")}</h2>
      {savings && (
        <div id="demand-savings">
          <p class="hint">{t("group.activity")}</p>
          {savings.days.every((d) => !d.people) ? <p>{t("noCarpools")}</p> : (
            <>
              <p>{t("savingsKm", { km: formatNumber(savings.kilometresSaved), co2: formatNumber(savings.kilogramsCo2Saved, 1) })}</p>
              <svg class="activity-chart" viewBox={`0 0 ${savings.days.length * 10} 100`} role="img" aria-label={t("demandSavings")} width="100%" height="120">
                {savings.days.map((d, i) => (
                  <rect x={i * 10 + 1} y={100 - ((d.people ?? 0) / busiest) * 100} width={8} height={((d.people ?? 0) / busiest) * 100} fill="#2a7f62">
                    <title>{`${d.date}: ${shown(d.people)}`}</title>
                  </rect>))}
              </svg>
              <table class="responsive"><thead><tr><th>{t("date")}</th><th>{t("carpoolers")}</th><th>{t("carsRemoved")}</th><th>km</th></tr></thead>
                <tbody>{savings.days.filter((d) => d.taken).map((d) => (
                  <tr><td>{d.date}</td><td>{shown(d.people)}</td><td>{shown(d.carsRemoved)}</td><td>{shown(d.kilometresSaved)}</td></tr>))}
                </tbody></table>
              {savings.days.some((d) => d.taken && d.kilometresSaved == null) && <p class="hint">{t("kmHidden")}</p>}
            </>
          )}
        </div>
      )}
      {statistics && (
        <div id="statistics">
          <p>{t("total")}: {formatNumber(statistics.employees)}</p>
          {(["byCommune", "bySite", "byShiftPattern", "byCommuteRole", "carpoolMembersByStatus"] as const).map((key) => (
            <>
              <h3>{t(key)}</h3>
              <table>
                <tbody>{statistics[key].length === 0 ? <tr><td>{t("nothingShown")}</td></tr> : statistics[key].map((c) => (
                  <tr><td>{key === "byCommuteRole" ? t(c.key as TextKey) : key === "carpoolMembersByStatus" ? t(`status.${c.key}` as TextKey) : c.key}</td><td>{shown(c.count)}</td></tr>))}
                </tbody>
              </table>
            </>
          ))}
        </div>
      )}
    </div>
  );
}
