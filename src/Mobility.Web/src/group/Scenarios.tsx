// The working group's what-if scenarios: saved changes to the network (a shift moved, a meeting point added or removed,
// a shuttle line, a company's detour policy), run on a date or a week as a job with its steps, and read side by side
// with the baseline (the same dates without the changes) and another scenario. The numbers are the server's, already
// rounded and withheld by the disclosure rule: a dash is a number too small to show, never a zero.
import { useEffect, useState } from "preact/hooks";
import { api, ApiError, toApiError } from "../http";
import { addDays, formatDay, formatNumber, t, today, type TextKey } from "../i18n";
import { cancelJob, followJob, type Job } from "../live/jobs";
import { JobProgress } from "../ui/JobProgress";
import { fieldMessages, showError, showNotice } from "../ui/status";

type Kind = "shift-start" | "add-meeting-point" | "remove-meeting-point" | "shuttle-line" | "detour-policy";
const kinds: Kind[] = ["shift-start", "add-meeting-point", "remove-meeting-point", "shuttle-line", "detour-policy"];
export interface Change {
  kind: Kind; plantId?: number | null; shiftStart?: string | null; offsetMinutes?: number | null; meetingPointId?: number | null;
  latitude?: number | null; longitude?: number | null; name?: string | null; catchmentKilometres?: number | null; stationId?: number | null;
  plantIds?: number[] | null; shiftStarts?: string[] | null; minibuses?: number | null; coaches?: number | null; companyId?: number | null;
  maxDetourMinutes?: number | null;
}
interface Place { id: number; name: string; kind: "Plant" | "Station" | "MeetingPoint" | "CarPark"; latitude: number; longitude: number }
interface Places { companies: { id: number; name: string }[]; sites: Place[]; shiftStarts: string[] }
type Figures = Record<"trips" | "passengersServed" | "carsRemoved" | "kilometresDriven" | "kilometresSaved" | "kilogramsCo2" | "kilogramsCo2Saved"
  | "euros" | "eurosSaved" | "shuttleRiders" | "shuttleVehicleKilometres", number | null>;
interface Run { id: number; from: string; days: number; finishedAt: string; comparison: { withheld: boolean; baseline: Figures; scenario: Figures } }
interface Scenario { id: number; name: string; changes: Change[]; latestRun: Run | null }
interface Side { id: number; name: string; withheld: boolean; figures: Figures }
interface Comparison { from: string; days: number; baseline: Figures; scenarios: Side[]; sameBaseline: boolean }

export const scenarioSteps: Record<string, TextKey> = {
  loading: "scenarios.step.loading", baseline: "scenarios.step.baseline", carpools: "scenarios.step.carpools",
  shuttles: "scenarios.step.shuttles", comparison: "scenarios.step.comparison",
};
const rows: { key: keyof Figures; text: TextKey; digits?: number }[] = [
  { key: "passengersServed", text: "scenarios.passengersServed" }, { key: "carsRemoved", text: "scenarios.carsRemoved" },
  { key: "kilometresDriven", text: "scenarios.kilometresDriven" }, { key: "kilometresSaved", text: "scenarios.kilometresSaved" },
  { key: "kilogramsCo2", text: "scenarios.kilogramsCo2" }, { key: "kilogramsCo2Saved", text: "scenarios.kilogramsCo2Saved" },
  { key: "euros", text: "scenarios.euros" }, { key: "eurosSaved", text: "scenarios.eurosSaved" },
  { key: "shuttleRiders", text: "scenarios.shuttleRiders" }, { key: "shuttleVehicleKilometres", text: "scenarios.shuttleVehicleKilometres" },
];
const shown = (value: number | null | undefined) => (value == null ? "—" : formatNumber(value));
const blank = (kind: Kind): Change => kind === "shift-start" ? { kind, offsetMinutes: 30 } : kind === "shuttle-line" ? { kind, plantIds: [], shiftStarts: [] } : { kind };

