import { describe, expect, it } from "vitest";
import { actionsFor, byDate, mayRepeat, plantsInOrder, type Member, type Proposal } from "./model";

const member = (over: Partial<Member>): Member => ({
  handle: "m", firstName: "Léa", company: "A", role: "Passenger", pickupOrder: 1, pickupTime: null, status: "Proposed",
  isMe: false, pickup: null, meetingPoint: null, dropOff: "Plant A", dropOffLocation: null, ...over,
});
const proposal = (over: Partial<Proposal>): Proposal => ({
  groupId: 1, date: "2026-12-02", direction: "ToWork", status: "Proposed", seats: 3, mine: null,
  members: [member({ role: "Driver", pickupOrder: 0, isMe: true })], ...over,
});

describe("a proposal", () => {
  it("lists the plants in driving order, each once, leaving out who dropped out", () => {
    const p = proposal({ members: [
      member({ role: "Driver", pickupOrder: 0, dropOff: "B" }), member({ pickupOrder: 2, dropOff: "A" }),
      member({ pickupOrder: 1, dropOff: "B" }), member({ pickupOrder: 3, dropOff: "C", status: "Declined" })] });
    expect(plantsInOrder(p)).toEqual(["B", "A"]);
  });
  it("offers accept and decline before a decision, cancel after, nothing once declined", () => {
    expect(actionsFor(proposal({}))).toEqual(["accept", "decline"]);
    expect(actionsFor(proposal({ members: [member({ isMe: true, status: "Accepted" })] }))).toEqual(["cancel"]);
    expect(actionsFor(proposal({ members: [member({ isMe: true, status: "Declined" })] }))).toEqual([]);
  });
  it("offers to repeat a live group I am in, not once I repeat it, declined it or it is over", () => {
    expect(mayRepeat(proposal({}))).toBe(true);
    expect(mayRepeat(proposal({ standing: { id: 4, mine: false, everyone: false } }))).toBe(true);
    expect(mayRepeat(proposal({ standing: { id: 4, mine: true, everyone: false } }))).toBe(false);
    expect(mayRepeat(proposal({ members: [member({ isMe: true, status: "Declined" })] }))).toBe(false);
    expect(mayRepeat(proposal({ status: "Cancelled" }))).toBe(false);
  });
  it("groups by date with the trip to work first", () => {
    const days = byDate([proposal({ groupId: 2, direction: "ToHome" }), proposal({ groupId: 3, date: "2026-12-01" }), proposal({ groupId: 1 })]);
    expect([...days.keys()]).toEqual(["2026-12-01", "2026-12-02"]);
    expect(days.get("2026-12-02")!.map((p) => p.groupId)).toEqual([1, 2]);
  });
});
