// HR's shuttles: the plans HR may read, one plan's timetable, and a new plan for some days, planned as a job with its
// progress and a cancel button.
import { useEffect, useState } from "preact/hooks";
import { api, toApiError } from "../http";
import { addDays, formatNumber, t, today, type TextKey } from "../i18n";
import { cancelJob, followJob, type Job } from "../live/jobs";
import { JobProgress } from "../ui/JobProgress";
import { errorText, showError } from "../ui/status";
import { DriverSheet, weekDays, type WeekDay } from "./DriverSheet";

interface PlanRow { id: number; name: string; companyId: number | null; validFrom: string; validTo: string | null; trips: number; kilometres: number }
interface Stop { site: string; arrival: string; departure: string; boarding: number; alighting: number; loadAfter: number }
interface Trip { vehicle: string; capacity: number; direction: string; days: string; shiftPattern: string | null; kilometres: number; stops: Stop[] }
interface Outcome { planId: number; riders: number; trips: number; kilometres: number; kilogramsCo2: number; unservedRides: number;
  comparison: { name: string; vehicleKilometres: number; kilogramsCo2: number }[] }

const alternatives: Record<string, TextKey> = { "everyone driving alone": "aloneByCar", carpools: "carpools", shuttles: "shuttles", "shuttles, door to door": "doorToDoor" };

export function Shuttles({ companyId }: { companyId: number }) {
  const [plans, setPlans] = useState<PlanRow[] | null>(null);
  const [timetable, setTimetable] = useState<{ plan: { id: number; name: string }; trips: Trip[] } | null>(null);
  const [job, setJob] = useState<Job | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [sheet, setSheet] = useState<{ vehicle: string; day: WeekDay } | null>(null);
  const loadPlans = () => api<{ items: PlanRow[] }>("/api/shuttle-plans?pageSize=50").then((p) => setPlans(p.items), showError);
  const open = (id: number) => api<{ plan: { id: number; name: string }; trips: Trip[] }>(`/api/shuttle-plans/${id}`)
    .then((read) => { setTimetable(read); setSheet(null); }, showError);
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
        {outcome && (
          <>
            <p>{t("shuttleOutcome", { riders: formatNumber(outcome.riders), trips: outcome.trips, km: formatNumber(outcome.kilometres),
              co2: formatNumber(outcome.kilogramsCo2), unserved: outcome.unservedRides })}</p>
            <table class="responsive"><thead><tr><th /><th>km</th><th>kg CO₂</th></tr></thead>
              <tbody>{outcome.comparison.map((a) => (
                <tr><td>{alternatives[a.name] ? t(alternatives[a.name]) : a.name}</td><td data-label="km">{formatNumber(a.vehicleKilometres)}</td><td data-label="kg CO₂">{formatNumber(a.kilogramsCo2)}</td></tr>))}
              </tbody></table>
          </>
        )}
      </div>
      {timetable && (
        <div id="shuttle-timetable">
          <h3>{timetable.plan.name}</h3>
          <p class="actions">
            <a class="button" href={`/api/shuttle-plans/${timetable.plan.id}/timetable.csv`} download>{t("timetableCsv")}</a>
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
          {timetable.trips.map((trip) => (
            <div class="card">
              <strong>{trip.vehicle}</strong> · {t(trip.direction as TextKey)} · {formatNumber(trip.kilometres, 1)} km
              <table class="responsive">
                <thead><tr><th>{t("stop")}</th><th>{t("arrives")}</th><th>{t("leaves")}</th><th>{t("boarding")}</th><th>{t("alighting")}</th><th>{t("onBoard")}</th></tr></thead>
                <tbody>{trip.stops.map((s) => (
                  <tr><td data-label={t("stop")}>{s.site}</td><td data-label={t("arrives")}>{s.arrival.slice(0, 5)}</td><td data-label={t("leaves")}>{s.departure.slice(0, 5)}</td>
                    <td data-label={t("boarding")}>{s.boarding || ""}</td><td data-label={t("alighting")}>{s.alighting || ""}</td><td data-label={t("onBoard")}>{s.loadAfter}</td></tr>))}
                </tbody>
              </table>
            </div>))}
        </div>
      )}
    </section>
  );
}
