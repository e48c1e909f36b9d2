// A roster as the week grid edits it: slots grouped by rotation week, days as seven booleans (Monday first), times as
// "HH:MM". Converts to and from the API's shape (days as WorkDays flag names, "Monday, Tuesday" or "Weekdays").
export const dayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;
const combined: Record<string, number[]> = { Weekdays: [0, 1, 2, 3, 4], All: [0, 1, 2, 3, 4, 5, 6], None: [] };

export interface GridSlot { week: number; days: boolean[]; start: string; end: string }
export interface SlotView { week: number; days: string; start: string; end: string; endsNextDay: boolean }
export interface RosterView { id: number; externalId: string; name: string; rotationWeeks: number; slots: SlotView[] }

export function parseDays(days: string): boolean[] {
  const on = new Array<boolean>(7).fill(false);
  for (const name of days.split(",").map((d) => d.trim()).filter((d) => d)) {
    const index = dayNames.indexOf(name as (typeof dayNames)[number]);
    for (const day of index >= 0 ? [index] : combined[name] ?? []) on[day] = true;
  }
  return on;
}

export const writeDays = (days: boolean[]): string => dayNames.filter((_, i) => days[i]).join(", ");

/** An end at or before the start is the next morning: a night shift. */
export const endsNextDay = (start: string, end: string): boolean => end !== "" && start !== "" && end <= start;

export const fromView = (slots: SlotView[]): GridSlot[] =>
  slots.map((s) => ({ week: s.week, days: parseDays(s.days), start: s.start.slice(0, 5), end: s.end.slice(0, 5) }));

/** The slots as the API takes them, in the grid's order (week, then start), which the field errors' indexes follow. */
export function toInput(slots: GridSlot[]) {
  const ordered = [...slots].sort((a, b) => a.week - b.week || a.start.localeCompare(b.start));
  return {
    ordered,
    input: ordered.map((s) => ({ week: s.week, days: writeDays(s.days), start: s.start, end: s.end, endsNextDay: endsNextDay(s.start, s.end) })),
  };
}
