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
/** Something the app words itself: a code and its values. */
export interface Note { code: string; parameters: Record<string, unknown> }
export interface MyTrip {
  windowEarliest: string; windowLatest: string; rideMinutes: number | null; rideLimitMinutes: number;
  directMinutes: number; directKilometres: number | null; detourMinutes: number | null; detourLimitMinutes: number | null;
  /** On a trip to work: no carpool takes me home that day (the reason and my company's fallback). */
  returnHome?: Note | null;
}
/** The company's fallback when the driver left on the day and no car had a seat. */
export interface RideHomeOffer {
  caseId: number; date: string; direction: Direction; kind: string; code: string; parameters: Record<string, unknown>;
  instructions: string | null; state: string;
}
export interface Proposal {
  groupId: number; date: string; direction: Direction; status: Status; seats: number; members: Member[]; mine: MyTrip | null;
  rideHome?: RideHomeOffer | null;
  /** The standing carpool repeating this group, when one of its people chose it. */
  standing?: Standing | null;
}

/** A group repeated on every date it fits: whether I chose it, and whether everyone did. */
export interface Standing { id: number; mine: boolean; everyone: boolean }

/** Whether I may ask for this group on every date it fits: I am in it, it is live, and I do not repeat it already. */
export function mayRepeat(proposal: Proposal): boolean {
  const me = myLine(proposal);
  return !!me && proposal.status !== "Cancelled" && !proposal.standing?.mine
    && (me.status === "Proposed" || me.status === "Accepted" || me.status === "Confirmed");
}

/** The employee's days (GET /api/me/week): shifts, and for each trip its group or why there is none. */
export interface WeekDay {
  date: string; isToday: boolean; onLeave: boolean;
  shifts: { start: string; end: string; site: { id: number; name: string }; extra: boolean }[];
  trips: { direction: Direction; groupId: number | null; status: Status | null; reason: string | null }[];
}
export interface Week { from: string; days: number; today: string; timeZone: string; dates: WeekDay[]; hasRoster: boolean }
export const readWeek = (from: string, days = 7) => api<Week>(`/api/me/week?from=${from}&days=${days}`);

export interface CrewMessage {
  id: number; groupId: number; author: { handle: string; firstName: string | null; company: string; role: MemberRole } | null;
  mine: boolean; text: string | null; quickMessage: string | null; sentAt: string;
}
export const quickMessages = ["on-my-way", "running-late-5", "running-late-10", "at-pickup", "cannot-come"] as const;
export interface MeetingPoint { id: number; name: string; commune: string | null; location: GeoPoint; distanceMetres: number }
export interface Profile {
  id: number; firstName: string | null; lastName: string | null; home: GeoPoint | null; commune: string | null;
  role: CommuteRole; seatsOffered: number; maxDetourMinutes: number; flexibilityMinutes: number;
  preferredLanguage: "fr" | "en"; consentToMatching: boolean; preferredMeetingPointId?: number | null; digest?: boolean;
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