/** The errors of one change (or of the form when `prefix` is a field), in the user's words. */
const errorsOf = (error: ApiError | null, prefix: string) =>
  error ? Object.keys(error.fieldCodes).filter((f) => f === prefix || f.startsWith(prefix + ".") || f.startsWith(prefix + "["))
    .flatMap((f) => fieldMessages(error, f)) : [];

function Errors({ error, prefix }: { error: ApiError | null; prefix: string }) {
  const messages = errorsOf(error, prefix);
  return messages.length ? <span class="field-error">{messages.join(" ")}</span> : null;
}

/** One change in words, from the places' names (rendered as text). */
export function describe(change: Change, places: Places | null): string {
  const site = (id?: number | null) => places?.sites.find((s) => s.id === id)?.name ?? "?";
  switch (change.kind) {
    case "shift-start": return t("scenarios.describe.shift", { plant: site(change.plantId), start: change.shiftStart ?? "?",
      offset: `${(change.offsetMinutes ?? 0) > 0 ? "+" : ""}${change.offsetMinutes ?? 0}` });
    case "add-meeting-point": return t("scenarios.describe.addPoint", { name: change.name ?? "" });
    case "remove-meeting-point": return t("scenarios.describe.removePoint", { name: site(change.meetingPointId) });
    case "shuttle-line": return t("scenarios.describe.line", { station: site(change.stationId), plants: (change.plantIds ?? []).map(site).join(", "),
      starts: change.shiftStarts?.length ? change.shiftStarts.join(", ") : t("scenarios.everyShift") });
    case "detour-policy": return t("scenarios.describe.detour", { company: places?.companies.find((c) => c.id === change.companyId)?.name ?? "?",
      minutes: change.maxDetourMinutes ?? "?" });
  }
}

