// The employee's data as the API sends it (src/Mobility.Server/Carpools/ProposalView.cs, Companies/EmployeeViews.cs).
import { api } from "../http";

export type Direction = "ToWork" | "ToHome";
export type Status = "Proposed" | "Accepted" | "Confirmed" | "Declined" | "Cancelled";
export type MemberRole = "Driver" | "Passenger";
export type CommuteRole = "Driver" | "Passenger" | "Either";
export interface GeoPoint { type: "Point"; coordinates: [number, number] }

export interface Member {
  handle: string; firstName: string | null; company: string; role: MemberRole; pickupOrder: number;
  pickupTime: string | null; status: Status; isMe: boolean; pickup: GeoPoint | null; meetingPoint: string | null;
  dropOff: string; dropOffLocation: GeoPoint | null;
}
export interface MyTrip {
  windowEarliest: string; windowLatest: string; rideMinutes: number | null; rideLimitMinutes: number;
  directMinutes: number; directKilometres: number | null; detourMinutes: number | null; detourLimitMinutes: number | null;
}
export interface Proposal {
  groupId: number; date: string; direction: Direction; status: Status; seats: number; members: Member[]; mine: MyTrip | null;
}
export interface Profile {
  id: number; firstName: string | null; lastName: string | null; home: GeoPoint | null; commune: string | null;
  role: CommuteRole; seatsOffered: number; maxDetourMinutes: number; flexibilityMinutes: number;
  preferredLanguage: "fr" | "en"; consentToMatching: boolean;
}

export const readProfile = () => api<Profile>("/api/me/employee");
export const readProposals = (from: string) => api<Proposal[]>(`/api/me/proposals?from=${from}`);

/** The viewer's own line. */
export const myLine = (proposal: Proposal): Member | undefined => proposal.members.find((m) => m.isMe);

/** Members still in the car, in driving order (0 is the driver). */
export const riding = (proposal: Proposal): Member[] =>
  proposal.members.filter((m) => m.status !== "Declined" && m.status !== "Cancelled").sort((a, b) => a.pickupOrder - b.pickupOrder);

/** The plants the car drops at, in the order it reaches them (to work), or leaves them (home). */
export function plantsInOrder(proposal: Proposal): string[] {
  const plants: string[] = [];
  for (const member of riding(proposal)) if (!plants.includes(member.dropOff)) plants.push(member.dropOff);
  return plants;
}

/** What the viewer may do with the group now. */
export function actionsFor(proposal: Proposal): ("accept" | "decline" | "cancel")[] {
  const me = myLine(proposal);
  if (!me || proposal.status === "Cancelled") return [];
  if (me.status === "Proposed") return ["accept", "decline"];
  if (me.status === "Accepted" || me.status === "Confirmed") return ["cancel"];
  return [];
}

/** Proposals by date, the trip to work first. */
export function byDate(proposals: Proposal[]): Map<string, Proposal[]> {
  const days = new Map<string, Proposal[]>();
  for (const proposal of [...proposals].sort((a, b) => a.date.localeCompare(b.date) || (a.direction === "ToWork" ? -1 : 1))) {
    if (proposal.status === "Cancelled" && myLine(proposal)?.status !== "Cancelled") continue;
    days.set(proposal.date, [...(days.get(proposal.date) ?? []), proposal]);
  }
  return days;
}
