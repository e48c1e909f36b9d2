import type { groupFr } from "./group.fr";
import { dashboardEn } from "./dashboard.en";
// The working group's pages in English (merged into en.ts).
export const groupEn: Record<keyof typeof groupFr, string> = {
  ...dashboardEn,
};
