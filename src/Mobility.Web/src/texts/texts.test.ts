import { describe, expect, it } from "vitest";
import { fr } from "./fr";
import { en } from "./en";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the interface texts", () => {
  it("exist in both languages, none empty", () => {
    for (const key of Object.keys(fr) as (keyof typeof fr)[]) {
      expect(fr[key].trim(), key).not.toBe("");
      expect(en[key].trim(), key).not.toBe("");
    }
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
  });
  it("name the same placeholders in both languages", () => {
    for (const key of Object.keys(fr) as (keyof typeof fr)[]) expect(placeholders(en[key]), key).toEqual(placeholders(fr[key]));
  });
});
