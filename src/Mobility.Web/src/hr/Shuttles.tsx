// HR's shuttles: the plans HR may read, one plan's timetable, and a new plan for some days, planned as a job with its
// progress and a cancel button.
import { useEffect, useState } from "preact/hooks";
import { api, toApiError } from "../http";
import { addDays, formatNumber, t, today, type TextKey } from "../i18n";
import { cancelJob, followJob, type Job } from "../live/jobs";
import { JobProgress } from "../ui/JobProgress";
import { errorText, showError, showNotice } from "../ui/status";
import { DriverSheet, weekDays, type WeekDay } from "./DriverSheet";
import { shiftChanges, verdict, type Alternative, type PlanTrip } from "./shuttlePlan";
import { ShuttleMap } from "../map/ShuttleMap";

interface PlanRow { id: number; name: string; companyId: number | null; validFrom: string; validTo: string | null; trips: number; kilometres: number }
type Trip = PlanTrip & { stops: (PlanTrip["stops"][number] & { location: { coordinates: [number, number] } })[] };
interface Outcome { planId: number; riders: number; trips: number; kilometres: number; kilogramsCo2: number; unservedRides: number;
  vehicleHours: number; cost: number; comparison: Alternative[] }

const alternatives: Record<string, TextKey> = { "everyone driving alone": "aloneByCar", carpools: "carpools", shuttles: "shuttles", "shuttles, door to door": "doorToDoor" };