export function Scenarios({ networkId }: { networkId: number }) {
  const base = `/api/networks/${networkId}/scenarios`;
  const [places, setPlaces] = useState<Places | null>(null);
  const [scenarios, setScenarios] = useState<Scenario[] | null>(null);
  const [editing, setEditing] = useState<{ id: number | null; name: string; changes: Change[] } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [date, setDate] = useState(addDays(today(), 1));
  const [days, setDays] = useState(1);
  const [job, setJob] = useState<Job | null>(null);
  const [chosen, setChosen] = useState<number[]>([]);
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [failed, setFailed] = useState(false);

  const load = async () => {
    try {
      setFailed(false);
      const [p, s] = await Promise.all([api<Places>(`/api/networks/${networkId}/statistics/places`), api<Scenario[]>(base)]);
      setPlaces(p); setScenarios(s);
    } catch (e) { setScenarios(null); setFailed(true); showError(e); }
  };
  useEffect(() => { load(); }, []);

  const compare = async (ids: number[], from: string, length: number) => {
    setComparison(null);
    if (ids.length === 0) return;
    try { setComparison(await api<Comparison>(`${base}/comparison?scenarios=${ids.join(",")}&from=${from}&days=${length}`)); }
    catch (e) { if (!(e instanceof ApiError && e.status === 404)) showError(e); else showNotice(t("scenarios.runBoth")); }
  };

  const save = async (event: Event) => {
    event.preventDefault();
    if (!editing) return;
    setError(null);
    try {
      const json = { name: editing.name, changes: editing.changes };
      await api(editing.id ? `${base}/${editing.id}` : base, { method: editing.id ? "PUT" : "POST", json });
      showNotice(t("scenarios.saved"));
      setEditing(null);
      await load();
    } catch (e) {
      if (e instanceof ApiError) setError(e);
      showError(e);
    }
  };

  const run = async (scenario: Scenario) => {
    try {
      const queued = await api<Job>(`${base}/${scenario.id}/runs`, { method: "POST", json: { date, days } });
      setJob(queued);
      const ended = await followJob(queued.id, setJob);
      setJob(null);
      if (ended.state === "cancelled") { showNotice(t("job.cancelled")); return; }
      if (ended.state !== "succeeded") { showError(toApiError(400, ended.error)); return; }
      await load();
      const ids = chosen.includes(scenario.id) ? chosen : [scenario.id, ...chosen].slice(0, 2);
      setChosen(ids);
      await compare(ids, date, days);
    } catch (e) { setJob(null); showError(e); }
  };

  const remove = async (scenario: Scenario) => {
    if (!confirm(t("scenarios.confirmDelete", { name: scenario.name }))) return;
    try { await api(`${base}/${scenario.id}`, { method: "DELETE" }); setChosen(chosen.filter((c) => c !== scenario.id)); await load(); }
    catch (e) { showError(e); }
  };

  const toggle = (id: number) => {
    const next = chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id].slice(-2);
    setChosen(next);
    compare(next, date, days);
  };

  return (
    <div class="scenarios">
      <p><a href="#">{t("scenarios.back")}</a></p>
      <h1>{t("scenarios.title")}</h1>
      <p class="hint">{t("scenarios.hint")}</p>
      {failed && <p class="warning" role="alert">{t("loadFailed")}</p>}
      <form class="inline" id="scenario-dates" onSubmit={(e) => { e.preventDefault(); compare(chosen, date, days); }}>
        <label>{t("date")}<input name="date" type="date" required value={date} onInput={(e) => setDate((e.currentTarget as HTMLInputElement).value)} /></label>
        <label>{t("scenarios.length")}
          <select name="days" value={String(days)} onChange={(e) => setDays(Number((e.currentTarget as HTMLSelectElement).value))}>
            <option value="1">{t("scenarios.oneDay")}</option><option value="7">{t("scenarios.week")}</option>
          </select></label>
      </form>
      {job && <JobProgress job={job} steps={scenarioSteps} onCancel={() => cancelJob(job.id).catch(showError)} />}
      {scenarios && (scenarios.length === 0 ? <p>{t("scenarios.none")}</p> : (
        <ul class="scenario-list">
          {scenarios.map((s) => (
            <li class="scenario" data-id={s.id}>
              <label class="choose"><input type="checkbox" checked={chosen.includes(s.id)} onChange={() => toggle(s.id)} /> <strong>{s.name}</strong></label>
              <ul class="changes">{s.changes.map((c) => <li>{describe(c, places)}</li>)}</ul>
              {s.latestRun && <p class="hint">{t("scenarios.lastRun", { from: formatDay(s.latestRun.from, "short"), days: s.latestRun.days })}</p>}
              <div class="actions">
                <button type="button" class="primary" disabled={job !== null} onClick={() => run(s)}>{t("scenarios.run")}</button>
                <button type="button" onClick={() => { setError(null); setEditing({ id: s.id, name: s.name, changes: s.changes }); }}>{t("scenarios.edit")}</button>
                <button type="button" class="quiet" onClick={() => remove(s)}>{t("scenarios.delete")}</button>
              </div>
            </li>))}
        </ul>))}
      {comparison && <ComparisonTable comparison={comparison} />}
      {editing ? <Editor editing={editing} setEditing={setEditing} places={places} error={error} onSubmit={save} />
        : <button type="button" class="primary" id="new-scenario" onClick={() => { setError(null); setEditing({ id: null, name: "", changes: [blank("shift-start")] }); }}>{t("scenarios.new")}</button>}
    </div>
  );
}

