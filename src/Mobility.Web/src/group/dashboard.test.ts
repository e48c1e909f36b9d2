import { describe, expect, it } from "vitest";
import { classOf, colourClasses, filterQuery, halvesTrend, noFilters, periodTotals, previousPeriod, sortFlows, trendOf, type ActivityDay } from "./dashboard";

const day = (date: string, people: number | null, km: number | null = null): ActivityDay =>
  ({ date, taken: true, groups: null, people, carsRemoved: null, kilometresSaved: km, kilogramsCo2Saved: null, eurosSaved: null });

describe("the dashboard's filters", () => {
  it("send only what is set", () => {
    expect(filterQuery(noFilters)).toBe("");
    expect(filterQuery({ ...noFilters, plant: "7", shift: "06:00" }, { format: "xlsx", date: "" })).toBe("plant=7&shift=06%3A00&format=xlsx");
  });
});

describe("the homes map's colour classes", () => {
  it("cut at multiples of 5, cover every count and darken with it", () => {
    const counts = [5, 5, 10, 15, 40, 120];
    const classes = colourClasses(counts);
    expect(classes.length).toBe(5);
    expect(classes[0].from).toBe(5);
    expect(classes.at(-1)!.to).toBeNull();
    for (const c of classes) expect(c.from % 5).toBe(0);
    for (const count of counts) expect(classOf(classes, count)).toBeDefined();
    expect(classOf(classes, 5)).toBe(classes[0]);
    expect(classOf(classes, 120)).toBe(classes.at(-1));
    expect(new Set(classes.map((c) => c.colour)).size).toBe(classes.length);
    // consecutive classes meet without a gap
    for (let i = 1; i < classes.length; i++) expect(classes[i].from).toBe(classes[i - 1].to! + 5);
  });
  it("make one class of equal counts, and none of nothing", () => {
    expect(colourClasses([10, 10])).toEqual([{ from: 10, to: null, colour: "#0b4f63" }]);
    expect(colourClasses([])).toEqual([]);
    expect(colourClasses([5, 10]).map((c) => [c.from, c.to])).toEqual([[5, 5], [10, null]]);
  });
});

describe("the activity's trend", () => {
  it("compares people per published day with the previous period, withheld days left out", () => {
    const trend = trendOf([day("2026-11-09", 30), day("2026-11-10", null), day("2026-11-11", 50)], [day("2026-11-02", 20), day("2026-11-03", 20)]);
    expect(trend).toEqual({ current: 40, previous: 20, change: 1 });
  });
  it("says nothing when a period has no published day", () => {
    expect(trendOf([day("2026-11-09", 30)], [day("2026-11-02", null)])).toBeNull();
    expect(trendOf([], [day("2026-11-02", 20)])).toBeNull();
  });
  it("falls back on the period's two halves, when the server could publish both", () => {
    expect(halvesTrend({ firstHalfPeoplePerDay: 40, secondHalfPeoplePerDay: 30 })).toEqual({ current: 30, previous: 40, change: -0.25 });
    expect(halvesTrend({ firstHalfPeoplePerDay: null, secondHalfPeoplePerDay: 30 })).toBeNull();
  });
  it("reads the previous period of the same length", () => {
    expect(previousPeriod("2026-11-01", "2026-11-28")).toEqual({ from: "2026-10-04", to: "2026-10-31", days: 28 });
    expect(previousPeriod("2026-03-01", "2026-03-01")).toEqual({ from: "2026-02-28", to: "2026-02-28", days: 1 });
  });
  it("adds only published kilometres", () => {
    expect(periodTotals([day("2026-11-09", 30, 120), day("2026-11-10", null, null)]).kilometres).toBe(120);
  });
});

describe("the flows table", () => {
  const flows = [
    { commune: "Ébersheim", plantId: 1, plant: "Usine B", people: 15 },
    { commune: "Brumath", plantId: 2, plant: "Usine A", people: 40 },
    { commune: "Haguenau", plantId: 1, plant: "Usine B", people: 15 },
  ];
  it("puts the biggest first and ties by commune", () => {
    expect(sortFlows(flows, "people", true).map((f) => f.commune)).toEqual(["Brumath", "Ébersheim", "Haguenau"]);
  });
  it("sorts names the French way, accents with their letter", () => {
    expect(sortFlows(flows, "commune", false).map((f) => f.commune)).toEqual(["Brumath", "Ébersheim", "Haguenau"]);
    expect(sortFlows(flows, "plant", false)[0].plant).toBe("Usine A");
  });
});
