// One trip in full: every member as I may see them (my line marked), the calls on a map, and what I can decide.
import { useState } from "preact/hooks";
import { formatDay, formatTime, t, type TextKey } from "../i18n";
import { TripMap } from "../map/TripMap";
import { cancelReasons, decide, repeat, stopRepeating } from "./decisions";
import { actionsFor, mayRepeat, plantsInOrder, type Proposal, type RideHomeOffer } from "./model";
import { CrewChat } from "./CrewChat";
import { noteText } from "./notes";

export function TripDetail({ proposal, onChanged, onBack }: { proposal: Proposal | undefined; onChanged: () => void; onBack: () => void }) {
  const [busy, setBusy] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  if (!proposal)
    return <section><p>{t("tripGone")}</p><button type="button" onClick={onBack}>{t("backToWeek")}</button></section>;
  const act = async (decision: "accept" | "decline" | "cancel", reason?: string) => {
    setBusy(true);
    if (await decide(proposal.groupId, decision, reason)) { setCancelling(false); onChanged(); }
    setBusy(false);
  };
  const changeRepeat = async (start: boolean) => {
    setBusy(true);
    if (await (start ? repeat(proposal.groupId) : stopRepeating(proposal.standing!.id))) onChanged();
    setBusy(false);
  };
  const members = [...proposal.members].sort((a, b) => a.pickupOrder - b.pickupOrder);
  const myCompany = proposal.members.find((m) => m.isMe)?.company;
  return (
    <section class="trip-detail" aria-labelledby="trip-title">
      <button type="button" class="quiet back" onClick={onBack}>← {t("backToWeek")}</button>
      <h1 id="trip-title">{formatDay(proposal.date)} · {t(proposal.direction)}</h1>
      {proposal.mine && (
        <p>{t(proposal.direction === "ToWork" ? "arriveBetween" : "leaveBetween",
          { from: formatTime(proposal.mine.windowEarliest), to: formatTime(proposal.mine.windowLatest) })}
          {proposal.mine.rideMinutes != null && ` · ${t("rideOf", { minutes: proposal.mine.rideMinutes })}`}</p>
      )}
      <p>{t("plants")}: {plantsInOrder(proposal).join(" → ")} · {t("seatsInCar", { seats: proposal.seats })}</p>
      <h2>{t("crew")}</h2>
      <ol class="crew">
        {members.map((m) => (
          <li class={m.isMe ? "me" : ""} aria-current={m.isMe ? "true" : undefined}>
            <strong>{m.isMe ? t("me") : m.firstName ?? "?"}</strong>{(m.isMe || m.company !== myCompany) && <span class="hint"> ({m.company})</span>}
            <span> · {t(m.role)}</span>
            {m.pickupTime && <span> · {t("pickupAt", { time: formatTime(m.pickupTime) })}</span>}
            {m.meetingPoint && <span> · {m.meetingPoint}</span>}
            <span> · {m.dropOff}</span>
            <span class={`chip ${m.status.toLowerCase()}`}>{t(`status.${m.status}` as TextKey)}</span>
          </li>
        ))}
      </ol>
      <div class="actions">
        {actionsFor(proposal).map((a) => a === "cancel"
          ? <button type="button" disabled={busy} onClick={() => setCancelling(true)}>{t("cancel")}</button>
          : <button type="button" class={a === "accept" ? "primary" : ""} disabled={busy} onClick={() => act(a)}>{t(a)}</button>)}
      </div>
      {proposal.standing?.mine ? (
        <div class="card repeat" role="note">
          <p><strong>{t("repeat.title")}</strong> · {t(proposal.standing.everyone ? "repeat.allChose" : "repeat.waitingOthers")}</p>
          <p class="hint">{t("repeat.how")}</p>
          <button type="button" disabled={busy} onClick={() => changeRepeat(false)}>{t("repeat.stop")}</button>
        </div>
      ) : mayRepeat(proposal) && (
        <div class="card repeat">
          <p class="hint">{t("repeat.offer")}</p>
          <button type="button" disabled={busy} onClick={() => changeRepeat(true)}>
            {t(myStatus(proposal) === "Proposed" ? "repeat.acceptAndRepeat" : "repeat.start")}</button>
        </div>
      )}
      {cancelling && (
        <form class="card stack" onSubmit={(event) => { event.preventDefault(); act("cancel", String(new FormData(event.currentTarget as HTMLFormElement).get("reason"))); }}>
          <fieldset>
            <legend>{t("cancelWhy")}</legend>
            {cancelReasons.map((reason, i) => (
              <label class="choice"><input type="radio" name="reason" value={reason} required checked={i === 0} /> {t(`cancelReason.${reason}` as TextKey)}</label>
            ))}
          </fieldset>
          <div class="actions">
            <button type="submit" class="danger" disabled={busy}>{t("confirmCancel")}</button>
            <button type="button" class="quiet" onClick={() => setCancelling(false)}>{t("keepTrip")}</button>
          </div>
        </form>
      )}
      {proposal.rideHome && <RideHome offer={proposal.rideHome} />}
      {proposal.mine?.returnHome && <p class="warning" role="note">{noteText(proposal.mine.returnHome)}</p>}
      <h2>{t("map")}</h2>
      <TripMap proposal={proposal} />
      <CrewChat groupId={proposal.groupId} />
    </section>
  );
}

const myStatus = (proposal: Proposal) => proposal.members.find((m) => m.isMe)?.status;

/** The company's fallback when my driver left on the day and no car had a seat: what I may do, and HR's instructions as typed. */
function RideHome({ offer }: { offer: RideHomeOffer }) {
  return (
    <div class="warning ride-home" role="alert">
      <h2>{t("rideHomeTitle")}</h2>
      <p>{noteText(offer)}</p>
      {offer.instructions && <p class="instructions">{offer.instructions}</p>}
    </div>
  );
}
