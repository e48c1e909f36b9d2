// The working group's dashboard, French first (merged into fr.ts; every key must exist in group.en.ts).
export const groupFr = {
  "group.plant": "Site", "group.activity": "Covoiturages réalisés (acceptés ou confirmés), 28 derniers jours",
};
