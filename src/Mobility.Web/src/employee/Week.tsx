// "My week": today and the next six days, each with its shifts (rotation, leave) and its trips to work and home: the
// carpool when there is one, else why not, in plain words. A failed load says it failed and offers to try again, never
// an empty list.
import { addDays, formatDay, formatTime, t, today, type TextKey } from "../i18n";
import { byDate, type Proposal, type Week as WeekData, type WeekDay } from "./model";
import { reasonText } from "./notes";
import { TripCard } from "./TripCard";

export function Week({ proposals, week, failed, onRetry, onChanged }: {
  proposals: Proposal[] | null; week: WeekData | null; failed: boolean; onRetry: () => void; onChanged: () => void;
}) {
  if (proposals === null)
    return failed ? <FailedLoad onRetry={onRetry} /> : <p class="loading">{t("loading")}</p>;
  const first = week?.today ?? today();
  const days = byDate(proposals);
  const planned = new Map((week?.dates ?? []).map((d) => [d.date, d]));
  const dates = week ? week.dates.map((d) => d.date) : Array.from({ length: 7 }, (_, i) => addDays(first, i));
  // Proposals beyond the week (the engine plans a few days ahead) come after it.
  for (const date of days.keys()) if (!dates.includes(date) && date > first) dates.push(date);
  return (
    <section aria-labelledby="week-title">
      <h1 id="week-title">{t("myWeek")}</h1>
      {failed && <FailedLoad onRetry={onRetry} stale />}
      {week && !week.hasRoster && <p class="warning" role="note">{t("noRoster")}</p>}
      <ol class="days">
        {dates.map((date) => {
          const day = planned.get(date);
          const trips = days.get(date) ?? [];
          const shown = new Set(trips.map((p) => p.groupId));
          const without = (day?.trips ?? []).filter((trip) => trip.groupId === null || !shown.has(trip.groupId));
          return (
            <li class="day" key={date}>
              <h2>{date === first ? `${t("today")} · ${formatDay(date)}` : formatDay(date)}</h2>
              {day && <Shifts day={day} rostered={week?.hasRoster ?? true} />}
              {trips.map((proposal) => <TripCard key={proposal.groupId} proposal={proposal} onChanged={onChanged} />)}
              {without.map((trip) => (
                <p class="no-trip"><strong>{t(trip.direction)}</strong> · {trip.reason ? reasonText(trip.reason) : t("reason.unknown")}</p>
              ))}
              {!day && trips.length === 0 && <p class="hint">{t("noTripThatDay")}</p>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function Shifts({ day, rostered }: { day: WeekDay; rostered: boolean }) {
  if (day.shifts.length === 0) return <p class="shift rest">{day.onLeave ? t("onLeave") : rostered ? t("restDay") : t("noShiftKnown")}</p>;
  return (
    <>
      {day.shifts.map((shift) => (
        <p class="shift">
          <strong>{t(shift.extra ? "extraShift" : "shift")} {formatTime(shift.start)}–{formatTime(shift.end)}</strong> · {shift.site.name}
          {day.onLeave && <span class="chip declined">{t("onLeave")}</span>}
        </p>
      ))}
    </>
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

export type { TextKey };
