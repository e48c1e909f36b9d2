// The working group's dashboard: filters (company, plant, roster, shift start) applied to every section, the homes map
// with the network's places, distance bands, commune → plant flows, shift starts and ends per hour, and the carpools
// that ran with their trend. Every number is one the server published (rounded, from 10 people); a withheld cell reads
// "fewer than 10", never 0 or blank. A failed load says so and clears every number, so nothing stale stays on screen.
import { DiagnosticReport } from "./DiagnosticReport";
import { Exports } from "./Exports";
import { Potential } from "./Potential";
import { useEffect, useRef, useState } from "preact/hooks";
import { api } from "../http";
import { addDays, formatDay, formatNumber, nextWorkingDay, t, today, useLanguage } from "../i18n";
import { clearStatus, showError } from "../ui/status";
import { DashboardMap, type HomeGrid, type Isochrones, type Place } from "./DashboardMap";
import {
  filterQuery, halvesTrend, noFilters, periodTotals, previousPeriod, sortFlows, trendOf,
  type ActivityDay, type Filters, type Flow, type FlowColumn,
} from "./dashboard";

interface Places { companies: { id: number; name: string }[]; sites: Place[]; rosters: { id: number; name: string }[]; shiftStarts: string[] }
interface Band { band: string; fromKilometres: number; toKilometres: number | null; people: number }
interface Bands { bands: Band[] }
interface ShiftHour { plantId: number; plant: string; hour: number; starting: number | null; ending: number | null }
interface Shifts { date: string; hours: ShiftHour[] }
interface Activity { from: string; to: string; days: ActivityDay[]; trend: { firstHalfPeoplePerDay: number | null; secondHalfPeoplePerDay: number | null } }
interface Figures { grid: HomeGrid; bands: Bands; flows: { pairs: Flow[] }; shifts: Shifts; activity: Activity; previous: Activity }

/** The five bands the server counts (DashboardStatistics.Bands): a band it left out had fewer than 10 people. */
const allBands: { band: string; from: number; to: number | null }[] = [
  { band: "0-5", from: 0, to: 5 }, { band: "5-10", from: 5, to: 10 }, { band: "10-20", from: 10, to: 20 }, { band: "20-40", from: 20, to: 40 }, { band: "40+", from: 40, to: null }];

const noPlaces: Place[] = [];
const count = (value: number | null | undefined, digits = 0) => (value == null ? t("dash.fewer") : formatNumber(value, digits));
/** A day's other figures: withheld with its people (fewer than 10 carpoolers), said as such rather than "fewer than 10 km". */
const figure = (day: ActivityDay, value: number | null, digits = 0) => (value == null ? t(day.people == null ? "dash.withheldDay" : "dash.fewer") : formatNumber(value, digits));
const hourText = (h: number) => `${String(h).padStart(2, "0")}:00`;
const valueOf = (event: Event) => (event.currentTarget as HTMLInputElement | HTMLSelectElement).value;

/** A horizontal bar scaled to the largest value of its chart; a withheld value is a hatched stub with its words. */
function Bar({ value, most, kind }: { value: number | null; most: number; kind: string }) {
  return (
    <span class={`hbar ${kind}`}>
      <span class={value == null ? "fill withheld" : "fill"} style={{ width: value == null ? "0.6rem" : `max(0.3rem, ${(value / most) * 100}%)` }} />
      <span class="value">{count(value)}</span>
    </span>
  );
}

