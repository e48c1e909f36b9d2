// What HR reads of a shuttle plan: its trips by shift change (one heading per direction and time at the plants, not a card
// per identical run), and the comparison's verdict in plain words.

export interface PlanStop { site: string; arrival: string; departure: string; boarding: number; alighting: number; loadAfter: number }
export interface PlanTrip { id: number; vehicle: string; capacity: number; direction: "ToWork" | "ToHome"; days: string; shiftPattern: string | null; kilometres: number; stops: PlanStop[] }
export interface Alternative { name: string; vehicleKilometres: number; kilogramsCo2: number; peopleCounted: number; peopleServed: number }

/** A shift change: the trips of one direction and days whose time at the plants is the same (arrival to work, departure home). */
export interface ShiftChange { key: string; direction: PlanTrip["direction"]; days: string; atPlant: string; trips: PlanTrip[]; riders: number }

const hhmm = (time: string) => time.slice(0, 5);

/** When the trip is at the plants: its last arrival on the way to work, its first departure on the way home. */
export const timeAtPlant = (trip: PlanTrip) => hhmm(trip.direction === "ToWork" ? trip.stops[trip.stops.length - 1].arrival : trip.stops[0].departure);

const weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
/** Where a trip's days fall in the plan's week, counted from its first date's weekday (0 = Monday when unknown). A set of
 * days ("Weekdays", "Monday, Tuesday") takes the place of its first day; an unknown name goes last. */
function dayRank(days: string, firstWeekday: number): number {
  const first = days === "Weekdays" || days === "EveryDay" ? 0 : days === "Weekend" ? 5 : weekdays.indexOf(days.split(/[ ,]+/)[0]);
  return first < 0 ? 7 : (first - firstWeekday + 7) % 7;
}

/** The plan's shift changes in the order HR reads them: day by day from the plan's first date, then by the time at the
 * plants, going to work before going home. */
export function shiftChanges(trips: PlanTrip[], firstDate?: string): ShiftChange[] {
  const firstWeekday = firstDate ? (new Date(`${firstDate}T12:00:00Z`).getUTCDay() + 6) % 7 : 0;
  const changes = new Map<string, ShiftChange>();
  for (const trip of trips.filter((t) => t.stops.length > 0)) {
    const atPlant = timeAtPlant(trip);
    const key = `${trip.direction}|${trip.days}|${atPlant}`;
    const change = changes.get(key) ?? { key, direction: trip.direction, days: trip.days, atPlant, trips: [], riders: 0 };
    change.trips.push(trip);
    change.riders += trip.stops.reduce((sum, s) => sum + s.boarding, 0);
    changes.set(key, change);
  }
  return [...changes.values()].sort((a, b) => dayRank(a.days, firstWeekday) - dayRank(b.days, firstWeekday) || a.days.localeCompare(b.days)
    || a.atPlant.localeCompare(b.atPlant) || b.direction.localeCompare(a.direction));
}

export type Verdict = { kind: "better"; savedKg: number } | { kind: "worse"; extraKg: number } | { kind: "unknown" };

/** Shuttles against everyone driving alone, door to door when known (the riders' way to the stop counts). */
export function verdict(comparison: Alternative[]): Verdict {
  const alone = comparison.find((a) => a.name === "everyone driving alone");
  const shuttles = comparison.find((a) => a.name === "shuttles, door to door") ?? comparison.find((a) => a.name === "shuttles");
  if (!alone || !shuttles) return { kind: "unknown" };
  const difference = shuttles.kilogramsCo2 - alone.kilogramsCo2;
  return difference > 0 ? { kind: "worse", extraKg: difference } : { kind: "better", savedKg: -difference };
}
