import { api } from "../http";
import { t, textForCode } from "../i18n";
import { showError, showNotice } from "../ui/status";

export type Decision = "accept" | "decline" | "cancel";
export const cancelReasons = ["sick", "schedule-changed", "car-unavailable", "other"] as const;
/** A decision that went through; one refused (the seat taken...) is a problem with its code, worded by the error display. */
interface DecisionResult { groupId: number; outcome: "Accepted" | "Declined" | "Cancelled"; code: string }

/** Accepts the group and repeats it on every date it fits (POST …/repeat); answers whether it went through. */
export async function repeat(groupId: number): Promise<boolean> {
  try {
    const result = await api<{ standing: { everyone: boolean } | null }>(`/api/me/proposals/${groupId}/repeat`, { method: "POST" });
    showNotice(t(result.standing?.everyone ? "repeat.everyone" : "repeat.started"));
    return true;
  } catch (error) {
    showError(error);
    return false;
  }
}

/** Stops repeating; the dates it had accepted for me become proposals again. */
export async function stopRepeating(standingId: number): Promise<boolean> {
  try {
    await api(`/api/me/standing-carpools/${standingId}`, { method: "DELETE" });
    showNotice(t("repeat.stopped"));
    return true;
  } catch (error) {
    showError(error);
    return false;
  }
}

/** Sends a decision (durable on the server before it answers) and says what it did; answers whether it went through. */
export async function decide(groupId: number, decision: Decision, reason?: string): Promise<boolean> {
  try {
    const result = await api<DecisionResult>(`/api/me/proposals/${groupId}/${decision}`, { method: "POST", json: reason ? { reason } : {} });
    showNotice(textForCode("decision.", result.code) ?? textForCode("decision.", result.outcome.toLowerCase()) ?? t("saved"));
    return true;
  } catch (error) {
    showError(error);
    return false;
  }
}
