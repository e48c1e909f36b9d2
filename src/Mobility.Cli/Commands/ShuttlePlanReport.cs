using System.Globalization;
using System.Text;
using Mobility.Planning.Shifts;
using Mobility.Planning.Shuttles;

namespace Mobility.Cli.Commands;

/// <summary>The text `mobility plan shuttles` prints: each wave's trips with their calls, totals per shift over the roster,
/// and the comparison with driving alone and carpooling.</summary>
internal static class ShuttlePlanReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, ShiftCalendar.Paris.TimeZone);

    public static string Text(ComputedShuttlePlan plan)
    {
        var text = new StringBuilder();
        foreach (var wave in plan.Waves)
        {
            text.AppendLine(Invariant, $"== {Local(wave.Instant):ddd yyyy-MM-dd HH:mm}: {wave.RidersToSite} riders to the plants, {wave.RidersHome} home ==");
            foreach (var trip in wave.Trips)
            {
                text.AppendLine(Invariant, $"  {trip.Vehicle}: {trip.Kilometres:F1} km, {trip.Hours:F2} h, cost {trip.Cost:F0}, {trip.KilogramsCo2:F1} kg CO2");
                foreach (var call in trip.Calls)
                    text.AppendLine(Invariant, $"    {Local(call.Arrival):HH:mm}-{Local(call.Departure):HH:mm}  {call.Stop.Name,-45} +{call.Boarding,-3} -{call.Alighting,-3} on board {call.LoadOnDeparture}");
            }
            text.AppendLine(Invariant, $"  total: {wave.Trips.Count} trips, {wave.Kilometres:F1} km, {wave.Hours:F1} h, cost {wave.Cost:F0}, {wave.KilogramsCo2:F1} kg CO2");
            if (wave.Unserved.Count > 0)
                text.AppendLine(Invariant, $"  unserved: {wave.UnservedCount} ({string.Join(", ", wave.Unserved.GroupBy(u => u.Reason).Select(g => $"{Reason(g.Key)}: {g.Sum(u => u.Count)}"))})");
            text.AppendLine(Invariant, $"  everyone driving alone: {wave.DriveAloneKilometres:F0} km, {wave.DriveAloneKilogramsCo2:F0} kg CO2; with shuttles (unserved still driving): {wave.WithShuttlesKilogramsCo2:F0} kg CO2");
        }
        text.Append(PerShift(plan));
        text.AppendLine(Invariant, $"== roster: {plan.Waves.Count} waves, {plan.Kilometres:F0} shuttle km, {plan.Hours:F1} vehicle-hours, cost {plan.Cost:F0}, {plan.KilogramsCo2:F0} kg CO2, {plan.UnservedCount} rides unserved ==");
        text.AppendLine(Invariant, $"   everyone driving alone: {plan.DriveAloneKilometres:F0} km, {plan.DriveAloneKilogramsCo2:F0} kg CO2; with shuttles: {plan.WithShuttlesKilogramsCo2:F0} kg CO2");
        return text.ToString();
    }

    /// <summary>The roster's waves summed by time of day (a 3x8 week gives three lines, whatever the days): what HR
    /// budgets per shift change.</summary>
    public static string PerShift(ComputedShuttlePlan plan)
    {
        var text = new StringBuilder("== per shift change, over the roster ==\n");
        text.AppendLine("  time   waves  to plants  home  unserved  trips       km  vehicle-h     cost  kg CO2  driving alone kg CO2");
        foreach (var shift in plan.Waves.GroupBy(w => Local(w.Instant).TimeOfDay).OrderBy(g => g.Key))
            text.AppendLine(Invariant,
                $"  {shift.Key:hh\\:mm}  {shift.Count(),5}  {shift.Sum(w => w.RidersToSite),9}  {shift.Sum(w => w.RidersHome),4}  {shift.Sum(w => w.UnservedCount),8}  " +
                $"{shift.Sum(w => w.Trips.Count),5}  {shift.Sum(w => w.Kilometres),7:F0}  {shift.Sum(w => w.Hours),9:F1}  {shift.Sum(w => w.Cost),7:F0}  " +
                $"{shift.Sum(w => w.KilogramsCo2),6:F0}  {shift.Sum(w => w.DriveAloneKilogramsCo2),20:F0}");
        return text.ToString();
    }

    public static string Comparison(IReadOnlyList<CommuteAlternative> alternatives, int days)
    {
        var text = new StringBuilder(days == 1 ? "== the same people, to work and home ==\n"
            : $"== the same people, to work and home, over {days} days (people counted once a day) ==\n");
        foreach (var a in alternatives)
            text.AppendLine(Invariant, $"  {a.Name,-24} {a.VehicleKilometres,8:F0} vehicle-km {a.KilogramsCo2,7:F0} kg CO2   {a.PeopleServed} of {a.PeopleCounted} people served");
        text.AppendLine("  (driving alone and carpools count whole trips from home; \"shuttles\" counts the buses alone; \"door to door\" adds the drives to the stop over 2 km and unserved moves driven alone)");
        return text.ToString();
    }

    private static string Reason(NoSeatReason reason) => reason switch
    {
        NoSeatReason.Unreachable => "no road between the stops",
        NoSeatReason.RideTooLong => "direct ride over the limit",
        NoSeatReason.NoVehicleInTime => "no vehicle there in time",
        _ => "no seat left",
    };
}
