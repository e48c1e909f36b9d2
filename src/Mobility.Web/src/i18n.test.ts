import { afterEach, describe, expect, it } from "vitest";
import { addDays, formatDay, nextWorkingDay, setLanguage, t, textForCode, today } from "./i18n";

afterEach(() => setLanguage("fr"));

describe("translation", () => {
  it("is French first and switches to English", () => {
    expect(t("signIn")).toBe("Connexion");
    setLanguage("en");
    expect(t("signIn")).toBe("Sign in");
    expect(document.documentElement.lang).toBe("en");
  });
  it("fills placeholders and leaves unknown ones visible", () => {
    expect(t("seatsInCar", { seats: 3 })).toBe("3 places");
    expect(t("seatsInCar")).toBe("{seats} places");
  });
  it("turns a server code into words, or nothing when it has none", () => {
    expect(textForCode("error.", "rate-limited")).toContain("Trop de demandes");
    expect(textForCode("error.", "no-such-code")).toBeUndefined();
  });
  it("writes a code's numbers the language's way and joins its lists", () => {
    expect(textForCode("field.", "out-of-range", { minimum: 0.1, maximum: 30 })).toBe("Entre 0,1 et 30.");
    expect(textForCode("field.", "unknown-choice", { allowed: ["sick", "other"] })).toBe("Choisissez parmi : sick, other.");
    setLanguage("en");
    expect(textForCode("field.", "out-of-range", { minimum: 0.1, maximum: 30 })).toBe("Between 0.1 and 30.");
  });
});

describe("dates", () => {
  it("are the plants' dates, not UTC's: 23:30 in Paris on 1 December is still the 1st", () => {
    expect(today(new Date("2026-12-01T22:30:00Z"))).toBe("2026-12-01");
    expect(today(new Date("2026-12-01T23:30:00Z"))).toBe("2026-12-02");
  });
  it("step over month ends and name the weekday", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(formatDay("2026-12-02")).toBe("mercredi 2 décembre");
  });
});

describe("the next working day", () => {
  it("is tomorrow from Monday to Thursday, Monday from Friday to Sunday", () => {
    expect(nextWorkingDay("2026-12-01")).toBe("2026-12-02"); // Tuesday → Wednesday
    expect(nextWorkingDay("2026-12-03")).toBe("2026-12-04"); // Thursday → Friday
    expect(nextWorkingDay("2026-12-04")).toBe("2026-12-07"); // Friday → Monday
    expect(nextWorkingDay("2026-12-05")).toBe("2026-12-07"); // Saturday → Monday
    expect(nextWorkingDay("2026-12-06")).toBe("2026-12-07"); // Sunday → Monday
    expect(nextWorkingDay("2026-12-31")).toBe("2027-01-01"); // across the year
  });
});
