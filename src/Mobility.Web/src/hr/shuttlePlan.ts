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

export function shiftChanges(trips: PlanTrip[]): ShiftChange[] {
  const changes = new Map<string, ShiftChange>();
  for (const trip of trips.filter((t) => t.stops.length > 0)) {
    const atPlant = timeAtPlant(trip);
    const key = `${trip.direction}|${trip.days}|${atPlant}`;
    const change = changes.get(key) ?? { key, direction: trip.direction, days: trip.days, atPlant, trips: [], riders: 0 };
    change.trips.push(trip);
    change.riders += trip.stops.reduce((sum, s) => sum + s.boarding, 0);
    changes.set(key, change);
  }
  return [...changes.values()].sort((a, b) => a.atPlant.localeCompare(b.atPlant) || a.direction.localeCompare(b.direction) || a.days.localeCompare(b.days));
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
