// Rosters on a week grid: each rotation week shows its seven days (night shifts marked) above the shifts that make it;
// a shift is days, a start and an end (an end at or before the start is the next morning). The server checks the rules
// (RosterRules: overlaps across midnight and across the rotation's turn) and answers field codes per shift.
import { useEffect, useState } from "preact/hooks";
import { api, ApiError } from "../http";
import { t, type TextKey } from "../i18n";
import { fieldMessages, showError, showNotice } from "../ui/status";
import { endsNextDay, fromView, toInput, type GridSlot, type RosterView } from "./rosterGrid";

const blank = (week: number): GridSlot => ({ week, days: [true, true, true, true, true, false, false], start: "05:00", end: "13:00" });

function WeekStrip({ slots }: { slots: GridSlot[] }) {
  return (
    <div class="week-strip" aria-hidden="true">
      {[0, 1, 2, 3, 4, 5, 6].map((day) => {
        const on = slots.filter((s) => s.days[day]);
        return (
          <div class={on.length ? (on.some((s) => endsNextDay(s.start, s.end)) ? "on night" : "on") : ""}>
            {t(`day.${day}` as TextKey)}{on.map((s) => <><br />{s.start}–{s.end}</>)}
          </div>
        );
      })}
    </div>
  );
}

function RosterForm({ companyId, roster, onDone }: { companyId: number; roster: RosterView | null; onDone: () => void }) {
  const [code, setCode] = useState(roster?.externalId ?? "");
  const [name, setName] = useState(roster?.name ?? "");
  const [weeks, setWeeks] = useState(roster?.rotationWeeks ?? 1);
  const [slots, setSlots] = useState<GridSlot[]>(roster ? fromView(roster.slots) : [blank(0)]);
  const [error, setError] = useState<ApiError | null>(null);
  const [sent, setSent] = useState<GridSlot[]>([]);
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);

  const change = (slot: GridSlot, next: Partial<GridSlot>) => setSlots(slots.map((s) => (s === slot ? { ...s, ...next } : s)));
  const messages = (field: string) => (error ? fieldMessages(error, field) : []);
  const slotMessages = (slot: GridSlot) => {
    const index = sent.indexOf(slot);
    return index < 0 ? [] : ["week", "days", "start", "end"].flatMap((f) => messages(`slots[${index}].${f}`)).concat(messages(`slots[${index}]`));
  };

  const save = async (event: Event) => {
    event.preventDefault();
    const { ordered, input } = toInput(slots.filter((s) => s.week < weeks));
    setSent(ordered);
    setBusy(true);
    try {
      await api(roster ? `/api/shift-patterns/${roster.id}` : `/api/companies/${companyId}/shift-patterns`,
        { method: roster ? "PUT" : "POST", json: { externalId: code, name, rotationWeeks: weeks, slots: input } });
      setError(null);
      showNotice(t("hr.rosterSaved"));
      onDone();
    } catch (e) {
      if (e instanceof ApiError) setError(e);
      showError(e);
    } finally { setBusy(false); }
  };

  const remove = async () => {
    if (!roster) return;
    try { await api(`/api/shift-patterns/${roster.id}`, { method: "DELETE" }); showNotice(t("hr.rosterDeleted")); onDone(); }
    catch (e) { showError(e); setConfirmDelete(false); }
  };

  return (
    <form class="card stack roster-grid" id="roster-form" onSubmit={save}>
      <div class="filter-grid">
        <label>{t("hr.rosterCode")}<input name="externalId" required maxLength={64} value={code} onInput={(e) => setCode(e.currentTarget.value)} />
          {messages("externalId").length > 0 && <span class="field-error">{messages("externalId").join(" ")}</span>}</label>
        <label>{t("hr.rosterName")}<input name="name" required maxLength={100} value={name} onInput={(e) => setName(e.currentTarget.value)} /></label>
        <label>{t("hr.rotationWeeks")}<input name="rotationWeeks" type="number" min={1} max={52} value={weeks}
          onInput={(e) => setWeeks(Math.max(1, Math.min(52, Number(e.currentTarget.value) || 1)))} /></label>
      </div>
      {messages("slots").length > 0 && <p class="field-error">{messages("slots").join(" ")}</p>}
      {Array.from({ length: weeks }, (_, week) => {
        const ofWeek = slots.filter((s) => s.week === week);
        return (
          <fieldset class="roster-week" data-week={week}>
            <legend>{t("hr.week", { week: week + 1 })}</legend>
            <WeekStrip slots={ofWeek} />
            {ofWeek.map((slot) => (
              <div class="roster-slot">
                <div class="days">{slot.days.map((on, day) => (
                  <label>{t(`day.${day}` as TextKey)}
                    <input type="checkbox" checked={on} onChange={() => change(slot, { days: slot.days.map((d, i) => (i === day ? !d : d)) })} /></label>
                ))}</div>
                <label>{t("hr.slotStart")}<input type="time" required value={slot.start} onInput={(e) => change(slot, { start: e.currentTarget.value })} /></label>
                <label>{t("hr.slotEnd")}<input type="time" required value={slot.end} onInput={(e) => change(slot, { end: e.currentTarget.value })} /></label>
                {endsNextDay(slot.start, slot.end) && <span class="chip">{t("hr.nextDay")}</span>}
                <button type="button" class="quiet" onClick={() => setSlots(slots.filter((s) => s !== slot))}>{t("hr.removeSlot")}</button>
                {slotMessages(slot).length > 0 && <p class="field-error">{slotMessages(slot).join(" ")}</p>}
              </div>
            ))}
            <button type="button" class="add-slot" onClick={() => setSlots([...slots, blank(week)])}>{t("hr.addSlot")}</button>
          </fieldset>
        );
      })}
      <p class="actions">
        <button type="submit" class="primary" disabled={busy}>{t("hr.rosterSave")}</button>
        {roster && !confirmDelete && <button type="button" class="danger" onClick={() => setConfirmDelete(true)}>{t("hr.rosterDelete")}</button>}
      </p>
      {roster && confirmDelete && (
        <div class="warning" role="alertdialog">
          <p>{t("hr.rosterDeleteConfirm", { name: roster.name })}</p>
          <button type="button" class="danger" onClick={remove}>{t("hr.rosterDelete")}</button>
          <button type="button" onClick={() => setConfirmDelete(false)}>{t("hr.cancelEdit")}</button>
        </div>
      )}
    </form>
  );
}

export function Rosters({ companyId, onChanged }: { companyId: number; onChanged: () => void }) {
  const [rosters, setRosters] = useState<RosterView[]>([]);
  const [open, setOpen] = useState<RosterView | "new" | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => { api<RosterView[]>("/api/shift-patterns").then(setRosters, showError); }, [version]);
  return (
    <section aria-labelledby="rosters-title" class="rosters">
      <h2 id="rosters-title">{t("hr.rosters")}</h2>
      <ul class="list" id="roster-list">{rosters.map((r) => (
        <li><span>{r.name} <span class="hint">({r.externalId})</span></span>
          <button type="button" onClick={() => setOpen(open !== "new" && open?.id === r.id ? null : r)}>{t("hr.edit")}</button></li>
      ))}</ul>
      <button type="button" id="roster-new" onClick={() => setOpen("new")}>{t("hr.rosterNew")}</button>
      {open && <RosterForm key={open === "new" ? "new" : open.id} companyId={companyId} roster={open === "new" ? null : open}
        onDone={() => { setOpen(null); setVersion((n) => n + 1); onChanged(); }} />}
    </section>
  );
}