export function WorkingGroup({ networkId }: { networkId: number }) {
  useLanguage();
  const base = `/api/networks/${networkId}/statistics`;
  const yesterday = addDays(today(), -1);
  const [places, setPlaces] = useState<Places | null>(null);
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [shiftDay, setShiftDay] = useState(nextWorkingDay(today()));
  const [from, setFrom] = useState(addDays(yesterday, -27));
  const [to, setTo] = useState(yesterday);
  // The figures carry the question they answer: a filter just changed hides the last one's numbers in the same frame,
  // before any request is sent, so nothing stale is ever shown under the new filter's title.
  const [figures, setFigures] = useState<(Figures & { asked: string }) | null>(null);
  const [isochrones, setIsochrones] = useState<Isochrones | null>(null);
  const [failedFor, setFailedFor] = useState<string | null>(null);
  const [sort, setSort] = useState<{ column: FlowColumn; descending: boolean }>({ column: "people", descending: true });
  const request = useRef(0);
  // On a desktop the day-by-day table is open; on a phone it would be a long list of cards under the chart.
  const wide = typeof matchMedia === "function" && matchMedia("(min-width: 1000px)").matches;

  const query = (extra: Record<string, string> = {}) => { const q = filterQuery(filters, extra); return q ? `?${q}` : ""; };
  const hadFailed = useRef(false);
  const asked = JSON.stringify([networkId, filters.company, filters.plant, filters.roster, filters.shift, shiftDay, from, to]);
  const askable = Boolean(shiftDay && from && to && to >= from);
  const shown = figures?.asked === asked ? figures : null;
  const failed = failedFor === asked;
  const loading = askable && !failed && !shown;
  const fail = (question: string) => (error: unknown) => { setFigures(null); setFailedFor(question); hadFailed.current = true; showError(error); };

  useEffect(() => { api<Places>(`${base}/places`).then(setPlaces).catch(fail(asked)); }, [networkId]);

  useEffect(() => {
    if (!askable) return;
    const mine = ++request.current;
    const question = asked;
    const previous = previousPeriod(from, to);
    // The accessibility layer costs the server road searches the first time (seconds): it comes on its own, drawn when it
    // answers, and never holds the figures back; left out without a word when it cannot be had.
    setIsochrones(null);
    api<Isochrones>(`${base}/accessibility${query()}`)
      .then((answer) => { if (mine === request.current) setIsochrones(answer && Array.isArray(answer.features) ? answer : null); })
      .catch(() => { if (mine === request.current) setIsochrones(null); });
    Promise.all([
      api<HomeGrid>(`${base}/homes${query()}`), api<Bands>(`${base}/distances${query()}`), api<{ pairs: Flow[] }>(`${base}/flows${query()}`),
      api<Shifts>(`${base}/shifts${query({ date: shiftDay })}`), api<Activity>(`${base}/activity${query({ from, to })}`),
      api<Activity>(`${base}/activity${query({ from: previous.from, to: previous.to })}`),
    ]).then(([grid, bands, flows, shifts, activity, before]) => {
      if (mine !== request.current) return;
      setFigures({ grid, bands, flows, shifts, activity, previous: before, asked: question });
      setFailedFor(null);
      // The figures are back: the error said when they failed would now be wrong.
      if (hadFailed.current) clearStatus();
      hadFailed.current = false;
    }).catch((error) => { if (mine === request.current) fail(question)(error); });
  }, [networkId, filters.company, filters.plant, filters.roster, filters.shift, shiftDay, from, to]);

  const setFilter = (key: keyof Filters) => (event: Event) => setFilters({ ...filters, [key]: valueOf(event) });
  const plants = (places?.sites ?? []).filter((s) => s.kind === "Plant" && (!filters.company || s.companyId == null || String(s.companyId) === filters.company));
  const download = (table: string, extra: Record<string, string> = {}) => (format: string) => `${base}/${table}${query({ ...extra, format })}`;

  return (
    <div class="dashboard" id="dashboard">
      <h1>{t("dash.title")}</h1>
      <p class="hint">{t("dash.privacy")}</p>
      <form id="dashboard-filters" class="card filters" onSubmit={(e) => e.preventDefault()}>
        <h2 class="visually-hidden">{t("dash.filters")}</h2>
        <label>{t("dash.company")}
          <select name="company" value={filters.company} onChange={(e) => setFilters({ ...filters, company: valueOf(e), plant: "" })}>
            <option value="">{t("dash.allCompanies")}</option>
            {places?.companies.map((c) => <option value={String(c.id)}>{c.name}</option>)}
          </select>
        </label>
        <label>{t("dash.plant")}
          <select name="plant" value={filters.plant} onChange={setFilter("plant")}>
            <option value="">{t("dash.all")}</option>
            {plants.map((p) => <option value={String(p.id)}>{p.name}</option>)}
          </select>
        </label>
        <label>{t("dash.roster")}
          <select name="roster" value={filters.roster} onChange={setFilter("roster")}>
            <option value="">{t("dash.all")}</option>
            {places?.rosters.map((r) => <option value={String(r.id)}>{r.name}</option>)}
          </select>
        </label>
        <label>{t("dash.shift")}
          <select name="shift" value={filters.shift} onChange={setFilter("shift")}>
            <option value="">{t("dash.all")}</option>
            {places?.shiftStarts.map((s) => <option value={s}>{s}</option>)}
          </select>
        </label>
        <label>{t("dash.shiftDay")}<input type="date" name="shiftDay" required value={shiftDay} onChange={(e) => setShiftDay(valueOf(e))} /></label>
        <label>{t("dash.from")}<input type="date" name="from" required value={from} max={to} onChange={(e) => setFrom(valueOf(e))} /></label>
        <label>{t("dash.to")}<input type="date" name="to" required value={to} min={from} onChange={(e) => setTo(valueOf(e))} /></label>
        <div class="filter-actions">
          <button type="button" class="quiet" onClick={() => setFilters(noFilters)} disabled={filterQuery(filters) === ""}>{t("dash.reset")}</button>
        </div>
      </form>
      <p id="dashboard-state" class={failed ? "warning" : "hint"} role={failed ? "alert" : "status"} aria-live="polite">
        {failed ? t("dash.failed") : loading ? t("dash.loading") : ""}
      </p>
      <DiagnosticReport networkId={networkId} filter={{ date: shiftDay }} />

      <div class="dashboard-grid">
        <section class="dashboard-map-column" aria-labelledby="map-title">
          <h2 id="map-title">{t("dash.map")}</h2>
          <div class="section-tools"><Exports table={t("dash.map")} href={download("homes")} /></div>
          <DashboardMap grid={shown?.grid ?? null} places={places?.sites ?? noPlaces} isochrones={isochrones} />
        </section>

        <div class="dashboard-tables">
          <section id="distances" aria-labelledby="distances-title">
            <div class="section-head"><h2 id="distances-title">{t("dash.distances")}</h2><Exports table={t("dash.distances")} href={download("distances")} /></div>
            {shown && (() => {
              const peopleByBand = new Map(shown.bands.bands.map((b) => [b.band, b.people]));
              const most = Math.max(1, ...shown.bands.bands.map((b) => b.people));
              return (
                <table class="bands">
                  <thead><tr><th scope="col">{t("dash.band")}</th><th scope="col">{t("dash.people")}</th></tr></thead>
                  <tbody>{allBands.map((b) => (
                    <tr data-band={b.band}>
                      <td data-label={t("dash.band")}>{b.to == null ? t("dash.bandOver", { from: b.from }) : t("dash.bandRange", { from: b.from, to: b.to })}</td>
                      <td data-label={t("dash.people")} class="people"><Bar value={peopleByBand.get(b.band) ?? null} most={most} kind="people" /></td>
                    </tr>))}
                  </tbody>
                </table>
              );
            })()}
          </section>

          <section id="flows" aria-labelledby="flows-title">
            <div class="section-head"><h2 id="flows-title">{t("dash.flows")}</h2><Exports table={t("dash.flows")} href={download("flows")} /></div>
            <p class="hint">{t("dash.flowsNote")}</p>
            {shown && (shown.flows.pairs.length === 0 ? <p>{t("dash.noFlow")}</p> : (
              <table class="responsive flows">
                <thead><tr>{([["commune", "dash.commune"], ["plant", "dash.plant"], ["people", "dash.people"]] as const).map(([column, word]) => (
                  <th scope="col" aria-sort={sort.column === column ? (sort.descending ? "descending" : "ascending") : "none"}>
                    <button type="button" class="sort" aria-label={t("dash.sortBy", { column: t(word) })}
                      onClick={() => setSort({ column, descending: sort.column === column ? !sort.descending : column === "people" })}>
                      {t(word)} <span aria-hidden="true">{sort.column === column ? (sort.descending ? "▼" : "▲") : "↕"}</span>
                    </button>
                  </th>))}
                </tr></thead>
                <tbody>{sortFlows(shown.flows.pairs, sort.column, sort.descending).map((f) => (
                  <tr><td data-label={t("dash.commune")}>{f.commune}</td><td data-label={t("dash.plant")}>{f.plant}</td>
                    <td data-label={t("dash.people")} class="number">{count(f.people)}</td></tr>))}
                </tbody>
              </table>
            ))}
          </section>

          <section id="shifts" aria-labelledby="shifts-title">
            <div class="section-head"><h2 id="shifts-title">{t("dash.shifts")}</h2><Exports table={t("dash.shifts")} href={download("shifts", { date: shiftDay })} /></div>
            {shown && (shown.shifts.hours.length === 0 ? <p>{t("dash.noShift")}</p> : (() => {
              const most = Math.max(1, ...shown.shifts.hours.flatMap((h) => [h.starting ?? 0, h.ending ?? 0]));
              const byPlant = [...new Set(shown.shifts.hours.map((h) => h.plant))];
              return (
                <>
                  <ul class="legend"><li><span class="swatch starting" aria-hidden="true" /> {t("dash.starting")}</li><li><span class="swatch ending" aria-hidden="true" /> {t("dash.ending")}</li></ul>
                  {byPlant.map((plant, index) => (
                    // A plant's day is 24 rows: on a phone only the first is open, the others a tap away.
                    <details class="shift-plant" open={wide || index === 0}>
                    <summary>{plant}</summary>
                    <table class="shift-chart" aria-label={t("dash.shiftChart", { plant, date: formatDay(shown.shifts.date) })}>
                      <thead><tr><th scope="col">{t("dash.hour")}</th><th scope="col">{t("dash.starting")} / {t("dash.ending")}</th></tr></thead>
                      <tbody>{shown.shifts.hours.filter((h) => h.plant === plant).map((h) => (
                        <tr data-hour={h.hour}>
                          <th scope="row">{hourText(h.hour)}</th>
                          <td><Bar value={h.starting} most={most} kind="starting" /><Bar value={h.ending} most={most} kind="ending" /></td>
                        </tr>))}
                      </tbody>
                    </table>
                    </details>
                  ))}
                </>
              );
            })())}
          </section>
        </div>
      </div>

      <section id="activity" aria-labelledby="activity-title">
        <div class="section-head"><h2 id="activity-title">{t("dash.activity")}</h2><Exports table={t("dash.activity")} href={download("activity", { from, to })} /></div>
        <p class="hint">{t("dash.activityNote")}</p>
        {shown && (() => {
          const { days } = shown.activity;
          if (!days.some((d) => d.people != null)) return <p>{t("dash.noActivity")}</p>;
          const trend = trendOf(days, shown.previous.days);
          const halves = trend ? null : halvesTrend(shown.activity.trend);
          const change = (c: number) => `${c >= 0 ? "+" : "−"}${formatNumber(Math.abs(c) * 100)} %`;
          const totals = periodTotals(days);
          const busiest = Math.max(1, ...days.map((d) => d.people ?? 0));
          const span = previousPeriod(from, to).days;
          return (
            <>
              <p id="activity-trend" class="trend">{trend
                ? t("dash.trend", { current: formatNumber(trend.current, 1), previous: formatNumber(trend.previous, 1), days: span, change: change(trend.change) })
                : halves ? t("dash.trendHalves", { first: formatNumber(halves.previous, 1), second: formatNumber(halves.current, 1), change: change(halves.change) })
                  : t("dash.trendUnknown")}</p>
              <p id="activity-totals">{t("dash.periodTotals", { km: formatNumber(totals.kilometres), co2: formatNumber(totals.co2, 1), euros: formatNumber(totals.euros) })}</p>
              <figure class="activity-chart">
                <div class="columns" role="img" aria-label={t("dash.activityChart", { from: formatDay(from, "short"), to: formatDay(to, "short") })}>
                  {days.map((d) => (
                    <span class={`column${!d.taken ? " none" : d.people == null ? " withheld" : ""}`} title={`${formatDay(d.date, "short")} : ${d.taken ? count(d.people) : t("dash.notTaken")}`}
                      style={{ height: d.people == null ? undefined : `${(d.people / busiest) * 100}%` }} />
                  ))}
                </div>
                <figcaption class="axis"><span>{formatDay(from, "short")}</span><span>{t("dash.carpoolers")} : {formatNumber(busiest)} max.</span><span>{formatDay(to, "short")}</span></figcaption>
              </figure>
              <details class="activity-days" open={wide}>
                <summary>{t("dash.activityDays", { days: days.filter((d) => d.taken).length })}</summary>
                <table class="responsive activity">
                  <thead><tr>{(["dash.date", "dash.groups", "dash.carpoolers", "dash.carsRemoved", "dash.km", "dash.co2", "dash.euros"] as const).map((k) => <th scope="col">{t(k)}</th>)}</tr></thead>
                  <tbody>{days.filter((d) => d.taken).map((d) => (
                    <tr data-date={d.date}>
                      <td data-label={t("dash.date")}>{formatDay(d.date, "short")}</td>
                      <td data-label={t("dash.groups")} class="number">{figure(d, d.groups)}</td>
                      <td data-label={t("dash.carpoolers")} class="number">{count(d.people)}</td>
                      <td data-label={t("dash.carsRemoved")} class="number">{figure(d, d.carsRemoved)}</td>
                      <td data-label={t("dash.km")} class="number">{figure(d, d.kilometresSaved)}</td>
                      <td data-label={t("dash.co2")} class="number">{figure(d, d.kilogramsCo2Saved, 1)}</td>
                      <td data-label={t("dash.euros")} class="number">{figure(d, d.eurosSaved)}</td>
                    </tr>))}
                  </tbody>
                </table>
              </details>
            </>
          );
        })()}
      </section>
      <Potential networkId={networkId} filter={{ date: shiftDay, ...filters }} />
    </div>
  );
}
