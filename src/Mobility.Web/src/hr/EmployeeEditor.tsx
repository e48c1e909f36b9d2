// One employee, new or changed by HR: identity, work e-mail, plant, home found by its postal address (the address index), the
// roster worked from a date, and erasure after a confirmation. The server checks everything and answers field codes.
import { useEffect, useRef, useState } from "preact/hooks";
import { api, ApiError } from "../http";
import { formatDay, formatNumber, t } from "../i18n";
import { fieldMessages, showError, showNotice } from "../ui/status";
import type { AddressMatch } from "../employee/HomeForm";
import type { EmployeeRow } from "./Employees";
import { fullName } from "./people";

export interface Plant { id: number; companyId: number | null; name: string }
export interface Roster { id: number; name: string; rotationWeeks: number }

/** The Monday of the week holding `date` (YYYY-MM-DD), as rotations count from a Monday. */
export function mondayOf(date: string): string {
  const day = new Date(`${date}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

function FieldError({ error, fields }: { error: ApiError | null; fields: string[] }) {
  const messages = error ? fields.flatMap((f) => fieldMessages(error, f)) : [];
  return messages.length ? <span class="field-error">{messages.join(" ")}</span> : null;
}

interface ShiftExceptionRow { id: number; date: string; kind: "Leave" | "ExtraShift"; start: string | null; end: string | null }

/** A day of leave, or an extra shift instead of the rostered one (POST …/shift-exceptions), and the coming ones, each removable. */
function ShiftExceptionForm({ employeeId }: { employeeId: number }) {
  const [kind, setKind] = useState<"Leave" | "ExtraShift">("Leave");
  const [error, setError] = useState<ApiError | null>(null);
  const [coming, setComing] = useState<ShiftExceptionRow[] | null>(null);
  const url = `/api/employees/${employeeId}/shift-exceptions`;
  const load = () => api<ShiftExceptionRow[]>(url).then(setComing, (e) => { setComing(null); showError(e); });
  useEffect(() => { load(); }, [employeeId]);
  const remove = async (row: ShiftExceptionRow) => {
    try { await api(`${url}/${row.id}`, { method: "DELETE" }); showNotice(t("hr.exceptionRemoved")); } catch (e) { showError(e); }
    load();
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const start = String(form.get("start") ?? ""), end = String(form.get("end") ?? "");
    const body: Record<string, unknown> = { date: form.get("date"), kind };
    if (kind === "ExtraShift") Object.assign(body, { start, end, endsNextDay: end !== "" && end <= start });
    try {
      await api(url, { json: body });
      setError(null);
      showNotice(t("hr.exceptionSaved"));
      load();
    } catch (e) { if (e instanceof ApiError) setError(e); showError(e); }
  };
  return (
    <form class="stack" id="shift-exception-form" onSubmit={submit}>
      <fieldset class="stack">
        <legend>{t("hr.exception")}</legend>
        <div class="filter-grid">
          <label>{t("hr.exceptionDate")}<input name="date" type="date" required /><FieldError error={error} fields={["date"]} /></label>
          <label>{t("hr.exception")}
            <select name="kind" value={kind} onChange={(e) => setKind((e.currentTarget as HTMLSelectElement).value as typeof kind)}>
              <option value="Leave">{t("hr.leave")}</option><option value="ExtraShift">{t("hr.extraShift")}</option>
            </select></label>
          {kind === "ExtraShift" && <>
            <label>{t("hr.slotStart")}<input name="start" type="time" required /><FieldError error={error} fields={["start"]} /></label>
            <label>{t("hr.slotEnd")}<input name="end" type="time" required /><FieldError error={error} fields={["end"]} /></label>
          </>}
        </div>
        <button type="submit">{t("save")}</button>
      </fieldset>
      {coming && (
        <section aria-labelledby="exceptions-coming">
          <h4 id="exceptions-coming">{t("hr.exceptionsComing")}</h4>
          {coming.length === 0 ? <p class="hint">{t("hr.noExceptions")}</p> : (
            <ul class="exception-list">
              {coming.map((row) => (
                <li>
                  <span>{formatDay(row.date)} · {row.kind === "Leave" ? t("hr.leave") : `${t("hr.extraShift")} ${row.start?.slice(0, 5)}–${row.end?.slice(0, 5)}`}</span>
                  <button type="button" class="quiet" aria-label={`${t("hr.removeException")} ${formatDay(row.date)}`} onClick={() => remove(row)}>{t("hr.removeException")}</button>
                </li>))}
            </ul>)}
        </section>)}
    </form>
  );
}

export function EmployeeEditor({ companyId, employee, plants, rosters, onDone, onCancel }: {
  companyId: number; employee: EmployeeRow | null; plants: Plant[]; rosters: Roster[]; onDone: () => void; onCancel: () => void;
}) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [found, setFound] = useState<AddressMatch[] | null>(null);
  const [home, setHome] = useState<AddressMatch | null>(null);
  const [confirmErase, setConfirmErase] = useState(false);
  const today = new Date().toISOString().slice(0, 10);
  const title = employee ? t("hr.editTitle", { name: fullName(employee) }) : t("hr.addTitle");
  // Opened from a row far down a phone's list: the form comes into sight, its first field ready.
  const opened = useRef<HTMLElement>(null);
  useEffect(() => {
    opened.current?.scrollIntoView?.({ block: "start" });
    opened.current?.querySelector<HTMLInputElement>("input")?.focus({ preventScroll: true });
  }, []);

  const searchAddress = async (text: string) => {
    if (!text.trim()) return;
    try { setFound(await api<AddressMatch[]>(`/api/addresses/search?q=${encodeURIComponent(text.trim())}&limit=5`)); }
    catch (e) { setFound(null); showError(e); }
  };

  const save = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const body: Record<string, unknown> = {
      externalId: text("externalId"), firstName: text("firstName"), lastName: text("lastName"), workEmail: text("workEmail"),
      mainSiteId: Number(text("mainSiteId")) || null,
    };
    if (home) body.commute = { home: { type: "Point", coordinates: [home.longitude, home.latitude] }, commune: home.city ?? undefined };
    setBusy(true);
    try {
      const saved = await api<{ id: number }>(employee ? `/api/employees/${employee.id}` : `/api/companies/${companyId}/employees`,
        { method: employee ? "PUT" : "POST", json: body });
      const roster = Number(text("shiftPatternId"));
      if (roster && (roster !== employee?.shiftPatternId || text("validFrom") !== today)) {
        const from = text("validFrom") || today;
        await api(`/api/employees/${saved.id}/shift-assignment`, {
          method: "PUT", json: { shiftPatternId: roster, validFrom: from, rotationAnchor: mondayOf(from), rotationOffsetWeeks: Number(text("rotationWeek")) || 0 },
        });
      }
      setError(null);
      showNotice(t("hr.employeeSaved"));
      onDone();
    } catch (e) {
      if (e instanceof ApiError) setError(e);
      showError(e);
    } finally { setBusy(false); }
  };

  const erase = async () => {
    if (!employee) return;
    setBusy(true);
    try { await api(`/api/employees/${employee.id}`, { method: "DELETE" }); showNotice(t("hr.erased")); onDone(); }
    catch (e) { showError(e); } finally { setBusy(false); }
  };

  return (
    <section ref={opened} class="card stack employee-editor" aria-labelledby="employee-editor-title">
      <h3 id="employee-editor-title">{title}</h3>
      <form id="employee-form" class="stack" onSubmit={save}>
        <label>{t("hrNumber")}<input name="externalId" required maxLength={64} value={employee?.externalId ?? ""} />
          <FieldError error={error} fields={["externalId"]} /></label>
        <label>{t("hr.firstName")}<input name="firstName" maxLength={100} autoComplete="off" value={employee?.firstName ?? ""} /></label>
        <label>{t("hr.lastName")}<input name="lastName" maxLength={100} autoComplete="off" value={employee?.lastName ?? ""} /></label>
        <label>{t("hr.workEmail")}<input name="workEmail" type="email" maxLength={256} autoComplete="off" value={employee?.workEmail ?? ""} />
          <FieldError error={error} fields={["workEmail"]} /></label>
        <label>{t("hr.site")}
          <select name="mainSiteId" required value={String(employee?.mainSiteId ?? plants[0]?.id ?? "")}>
            {plants.map((p) => <option value={String(p.id)}>{p.name}</option>)}
          </select>
          <FieldError error={error} fields={["mainSiteId"]} /></label>
        <fieldset class="stack">
          <legend>{t("hr.home")}</legend>
          <p class="hint">{home ? t("addressChosen", { label: home.label })
            : employee?.hasHome ? (employee.commune ? t("hr.homeKept", { commune: employee.commune }) : t("hr.homeKeptNoCommune"))
              : t("hr.homeMissing")} {t("hr.homeHint")}</p>
          <div class="inline-search">
            <label>{t("homeAddress")}<input name="address" type="search" maxLength={200} autoComplete="off"
              onKeyDown={(e) => { if (e.key === "Enter") { e.preventDefault(); searchAddress((e.currentTarget as HTMLInputElement).value); } }} /></label>
            <button type="button" onClick={(e) => searchAddress(((e.currentTarget as HTMLElement).parentElement!.querySelector("input") as HTMLInputElement).value)}>
              {t("homeFind")}</button>
          </div>
          {found && (found.length === 0 ? <p class="hint" role="status">{t("addressNotFound")}</p>
            : <ul class="address-matches" aria-label={t("addressMatches")}>{found.map((match) => (
              <li><button type="button" class="quiet" onClick={() => { setHome(match); setFound(null); }}>
                {match.label}{match.confidence < 0.8 && <span class="hint"> · {t("addressUnsure", { percent: formatNumber(match.confidence * 100, 0) })}</span>}
              </button></li>))}
            </ul>)}
          <FieldError error={error} fields={["home", "commute.home"]} />
        </fieldset>
        <fieldset class="stack">
          <legend>{t("hr.assignRoster")}</legend>
          <label>{t("hr.roster")}
            <select name="shiftPatternId" value={String(employee?.shiftPatternId ?? "")}>
              <option value="">{t("hr.noRoster")}</option>
              {rosters.map((r) => <option value={String(r.id)}>{r.name}</option>)}
            </select></label>
          <label>{t("hr.assignFrom")}<input name="validFrom" type="date" value={today} /></label>
          <label>{t("hr.rotationWeek")}<input name="rotationWeek" type="number" min={0} max={51} value="0" />
            <FieldError error={error} fields={["shiftPatternId", "validFrom", "rotationOffsetWeeks"]} /></label>
        </fieldset>
        <p class="actions">
          <button type="submit" class="primary" disabled={busy}>{t("hr.saveEmployee")}</button>
          <button type="button" onClick={onCancel}>{t("hr.cancelEdit")}</button>
          {employee && !confirmErase && <button type="button" class="danger" onClick={() => setConfirmErase(true)}>{t("hr.erase")}</button>}
        </p>
      </form>
      {employee && <ShiftExceptionForm employeeId={employee.id} />}
      {employee && confirmErase && (
        <div class="warning" role="alertdialog" aria-labelledby="erase-question">
          <p id="erase-question">{t("hr.eraseConfirm", { name: fullName(employee) })}</p>
          <button type="button" class="danger" disabled={busy} onClick={erase}>{t("hr.eraseYes")}</button>
          <button type="button" onClick={() => setConfirmErase(false)}>{t("hr.eraseNo")}</button>
        </div>
      )}
    </section>
  );
}