export function Shuttles({ companyId }: { companyId: number }) {
  const [plans, setPlans] = useState<PlanRow[] | null>(null);
  const [timetable, setTimetable] = useState<{ plan: { id: number; name: string; validFrom?: string }; trips: Trip[] } | null>(null);
  const [job, setJob] = useState<Job | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [sheet, setSheet] = useState<{ vehicle: string; day: WeekDay } | null>(null);
  const [highlighted, setHighlighted] = useState<number[]>([]);
  const loadPlans = () => api<{ items: PlanRow[] }>("/api/shuttle-plans?pageSize=50").then((p) => setPlans(p.items), showError);
  const open = (id: number) => api<{ plan: { id: number; name: string; validFrom?: string }; trips: Trip[] }>(`/api/shuttle-plans/${id}`)
    .then((read) => { setTimetable(read); setSheet(null); setHighlighted([]); }, showError);
  const rename = async (event: Event) => {
    event.preventDefault();
    if (!timetable) return;
    const name = String(new FormData(event.currentTarget as HTMLFormElement).get("name") ?? "");
    try {
      await api(`/api/shuttle-plans/${timetable.plan.id}/name`, { method: "PUT", json: { name } });
      showNotice(t("planRenamed"));
      await loadPlans();
      await open(timetable.plan.id);
    } catch (error) { showError(error); }
  };
  const remove = async () => {
    if (!timetable || !confirm(t("deletePlanConfirm", { name: timetable.plan.name }))) return;
    try {
      await api(`/api/shuttle-plans/${timetable.plan.id}`, { method: "DELETE" });
      setTimetable(null);
      showNotice(t("planDeleted"));
      await loadPlans();
    } catch (error) { showError(error); }
  };
  useEffect(() => { loadPlans(); }, []);

  const plan = async (event: Event) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    setOutcome(null); setFailure(null);
    try {
      const queued = await api<Job>(`/api/companies/${companyId}/shuttle-plans`, { json: {
        name: data.get("name"), date: data.get("date"), days: Number(data.get("days")), minDistanceKm: Number(data.get("minDistanceKm")),
        communes: String(data.get("communes") ?? "").split(",").map((c) => c.trim()).filter((c) => c) } });
      const ended = await followJob(queued.id, setJob);
      setJob(null);
      if (ended.state === "cancelled") { setFailure(t("job.cancelled")); return; }
      if (ended.state === "failed") { setFailure(errorText(toApiError(400, ended.error))); return; }
      const result = ended.result as Outcome;
      setOutcome(result);
      await loadPlans();
      await open(result.planId);
    } catch (error) { setJob(null); showError(error); }
  };

  return (
    <section aria-labelledby="shuttles-title">
      <h2 id="shuttles-title">{t("shuttles")}</h2>
      {plans && (plans.length === 0 ? <p class="hint">{t("noShuttlePlans")}</p> : (
        <table id="shuttle-plans" class="responsive">
          <thead><tr><th>{t("name")}</th><th>{t("dates")}</th><th>{t("tripsHeader")}</th><th>km</th><th /></tr></thead>
          <tbody>{plans.map((p) => (
            <tr>
              <td data-label={t("name")}>{p.companyId ? p.name : `${p.name} (${t("networkWide")})`}</td>
              <td data-label={t("dates")}>{p.validTo && p.validTo !== p.validFrom ? `${p.validFrom} → ${p.validTo}` : p.validFrom}</td>
              <td data-label={t("tripsHeader")}>{p.trips}</td>
              <td data-label="km">{formatNumber(p.kilometres)}</td>
              <td><button type="button" data-plan={p.id} onClick={() => open(p.id)}>{t("timetable")}</button></td>
            </tr>))}
          </tbody>
        </table>))}
      <h3>{t("newShuttlePlan")}</h3>
      <form id="shuttle-form" class="stack" onSubmit={plan}>
        <label>{t("name")}<input name="name" required maxLength={100} /></label>
        <label>{t("date")}<input name="date" type="date" required defaultValue={addDays(today(), 1)} /></label>
        <label>{t("days")}<input name="days" type="number" min={1} max={7} defaultValue="5" /></label>
        <label>{t("minDistance")}<input name="minDistanceKm" type="number" min={0} max={100} defaultValue="10" /></label>
        <label>{t("communesFilter")}<input name="communes" /></label>
        <button type="submit" name="plan" class="primary" disabled={!!job}>{t("planButton")}</button>
      </form>
      <div id="shuttle-result" aria-live="polite">
        {job && <JobProgress job={job} onCancel={() => cancelJob(job.id).catch(showError)} />}
        {failure && <p class="warning">{failure}</p>}
        {outcome && <OutcomeView outcome={outcome} />}
      </div>
      {timetable && (
        <div id="shuttle-timetable">
          <h3>{timetable.plan.name}</h3>
          <form class="inline-search" onSubmit={rename} key={timetable.plan.name}>
            <label>{t("planName")}<input name="name" required maxLength={100} defaultValue={timetable.plan.name} /></label>
            <button type="submit">{t("rename")}</button>
            <button type="button" class="danger" onClick={remove}>{t("deletePlan")}</button>
          </form>
          <p class="actions">
            <a class="button" href={`/api/shuttle-plans/${timetable.plan.id}/timetable.csv`} download>{t("timetableCsv")}</a>
            <a class="button" href={`/api/shuttle-plans/${timetable.plan.id}/timetable.xlsx`} download>{t("timetableXlsx")}</a>
            <a class="button" href={`/api/shuttle-plans/${timetable.plan.id}/gtfs.zip`} download>{t("gtfsFeed")}</a>
          </p>
          <p class="hint">{t("gtfsHint")}</p>
          <form class="inline-search" onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget as HTMLFormElement);
            setSheet({ vehicle: String(data.get("vehicle")), day: String(data.get("day")) as WeekDay });
          }}>
            <label>{t("vehicle")}<select name="vehicle">{[...new Set(timetable.trips.map((trip) => trip.vehicle))].map((v) => <option>{v}</option>)}</select></label>
            <label>{t("day")}<select name="day">{weekDays.map((d) => <option value={d}>{t(`day.${d}` as TextKey)}</option>)}</select></label>
            <button type="submit">{t("driverSheet")}</button>
          </form>
          {sheet && <DriverSheet planName={timetable.plan.name} trips={timetable.trips} vehicle={sheet.vehicle} day={sheet.day} onClose={() => setSheet(null)} />}
          <ShuttleMap planId={timetable.plan.id} stops={timetable.trips.flatMap((trip) => trip.stops)} highlighted={highlighted} />
          <h4>{t("byShiftChange")}</h4>
          {shiftChanges(timetable.trips, timetable.plan.validFrom).map((change) => (
            <details class="shift-change" onToggle={(event) => { if ((event.currentTarget as HTMLDetailsElement).open) setHighlighted(change.trips.map((trip) => trip.id)); }}>
              <summary>{t(change.direction)} · {t(change.direction === "ToWork" ? "atPlantBy" : "leavesPlantAt", { time: change.atPlant })} · {daysText(change.days)}
                {" · "}{t("vehicles", { count: change.trips.length })} · {t("ridersCount", { count: change.riders })}</summary>
              <div class="runs">{change.trips.map((trip) => (
                <div class="card">
                  <strong>{trip.vehicle}</strong>{trip.shiftPattern && ` · ${trip.shiftPattern}`} · {formatNumber(trip.kilometres, 1)} km
                  <table class="responsive">
                    <thead><tr><th>{t("stop")}</th><th>{t("arrives")}</th><th>{t("leaves")}</th><th>{t("boarding")}</th><th>{t("alighting")}</th><th>{t("onBoard")}</th></tr></thead>
                    <tbody>{trip.stops.map((s) => (
                      <tr><td data-label={t("stop")}>{s.site}</td><td data-label={t("arrives")}>{s.arrival.slice(0, 5)}</td><td data-label={t("leaves")}>{s.departure.slice(0, 5)}</td>
                        <td data-label={t("boarding")}>{s.boarding || ""}</td><td data-label={t("alighting")}>{s.alighting || ""}</td><td data-label={t("onBoard")}>{s.loadAfter}</td></tr>))}
                    </tbody>
                  </table>
                </div>))}
              </div>
            </details>))}
        </div>
      )}
    </section>
  );
}

