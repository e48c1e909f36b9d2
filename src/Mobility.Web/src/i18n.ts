// The one translation layer. Words live in texts/fr.ts and texts/en.ts (English is typed as French's keys, so a text
// missing in either language does not compile). The language is the employee's saved preference once signed in, else
// the one chosen here, kept in the browser.
import { useEffect, useState } from "preact/hooks";
import { fr, type Texts } from "./texts/fr";
import { en } from "./texts/en";

export type Language = "fr" | "en";
export type TextKey = keyof Texts;
const catalogues: Record<Language, Texts> = { fr, en };
const storageKey = "mobility.language";
export const settingsCache = "mobility-settings";
export const languageEntry = "/__language";

function initialLanguage(): Language {
  try {
    const stored = localStorage.getItem(storageKey);
    if (stored === "fr" || stored === "en") return stored;
  } catch { /* storage refused: French */ }
  return "fr";
}

let current: Language = initialLanguage();
const listeners = new Set<() => void>();

export const language = (): Language => current;

export function setLanguage(next: Language): void {
  if (next !== "fr" && next !== "en") return;
  current = next;
  try { localStorage.setItem(storageKey, next); } catch { /* kept for this page only */ }
  document.documentElement.lang = next;
  // The service worker words notifications while no page is open: it reads the language from here.
  globalThis.caches?.open(settingsCache).then((cache) => cache.put(languageEntry, new Response(next))).catch(() => {});
  for (const listener of listeners) listener();
}

/** Re-renders the calling component when the language changes; answers the language. */
export function useLanguage(): Language {
  const [, setTick] = useState(0);
  const rerender = () => setTick((n) => n + 1);
  useEffect(() => { listeners.add(rerender); return () => { listeners.delete(rerender); }; }, []);
  return current;
}

/** The text for `key`, with `{name}` placeholders filled from `parameters`. */
export function t(key: TextKey, parameters: Record<string, string | number> = {}): string {
  const text = catalogues[current][key] ?? catalogues.fr[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in parameters ? String(parameters[name]) : whole));
}

/** Whether `key` names a text (codes from the server are looked up this way). */
export const hasText = (key: string): key is TextKey => key in catalogues.fr;

/** A text by a code the server sent (`prefix` + code), or undefined when we have no words for it. Numbers are written the
 * language's way, lists (the `allowed` values of a choice) joined. */
export function textForCode(prefix: string, code: string, parameters: Record<string, unknown> = {}): string | undefined {
  const key = `${prefix}${code}`;
  if (!hasText(key)) return undefined;
  const word = (value: unknown): string | undefined =>
    typeof value === "number" ? formatNumber(value, 6)
      : typeof value === "string" ? value
        : Array.isArray(value) ? value.map(word).filter((w) => w !== undefined).join(", ")
          : undefined;
  const plain: Record<string, string> = {};
  for (const [name, value] of Object.entries(parameters)) {
    const written = word(value);
    if (written !== undefined) plain[name] = written;
  }
  return t(key, plain);
}

export const networkTimeZone = "Europe/Paris";

const locale = () => (current === "fr" ? "fr-FR" : "en-GB");

export const formatNumber = (value: number, digits = 0): string =>
  value.toLocaleString(locale(), { maximumFractionDigits: digits });

/** An amount in euros, with its cents (42,50). */
export const formatEuros = (value: number): string =>
  value.toLocaleString(locale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 07:45 for an instant, in the plants' time zone. */
export const formatTime = (instant: string | Date): string =>
  new Date(instant).toLocaleTimeString(locale(), { hour: "2-digit", minute: "2-digit", timeZone: networkTimeZone });

/** "mercredi 2 décembre" for a calendar date (YYYY-MM-DD). */
export function formatDay(date: string, style: "long" | "short" = "long"): string {
  const [year, month, day] = date.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day, 12)).toLocaleDateString(locale(), style === "long"
    ? { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" }
    : { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });
}

/** Today's date (YYYY-MM-DD) in the plants' time zone, not the phone's nor UTC. */
export function today(now: Date = new Date()): string {
  return now.toLocaleDateString("en-CA", { timeZone: networkTimeZone });
}

/** The first day after `date` from Monday to Friday, when most rosters work: on a Friday, Monday, not an empty Saturday. */
export function nextWorkingDay(date: string): string {
  let next = addDays(date, 1);
  while ([0, 6].includes(new Date(`${next}T12:00:00Z`).getUTCDay())) next = addDays(next, 1);
  return next;
}

/** The calendar date `days` after `date`. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}
