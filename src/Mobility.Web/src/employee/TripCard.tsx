// One trip in the week: what a shift worker needs at a glance (when and where I am picked up, who drives, the state)
// and the decision buttons. Names and companies are other tenants' texts: rendered as text, as JSX always does.
import { useState } from "preact/hooks";
import { formatTime, t, type TextKey } from "../i18n";
import { go } from "../ui/router";
import { decide } from "./decisions";
import { actionsFor, myLine, plantsInOrder, riding, type Member, type Proposal } from "./model";

export function TripCard({ proposal, onChanged }: { proposal: Proposal; onChanged: () => void }) {
  const [busy, setBusy] = useState(false);
  const me = myLine(proposal);
  const members = riding(proposal);
  const driver = members.find((m) => m.role === "Driver");
  const others = members.filter((m) => !m.isMe && m.role !== "Driver");
  const actions = actionsFor(proposal).filter((a) => a !== "cancel");
  const act = async (decision: "accept" | "decline") => {
    setBusy(true);
    if (await decide(proposal.groupId, decision)) onChanged();
    setBusy(false);
  };
  const state = me?.status ?? proposal.status;
  // A colleague's company is said only when it is not mine (most crews are one company, some cross two).
  const who = (m: Member) => (m.company === me?.company ? m.firstName ?? "?" : `${m.firstName ?? "?"} (${m.company})`);
  return (
    <article class={`trip ${state.toLowerCase()}`} data-group={proposal.groupId} aria-label={`${t(proposal.direction)} · ${t(`status.${state}` as TextKey)}`}>
      <header>
        <h3>{t(proposal.direction)}{proposal.mine && <span class="window"> · {t(proposal.direction === "ToWork" ? "arriveBetween" : "leaveBetween",
          { from: formatTime(proposal.mine.windowEarliest), to: formatTime(proposal.mine.windowLatest) })}</span>}</h3>
        <span class={`chip ${state.toLowerCase()}`}>{t(`status.${state}` as TextKey)}</span>
        {proposal.standing?.mine && <span class="chip repeat">{t("repeat.chip")}</span>}
      </header>
      <dl class="facts">
        {me?.pickupTime && (proposal.direction === "ToWork"
          ? <><dt>{t("myPickup")}</dt><dd><strong>{formatTime(me.pickupTime)}</strong> · {me.meetingPoint ?? (me.role === "Driver" ? t("fromHome") : t("atHome"))}</dd></>
          // On the way home everyone is picked up at their plant.
          : <><dt>{t("myDeparture")}</dt><dd><strong>{formatTime(me.pickupTime)}</strong> · {me.dropOff}</dd></>)}
        <dt>{t("driver")}</dt>
        <dd>{driver?.isMe ? t("youDrive", { seats: proposal.seats }) : driver ? who(driver) : "?"}</dd>
        {others.length > 0 && <><dt>{t("withYou")}</dt><dd>{others.map(who).join(", ")}</dd></>}
        <dt>{t("plants")}</dt><dd>{plantsInOrder(proposal).join(" → ")}</dd>
      </dl>
      <div class="actions">
        {actions.map((a) => (
          <button type="button" class={a === "accept" ? "primary" : ""} disabled={busy} onClick={() => act(a as "accept" | "decline")}>{t(a)}</button>
        ))}
        <button type="button" class="quiet" onClick={() => go("trip", proposal.groupId)}>{t("details")}</button>
      </div>
    </article>
  );
}
