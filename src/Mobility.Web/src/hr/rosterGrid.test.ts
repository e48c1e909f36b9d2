import { describe, expect, it } from "vitest";
import { endsNextDay, fromView, parseDays, toInput, writeDays } from "./rosterGrid";

describe("roster week grid", () => {
  it("reads the server's day names, combined ones included, and writes them back", () => {
    expect(parseDays("Weekdays")).toEqual([true, true, true, true, true, false, false]);
    expect(parseDays("Saturday, Sunday")).toEqual([false, false, false, false, false, true, true]);
    expect(parseDays("Weekdays, Saturday")).toEqual([true, true, true, true, true, true, false]);
    expect(writeDays(parseDays("Monday, Thursday"))).toBe("Monday, Thursday");
  });

  it("says a shift ending at or before its start ends the next day", () => {
    expect(endsNextDay("21:00", "05:00")).toBe(true);
    expect(endsNextDay("05:00", "13:00")).toBe(false);
    expect(endsNextDay("22:00", "")).toBe(false);
  });

  it("sends the slots week by week with the night flag, times without seconds", () => {
    const slots = fromView([
      { week: 1, days: "Weekdays", start: "21:00:00", end: "05:00:00", endsNextDay: true },
      { week: 0, days: "Monday", start: "05:00:00", end: "13:00:00", endsNextDay: false },
    ]);
    const { input } = toInput(slots);
    expect(input).toEqual([
      { week: 0, days: "Monday", start: "05:00", end: "13:00", endsNextDay: false },
      { week: 1, days: "Monday, Tuesday, Wednesday, Thursday, Friday", start: "21:00", end: "05:00", endsNextDay: true },
    ]);
  });
});
