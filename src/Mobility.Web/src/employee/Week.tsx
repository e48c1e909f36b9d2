// "My week": today and the next six days, each with its trips to work and home and their state. A day with nothing
// says so (and, once the server tells, why); a failed load says it failed and offers to try again, never an empty list.
import { addDays, formatDay, t, today } from "../i18n";
import { byDate, type Proposal } from "./model";
import { TripCard } from "./TripCard";

export function Week({ proposals, failed, onRetry, onChanged }: {
  proposals: Proposal[] | null; failed: boolean; onRetry: () => void; onChanged: () => void;
}) {
  if (proposals === null)
    return failed ? <FailedLoad onRetry={onRetry} /> : <p class="loading">{t("loading")}</p>;
  const first = today();
  const days = byDate(proposals);
  const dates = Array.from({ length: 7 }, (_, i) => addDays(first, i));
  // Proposals beyond the week (the engine plans a few days ahead) come after it.
  for (const date of days.keys()) if (!dates.includes(date) && date > first) dates.push(date);
  return (
    <section aria-labelledby="week-title">
      <h1 id="week-title">{t("myWeek")}</h1>
      {failed && <FailedLoad onRetry={onRetry} stale />}
      <ol class="days">
        {dates.map((date) => (
          <li class="day" key={date}>
            <h2>{date === first ? `${t("today")} · ${formatDay(date)}` : formatDay(date)}</h2>
            {(days.get(date) ?? []).length === 0
              ? <p class="hint">{t("noTripThatDay")}</p>
              : days.get(date)!.map((proposal) => <TripCard key={proposal.groupId} proposal={proposal} onChanged={onChanged} />)}
          </li>
        ))}
      </ol>
    </section>
  );
}

function FailedLoad({ onRetry, stale }: { onRetry: () => void; stale?: boolean }) {
  return (
    <div class="warning" role="alert">
      <p>{stale ? t("showingLastKnown") : t("loadFailed")}</p>
      <button type="button" onClick={onRetry}>{t("retry")}</button>
    </div>
  );
}
