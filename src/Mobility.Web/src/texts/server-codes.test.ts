import { describe, expect, it } from "vitest";
// The server's catalog of its codes and their words (kept equal to Mobility.Data/Codes.cs by a server test).
import catalogJson from "../../../Mobility.Server/Http/CodeTexts.json";
import { fr, type Texts } from "./fr";
import { en } from "./en";

type Words = string | { title: string; detail?: string };
const catalog = catalogJson as Record<"problems" | "fields" | "decisions", Record<string, Record<"fr" | "en", Words>>>;
const prefixes = { problems: "error.", fields: "field.", decisions: "decision." } as const;
const placeholders = (text: string) => new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
const serverText = (words: Words) => (typeof words === "string" ? words : `${words.title} ${words.detail ?? ""}`);

describe("every code the server can send", () => {
  const entries = (Object.keys(prefixes) as (keyof typeof prefixes)[])
    .flatMap((section) => Object.entries(catalog[section]).map(([code, words]) => ({ key: `${prefixes[section]}${code}` as keyof Texts, words })));

  it("is in the catalog, one section per kind", () => {
    expect(entries.length).toBeGreaterThan(80);
    for (const section of Object.keys(prefixes) as (keyof typeof prefixes)[]) expect(Object.keys(catalog[section]).length).toBeGreaterThan(0);
  });
  it("has words of ours in French and in English", () => {
    for (const { key } of entries) {
      expect(fr[key]?.trim(), `${key} in fr.ts`).toBeTruthy();
      expect(en[key]?.trim(), `${key} in en.ts`).toBeTruthy();
    }
  });
  it("fills only placeholders the server's parameters have", () => {
    for (const { key, words } of entries) {
      const sent = new Set([...placeholders(serverText(words.fr)), ...placeholders(serverText(words.en))]);
      for (const text of [fr[key], en[key]])
        for (const name of placeholders(text)) expect(sent.has(name), `${key}: {${name}} is not a parameter of the code`).toBe(true);
    }
  });
  it("is worded by the server in each language alone", () => {
    for (const { key, words } of entries)
      for (const language of ["fr", "en"] as const) {
        expect(words[language], `${key} has no ${language} words on the server`).toBeTruthy();
        expect(serverText(words[language]), key).not.toMatch(/[.!?)] \/ [A-ZÀ-Ý«]/);
      }
  });
});
