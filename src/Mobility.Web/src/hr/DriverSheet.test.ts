import { describe, expect, it } from "vitest";
import { runsOn, sheetTrips, type SheetTrip } from "./DriverSheet";

const trip = (over: Partial<SheetTrip>): SheetTrip => ({
  vehicle: "Minibus 1", direction: "ToWork", days: "Weekdays", kilometres: 6, stops: [{ site: "Gare", arrival: "04:40:00", departure: "04:42:00", boarding: 5, alighting: 0 }], ...over,
});

describe("a driver's sheet", () => {
  it("reads the server's day flags", () => {
    expect(runsOn("Weekdays", "Friday")).toBe(true);
    expect(runsOn("Weekdays", "Saturday")).toBe(false);
    expect(runsOn("All", "Sunday")).toBe(true);
    expect(runsOn("Monday, Saturday", "Saturday")).toBe(true);
    expect(runsOn("Monday, Saturday", "Tuesday")).toBe(false);
  });
  it("keeps the vehicle's runs of the day, earliest first", () => {
    const late = trip({ stops: [{ site: "Usine", arrival: "13:05:00", departure: "13:06:00", boarding: 4, alighting: 0 }] });
    const early = trip({});
    const other = trip({ vehicle: "Car 2" });
    const weekend = trip({ days: "Saturday" });
    expect(sheetTrips([late, other, weekend, early], "Minibus 1", "Monday")).toEqual([early, late]);
  });
});
