// The one place where the app says what happened: an error or a notice, shown in a bar under the header where a phone
// user sees it (never at the bottom of a long page), read out by screen readers, dismissed by a tap or the next action.
import { useEffect, useState } from "preact/hooks";
import { ApiError } from "../http";
import { t, textForCode } from "../i18n";

type Shown = { kind: "error" | "notice"; text: string } | null;
let shown: Shown = null;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setTimeout> | undefined;

function show(next: Shown, forMs?: number) {
  shown = next;
  clearTimeout(timer);
  if (forMs) timer = setTimeout(() => show(null), forMs);
  for (const listener of listeners) listener();
}

/** Words for any failure: what is wrong with each field when the server says so, else its code in our words, else its
 * own words (in one language: the user's saved one), else by status. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    const fields = Object.keys(error.fields).flatMap((field) => fieldMessages(error, field));
    if (fields.length) return fields.join(" ");
    const ours = textForCode("error.", error.code, error.parameters);
    if (ours) return ours;
    if (error.title) return error.title;
    return t(error.status >= 500 ? "error.server" : "error.invalid");
  }
  return t("error.unexpected");
}

/** A field's errors in words: ours for each code we know, else the server's message. */
export function fieldMessages(error: ApiError, field: string): string[] {
  const name = Object.keys(error.fields).find((f) => f.toLowerCase() === field.toLowerCase()) ?? field;
  const codes = Object.entries(error.fieldCodes).find(([f]) => f.toLowerCase() === field.toLowerCase())?.[1] ?? [];
  const messages = error.fields[name] ?? [];
  return messages.map((message, i) => (codes[i] ? textForCode("field.", codes[i].code, codes[i].parameters) : undefined) ?? message);
}

export const showError = (error: unknown) => show({ kind: "error", text: errorText(error) });
export const showNotice = (text: string) => show({ kind: "notice", text }, 6000);
export const clearStatus = () => show(null);
/** A notice that gives way: shown only when nothing else is (the answer to the person's own action stays in sight). */
export const showNoticeIfFree = (text: string) => { if (!shown) showNotice(text); };

export function StatusBar() {
  const [, setTick] = useState(0);
  const rerender = () => setTick((n) => n + 1);
  useEffect(() => { listeners.add(rerender); return () => { listeners.delete(rerender); }; }, []);
  return (
    <div id="message" class="status-region" role={shown?.kind === "error" ? "alert" : "status"} aria-live={shown?.kind === "error" ? "assertive" : "polite"}>
      {shown && (
        <div class={`status ${shown.kind}`}>
          <span>{shown.text}</span>
          <button type="button" class="icon" aria-label={t("close")} onClick={clearStatus}>×</button>
        </div>
      )}
    </div>
  );
}
