import type { groupFr } from "./group.fr";
// The working group's dashboard in English (merged into en.ts).
export const groupEn: Record<keyof typeof groupFr, string> = {
  "group.plant": "Plant", "group.activity": "Carpools that ran (accepted or confirmed), last 28 days",
};