function ComparisonTable({ comparison }: { comparison: Comparison }) {
  return (
    <section id="scenario-comparison">
      <h2>{t("scenarios.comparison", { from: formatDay(comparison.from, "short"), days: comparison.days })}</h2>
      {!comparison.sameBaseline && <p class="warning">{t("scenarios.differentBaselines")}</p>}
      {comparison.scenarios.some((s) => s.withheld) && <p class="hint">{t("scenarios.withheld")}</p>}
      <div class="table-scroll">
        <table class="side-by-side">
          <thead><tr><th scope="col">{t("scenarios.figure")}</th><th scope="col">{t("scenarios.baseline")}</th>
            {comparison.scenarios.map((s) => <th scope="col">{s.name}</th>)}</tr></thead>
          <tbody>{rows.map((row) => (
            <tr><th scope="row">{t(row.text)}</th><td>{shown(comparison.baseline[row.key])}</td>
              {comparison.scenarios.map((s) => <td>{shown(s.figures[row.key])}</td>)}</tr>))}
          </tbody>
        </table>
      </div>
      <p class="hint">{t("scenarios.rounding")}</p>
    </section>
  );
}

function Editor({ editing, setEditing, places, error, onSubmit }: {
  editing: { id: number | null; name: string; changes: Change[] }; setEditing: (e: { id: number | null; name: string; changes: Change[] } | null) => void;
  places: Places | null; error: ApiError | null; onSubmit: (e: Event) => void;
}) {
  const sites = (kind: Place["kind"]) => places?.sites.filter((s) => s.kind === kind) ?? [];
  const update = (i: number, change: Change) => setEditing({ ...editing, changes: editing.changes.map((c, j) => (j === i ? change : c)) });
  const number = (value: string) => (value === "" ? null : Number(value));
  const input = (handler: (value: string) => void) => (e: Event) => handler((e.currentTarget as HTMLInputElement).value);
  const pick = (label: TextKey, name: string, value: number | null | undefined, options: { id: number; name: string }[], set: (v: number | null) => void) => (
    <label>{t(label)}
      <select name={name} value={value == null ? "" : String(value)} onChange={input((v) => set(number(v)))}>
        <option value="">{t("scenarios.choose")}</option>
        {options.map((o) => <option value={String(o.id)}>{o.name}</option>)}
      </select></label>);
  return (
    <form id="scenario-form" class="scenario-form" onSubmit={onSubmit} noValidate>
      <h2>{editing.id ? t("scenarios.edit") : t("scenarios.new")}</h2>
      <label>{t("scenarios.name")}<input name="name" value={editing.name} maxLength={100} onInput={input((v) => setEditing({ ...editing, name: v }))} />
        <Errors error={error} prefix="name" /></label>
      <Errors error={error} prefix="changes" />
      {editing.changes.map((c, i) => (
        <fieldset class="change">
          <legend>{t("scenarios.change", { n: i + 1 })}</legend>
          <label>{t("scenarios.kind")}
            <select name="kind" value={c.kind} onChange={input((v) => update(i, blank(v as Kind)))}>
              {kinds.map((k) => <option value={k}>{t(`scenarios.kind.${k}` as TextKey)}</option>)}
            </select></label>
          {c.kind === "shift-start" && <>
            {pick("scenarios.plant", "plantId", c.plantId, sites("Plant"), (v) => update(i, { ...c, plantId: v }))}
            <label>{t("scenarios.shiftStart")}
              <select name="shiftStart" value={c.shiftStart ?? ""} onChange={input((v) => update(i, { ...c, shiftStart: v || null }))}>
                <option value="">{t("scenarios.choose")}</option>
                {(places?.shiftStarts ?? []).map((s) => <option value={s}>{s}</option>)}
              </select></label>
            <label>{t("scenarios.offset")}
              <select name="offsetMinutes" value={String(c.offsetMinutes ?? "")} onChange={input((v) => update(i, { ...c, offsetMinutes: number(v) }))}>
                {[-30, -15, 15, 30].map((m) => <option value={String(m)}>{`${m > 0 ? "+" : ""}${m} min`}</option>)}
              </select></label>
          </>}
          {c.kind === "add-meeting-point" && <>
            <label>{t("scenarios.pointName")}<input value={c.name ?? ""} maxLength={100} onInput={input((v) => update(i, { ...c, name: v }))} /></label>
            <label>{t("scenarios.latitude")}<input type="number" step="any" inputMode="decimal" value={c.latitude ?? ""} onInput={input((v) => update(i, { ...c, latitude: number(v) }))} /></label>
            <label>{t("scenarios.longitude")}<input type="number" step="any" inputMode="decimal" value={c.longitude ?? ""} onInput={input((v) => update(i, { ...c, longitude: number(v) }))} /></label>
            <label>{t("scenarios.catchment")}<input type="number" step="0.1" min="0.2" max="10" value={c.catchmentKilometres ?? ""} placeholder="2" onInput={input((v) => update(i, { ...c, catchmentKilometres: number(v) }))} /></label>
          </>}
          {c.kind === "remove-meeting-point" && pick("scenarios.meetingPoint", "meetingPointId", c.meetingPointId, sites("MeetingPoint"), (v) => update(i, { ...c, meetingPointId: v }))}
          {c.kind === "shuttle-line" && <>
            {pick("scenarios.station", "stationId", c.stationId, sites("Station"), (v) => update(i, { ...c, stationId: v }))}
            <fieldset class="choices"><legend>{t("scenarios.plants")}</legend>
              {sites("Plant").map((p) => (
                <label class="check"><input type="checkbox" checked={(c.plantIds ?? []).includes(p.id)}
                  onChange={() => update(i, { ...c, plantIds: (c.plantIds ?? []).includes(p.id) ? (c.plantIds ?? []).filter((x) => x !== p.id) : [...(c.plantIds ?? []), p.id] })} /> {p.name}</label>))}
            </fieldset>
            <fieldset class="choices"><legend>{t("scenarios.shiftsServed")}</legend>
              {(places?.shiftStarts ?? []).map((s) => (
                <label class="check"><input type="checkbox" checked={(c.shiftStarts ?? []).includes(s)}
                  onChange={() => update(i, { ...c, shiftStarts: (c.shiftStarts ?? []).includes(s) ? (c.shiftStarts ?? []).filter((x) => x !== s) : [...(c.shiftStarts ?? []), s] })} /> {s}</label>))}
            </fieldset>
            <label>{t("scenarios.catchment")}<input type="number" step="0.1" min="0.2" max="10" value={c.catchmentKilometres ?? ""} placeholder="2" onInput={input((v) => update(i, { ...c, catchmentKilometres: number(v) }))} /></label>
            <label>{t("scenarios.minibuses")}<input type="number" min="0" max="20" value={c.minibuses ?? ""} placeholder="2" onInput={input((v) => update(i, { ...c, minibuses: number(v) }))} /></label>
            <label>{t("scenarios.coaches")}<input type="number" min="0" max="10" value={c.coaches ?? ""} placeholder="1" onInput={input((v) => update(i, { ...c, coaches: number(v) }))} /></label>
          </>}
          {c.kind === "detour-policy" && <>
            {pick("scenarios.company", "companyId", c.companyId, places?.companies ?? [], (v) => update(i, { ...c, companyId: v }))}
            <label>{t("scenarios.maxDetour")}<input name="maxDetourMinutes" type="number" min="0" max="60" value={c.maxDetourMinutes ?? ""} onInput={input((v) => update(i, { ...c, maxDetourMinutes: number(v) }))} /></label>
          </>}
          <Errors error={error} prefix={`changes[${i}]`} />
          {editing.changes.length > 1 && (
            <button type="button" class="quiet" onClick={() => setEditing({ ...editing, changes: editing.changes.filter((_, j) => j !== i) })}>{t("scenarios.removeChange")}</button>)}
        </fieldset>))}
      <div class="actions">
        <button type="button" onClick={() => setEditing({ ...editing, changes: [...editing.changes, blank("shift-start")] })}>{t("scenarios.addChange")}</button>
        <button type="submit" class="primary">{t("scenarios.save")}</button>
        <button type="button" class="quiet" onClick={() => setEditing(null)}>{t("scenarios.cancel")}</button>
      </div>
    </form>
  );
}
