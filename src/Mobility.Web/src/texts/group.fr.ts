// The working group's pages, French first (merged into fr.ts; every key must exist in group.en.ts). The dashboard's words
// are in dashboard.fr.ts, spread here so that fr.ts needs no change.
import { dashboardFr } from "./dashboard.fr";

export const groupFr = {
  ...dashboardFr,
};
