// Words for what the server says with a code (a ride home offer, the morning check, why there is no proposal).
import { formatEuros, t, textForCode } from "../i18n";
import type { Note } from "./model";

/** The note in words; amounts in euros as the user's language writes them. */
export function noteText(note: Note): string {
  const parameters: Record<string, unknown> = { ...note.parameters };
  for (const [name, value] of Object.entries(parameters))
    if (typeof value === "number" && name.endsWith("Euros")) parameters[name] = formatEuros(value);
  if (typeof parameters.reason === "string") parameters.reason = reasonText(parameters.reason);
  if (typeof parameters.fallback === "string") parameters.fallback = textForCode("fallback.", String(parameters.fallback)) ?? String(parameters.fallback);
  return textForCode("note.", note.code, parameters) ?? t("error.unexpected");
}

/** Why a trip has no carpool, from the server's reason code (kebab-case, or the matcher's PascalCase name). */
export function reasonText(code: string): string {
  const kebab = code.replace(/([a-z])([A-Z])/g, "$1-$2").toLowerCase();
  return textForCode("reason.", kebab) ?? t("reason.unknown");
}
