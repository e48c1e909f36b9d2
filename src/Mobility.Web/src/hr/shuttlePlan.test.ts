import { describe, expect, it } from "vitest";
import { shiftChanges, verdict, type PlanTrip } from "./shuttlePlan";

const stop = (site: string, arrival: string, boarding = 0) => ({ site, arrival, departure: arrival, boarding, alighting: 0, loadAfter: boarding });
const trip = (over: Partial<PlanTrip>): PlanTrip => ({
  id: 1, vehicle: "Minibus 1", capacity: 8, direction: "ToWork", days: "Weekdays", shiftPattern: null, kilometres: 6,
  stops: [stop("Gare", "04:40:00", 5), stop("Usine", "04:52:00")], ...over,
});

describe("a shuttle plan", () => {
  it("puts the runs of one shift change under one heading, in the day's order", () => {
    const changes = shiftChanges([
      trip({ id: 3, direction: "ToHome", stops: [stop("Usine", "13:05:00", 4), stop("Gare", "13:20:00")] }),
      trip({ id: 1 }), trip({ id: 2, vehicle: "Car 2", stops: [stop("Mairie", "04:35:00", 3), stop("Usine", "04:52:00")] }),
      trip({ id: 4, days: "Saturday" }),
    ]);
    expect(changes.map((c) => [c.direction, c.atPlant, c.days, c.trips.map((t) => t.id), c.riders])).toEqual([
      ["ToWork", "04:52", "Weekdays", [1, 2], 8], ["ToHome", "13:05", "Weekdays", [3], 4], ["ToWork", "04:52", "Saturday", [4], 5]]);
  });
  it("reads a plan day by day from its first date, then by the time at the plants", () => {
    // A plan from Thursday 3 December 2026: Thursday, Friday, then Monday, whatever the times.
    const changes = shiftChanges([
      trip({ id: 1, days: "Monday", stops: [stop("Gare", "04:30:00", 3), stop("Usine", "04:48:00")] }),
      trip({ id: 2, days: "Friday", stops: [stop("Gare", "04:31:00", 2), stop("Usine", "04:49:00")] }),
      trip({ id: 3, days: "Thursday", stops: [stop("Gare", "12:40:00", 2), stop("Usine", "12:55:00")] }),
      trip({ id: 4, days: "Thursday", stops: [stop("Gare", "04:31:00", 2), stop("Usine", "04:49:00")] }),
      trip({ id: 5, days: "Thursday", direction: "ToHome", stops: [stop("Usine", "04:49:00", 1), stop("Gare", "05:05:00")] }),
    ], "2026-12-03");
    expect(changes.map((c) => c.trips[0].id)).toEqual([4, 5, 3, 2, 1]);
    // Without a first date the week starts on Monday.
    expect(shiftChanges([trip({ id: 1, days: "Friday" }), trip({ id: 2, days: "Monday" })]).map((c) => c.trips[0].id)).toEqual([2, 1]);
  });
  it("says plainly when shuttles emit more than everyone driving alone, door to door when known", () => {
    const alone = { name: "everyone driving alone", vehicleKilometres: 100, kilogramsCo2: 20, peopleCounted: 10, peopleServed: 0 };
    const shuttles = { name: "shuttles", vehicleKilometres: 40, kilogramsCo2: 15, peopleCounted: 10, peopleServed: 10 };
    const doorToDoor = { name: "shuttles, door to door", vehicleKilometres: 120, kilogramsCo2: 26, peopleCounted: 10, peopleServed: 10 };
    expect(verdict([alone, shuttles])).toEqual({ kind: "better", savedKg: 5 });
    expect(verdict([alone, shuttles, doorToDoor])).toEqual({ kind: "worse", extraKg: 6 });
    expect(verdict([shuttles])).toEqual({ kind: "unknown" });
  });
});
