// A driver's sheet: one vehicle's runs on one week day, stops in order with times and how many get on and off (never
// who), laid out for paper; printed with the browser's own print.
import { useEffect } from "preact/hooks";
import { formatNumber, t, type TextKey } from "../i18n";

export interface SheetStop { site: string; arrival: string; departure: string; boarding: number; alighting: number }
export interface SheetTrip { vehicle: string; capacity?: number; direction: string; days: string; shiftPattern?: string | null; kilometres: number; stops: SheetStop[] }

export const weekDays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;
export type WeekDay = (typeof weekDays)[number];

/** Whether a trip's days (the server's flag names: "Weekdays", "All", "Monday, Saturday") include the day. */
export function runsOn(days: string, day: WeekDay): boolean {
  const names = days.split(",").map((d) => d.trim());
  return names.includes(day) || names.includes("All") || (names.includes("Weekdays") && day !== "Saturday" && day !== "Sunday");
}

/** The vehicle's runs on the day, the earliest first. */
export function sheetTrips(trips: SheetTrip[], vehicle: string, day: WeekDay): SheetTrip[] {
  return trips.filter((trip) => trip.vehicle === vehicle && runsOn(trip.days, day))
    .sort((a, b) => (a.stops[0]?.departure ?? "").localeCompare(b.stops[0]?.departure ?? ""));
}

export function DriverSheet({ planName, trips, vehicle, day, onClose }: {
  planName: string; trips: SheetTrip[]; vehicle: string; day: WeekDay; onClose: () => void;
}) {
  // While the sheet is open, printing shows it alone.
  useEffect(() => {
    document.body.classList.add("printing-sheet");
    return () => document.body.classList.remove("printing-sheet");
  }, []);
  const runs = sheetTrips(trips, vehicle, day);
  return (
    <article class="driver-sheet card" aria-labelledby="driver-sheet-title">
      <header>
        <h3 id="driver-sheet-title">{t("driverSheetTitle", { vehicle, day: t(`day.${day}` as TextKey) })}</h3>
        <p class="hint">{planName}</p>
      </header>
      {runs.length === 0 ? <p>{t("driverSheetEmpty")}</p> : runs.map((trip) => (
        <section class="run">
          <h4>{t(trip.direction as TextKey)}{trip.shiftPattern && ` · ${trip.shiftPattern}`} · {formatNumber(trip.kilometres, 1)} km</h4>
          <table>
            <thead><tr><th>{t("leaves")}</th><th>{t("stop")}</th><th><abbr title={t("boarding")}>{t("boardingShort")}</abbr></th><th><abbr title={t("alighting")}>{t("alightingShort")}</abbr></th></tr></thead>
            <tbody>{trip.stops.map((s) => (
              <tr><td class="time">{s.departure.slice(0, 5)}</td><td class="place">{s.site}</td><td class="count">{s.boarding || ""}</td><td class="count">{s.alighting || ""}</td></tr>))}
            </tbody>
          </table>
        </section>))}
      <p class="actions no-print">
        <button type="button" class="primary" onClick={() => print()}>{t("print")}</button>
        <button type="button" class="quiet" onClick={onClose}>{t("close")}</button>
      </p>
    </article>
  );
}