const dayKeys = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

/** The server's day flags ("Weekdays", "All", "Monday, Saturday") in words. */
function daysText(days: string): string {
  if (days === "Weekdays") return t("weekdays");
  if (days === "All") return t("everyDay");
  return days.split(",").map((d) => d.trim()).filter((d) => (dayKeys as readonly string[]).includes(d)).map((d) => t(`day.${d}` as TextKey)).join(", ");
}

/** What the plan gives, and against what: served people, km, CO₂, the shuttles' cost and hours, and the verdict. */
function OutcomeView({ outcome }: { outcome: Outcome }) {
  const judged = verdict(outcome.comparison);
  return (
    <>
      <p>{t("shuttleOutcome", { riders: formatNumber(outcome.riders), trips: outcome.trips, km: formatNumber(outcome.kilometres),
        co2: formatNumber(outcome.kilogramsCo2), unserved: outcome.unservedRides })}</p>
      <div class="figures">{t("shuttleCost", { euros: formatNumber(outcome.cost), hours: formatNumber(outcome.vehicleHours, 1) })}</div>
      {judged.kind !== "unknown" && (
        <div class={`card verdict ${judged.kind}`} role="note">{judged.kind === "worse"
          ? t("verdictWorse", { kg: formatNumber(judged.extraKg) }) : t("verdictBetter", { kg: formatNumber(judged.savedKg) })}</div>
      )}
      <table class="responsive comparison"><thead><tr><th /><th>{t("served")}</th><th>km</th><th>kg CO₂</th></tr></thead>
        <tbody>{outcome.comparison.map((a) => (
          <tr><td>{alternatives[a.name] ? t(alternatives[a.name]) : a.name}</td>
            <td data-label={t("served")}>{a.name === "everyone driving alone" ? t("everyoneAlone") : t("servedOf", { served: a.peopleServed, counted: a.peopleCounted })}</td>
            <td data-label="km">{formatNumber(a.vehicleKilometres)}</td><td data-label="kg CO₂">{formatNumber(a.kilogramsCo2)}</td></tr>))}
        </tbody></table>
    </>
  );
}
