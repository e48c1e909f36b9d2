// How HR's screens name a person: first and family name, else the HR number.
export const fullName = (e: { firstName: string | null; lastName: string | null; externalId: string }) =>
  [e.firstName, e.lastName].filter((n) => n).join(" ") || e.externalId;
