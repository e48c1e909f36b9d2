// The last proposals seen, kept in the browser so that the app opened offline (the service worker keeps the shell)
// still shows the day's carpools; kept per employee, and cleared at sign-out with the rest of the page's storage.
import type { Proposal } from "./model";

const key = (employeeId: number) => `mobility.proposals.${employeeId}`;

export function saveOffline(employeeId: number, proposals: Proposal[]): void {
  try { localStorage.setItem(key(employeeId), JSON.stringify({ savedAt: new Date().toISOString(), proposals })); } catch { /* full or refused */ }
}

export function readOffline(employeeId: number): { savedAt: string; proposals: Proposal[] } | null {
  try {
    const stored = localStorage.getItem(key(employeeId));
    return stored ? JSON.parse(stored) : null;
  } catch { return null; }
}
