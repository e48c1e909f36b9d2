// The dashboard's pure logic, apart from the page so that it is tested on its own (dashboard.test.ts): the filters as a
// query, the colour classes of the homes map, the activity's trend against the previous period, and the order of flows.

export interface Filters { company: string; plant: string; roster: string; shift: string }
export const noFilters: Filters = { company: "", plant: "", roster: "", shift: "" };

/** The filters that are set, as a query string (`company=3&shift=06%3A00`), in a fixed order. */
export function filterQuery(filters: Filters, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams();
  for (const key of ["company", "plant", "roster", "shift"] as const) if (filters[key]) query.set(key, filters[key]);
  for (const [key, value] of Object.entries(extra)) if (value) query.set(key, value);
  return query.toString();
}

/** The map's colours, lightest for the fewest: colour-blind safe and readable under the grid's labels. */
export const squareColours = ["#d6ecf3", "#9fd0e0", "#5aa9c4", "#1f7a99", "#0b4f63"];

/** A class of the homes map: squares from `from` people (inclusive) to `to` (inclusive; null for the last class). */
export interface ColourClass { from: number; to: number | null; colour: string }

/**
 * Up to five classes over the squares' published counts (multiples of 5), cut at multiples of 5 so that each class
 * says something true of rounded counts ("5–10", not "5–7.3"), none empty of possible values, from the smallest
 * count to the largest.
 */
export function colourClasses(counts: number[]): ColourClass[] {
  const shown = counts.filter((c) => c > 0);
  if (shown.length === 0) return [];
  const least = Math.min(...shown), most = Math.max(...shown);
  const steps = Math.max(1, Math.ceil((most - least + 5) / 5)); // distinct multiples of 5 from least to most
  const classes = Math.min(squareColours.length, steps);
  const width = Math.ceil(steps / classes) * 5;
  const result: ColourClass[] = [];
  for (let i = 0, from = least; from <= most; i++, from += width) {
    const to = from + width - 5;
    result.push({ from, to: to >= most ? null : to, colour: "" });
  }
  // Spread the colours over the classes made, the darkest for the largest.
  return result.map((c, i) => ({ ...c, colour: squareColours[result.length === 1 ? squareColours.length - 1
    : Math.round((i * (squareColours.length - 1)) / (result.length - 1))] }));
}

/** The class a count falls in (the last for anything above). */
export const classOf = (classes: ColourClass[], count: number): ColourClass | undefined =>
  classes.find((c) => c.to === null || count <= c.to);

export interface ActivityDay { date: string; taken: boolean; groups: number | null; people: number | null; carsRemoved: number | null;
  kilometresSaved: number | null; kilogramsCo2Saved: number | null; eurosSaved: number | null }

export interface Trend { current: number; previous: number; change: number }

/** Mean people per published day (null when no day of the period was published). */
export function peoplePerDay(days: ActivityDay[]): number | null {
  const published = days.filter((d) => d.people != null);
  return published.length === 0 ? null : published.reduce((sum, d) => sum + d.people!, 0) / published.length;
}

/**
 * This period against the previous one of the same length: people carpooling per published day in each, and the change
 * as a fraction of the previous (+0.25 for a quarter more). Only published days count, so the trend says nothing the
 * days do not; null when either period has none.
 */
export function trendOf(current: ActivityDay[], previous: ActivityDay[]): Trend | null {
  const now = peoplePerDay(current), before = peoplePerDay(previous);
  if (now == null || before == null || before === 0) return null;
  return { current: now, previous: before, change: (now - before) / before };
}

/** The server's trend within the period (people per published day in its first and second half), as a Trend: what the
 * page says when the previous period has no published day (a network whose history is younger than two periods). */
export function halvesTrend(trend: { firstHalfPeoplePerDay: number | null; secondHalfPeoplePerDay: number | null }): Trend | null {
  const { firstHalfPeoplePerDay: first, secondHalfPeoplePerDay: second } = trend;
  if (first == null || second == null || first === 0) return null;
  return { current: second, previous: first, change: (second - first) / first };
}

/** Sums over the published days only (a withheld day adds nothing, it is not a zero). */
export function periodTotals(days: ActivityDay[]) {
  const sum = (pick: (d: ActivityDay) => number | null) => days.reduce((total, d) => total + (pick(d) ?? 0), 0);
  return { kilometres: sum((d) => d.kilometresSaved), co2: sum((d) => d.kilogramsCo2Saved), euros: sum((d) => d.eurosSaved) };
}

/** The previous period of the same length, ending the day before `from` (dates YYYY-MM-DD). */
export function previousPeriod(from: string, to: string): { from: string; to: string; days: number } {
  const day = (date: string) => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / 86_400_000;
  const iso = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
  const days = day(to) - day(from) + 1;
  return { from: iso(day(from) - days), to: iso(day(from) - 1), days };
}

export interface Flow { commune: string; plantId: number; plant: string; people: number }
export type FlowColumn = "commune" | "plant" | "people";

/** Flows sorted by a column: people the biggest first, names alphabetically (French collation); ties by commune. */
export function sortFlows(flows: Flow[], column: FlowColumn, descending: boolean): Flow[] {
  const collator = new Intl.Collator("fr", { sensitivity: "base", numeric: true });
  const compare = (a: Flow, b: Flow) =>
    column === "people" ? a.people - b.people : collator.compare(a[column], b[column]);
  return [...flows].sort((a, b) => (descending ? -compare(a, b) : compare(a, b)) || collator.compare(a.commune, b.commune) || a.plantId - b.plantId);
}
