import { afterEach, describe, expect, it } from "vitest";
import { setLanguage } from "../i18n";
import { noteText, reasonText } from "./notes";

afterEach(() => setLanguage("fr"));

describe("the server's codes in words", () => {
  it("reads a reason in kebab-case or as the matcher's name", () => {
    expect(reasonText("consent-off")).toContain("mise en relation");
    expect(reasonText("NoCompatibleDriver")).toBe(reasonText("no-compatible-driver"));
    expect(reasonText("something-new")).toBe("Pas de covoiturage pour ce trajet.");
  });
  it("words a ride home offer with its amount in the user's language", () => {
    const offer = { code: "ride-home-taxi", parameters: { allowanceEuros: 42.5 } };
    expect(noteText(offer)).toContain("42,50 €");
    setLanguage("en");
    expect(noteText(offer)).toContain("€42.50");
  });
  it("words the morning check with the reason and the fallback", () => {
    const text = noteText({ code: "no-return-ride", parameters: { reason: "NoCompatibleDriver", fallback: "Taxi" } });
    expect(text).toContain("Pas de collègue");
    expect(text).toContain("un taxi pris en charge");
  });
});
