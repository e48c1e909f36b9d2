using Mobility.Planning.Carpools;
using NetTopologySuite.Geometries;

namespace Mobility.Data.Model;

/// <summary>
/// An employee of a member company. Name and home are personal data: only the employee, and matching code,
/// see them; erasure clears them (<see cref="ErasedAt"/>) and keeps the anonymous rest for statistics.
/// </summary>
public class Employee
{
    public long Id { get; set; }
    public long CompanyId { get; set; }
    public Company? Company { get; set; }
    public required string ExternalId { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    /// <summary>The work e-mail HR gives: where an invitation to an account is mailed; personal data, cleared on erasure.</summary>
    public string? WorkEmail { get; set; }
    public long MainSiteId { get; set; }
    public Site? MainSite { get; set; }
    /// <summary>WGS84 home point; null once erased. Setting a new one draws a new <see cref="ApproximateHome"/> around it,
    /// whoever sets it (the API, an import, a demo), so there never is a home without one.</summary>
    public Point? Home
    {
        get => _home;
        set
        {
            if (!Equals(_home?.Coordinate, value?.Coordinate)) ApproximateHome = value is null ? null : Privacy.ApproximatePlace.Around(value);
            _home = value;
        }
    }
    private Point? _home; // EF reads and writes the field, so loading a row draws nothing

    /// <summary>What other members of an unconfirmed carpool are shown instead of the home: a point 400–700 m from it in a
    /// random direction (<see cref="Privacy.ApproximatePlace"/>), drawn once and kept, so that seeing it in many proposals
    /// teaches nothing more than seeing it once.</summary>
    public Point? ApproximateHome { get; set; }
    public string? Commune { get; set; }
    public CarpoolRole Role { get; set; } = CarpoolRole.Either;
    public int SeatsOffered { get; set; }
    public int MaxDetourMinutes { get; set; } = 15;
    /// <summary>Longest acceptable trip over the direct trip, e.g. 1.5.</summary>
    public double MaxDetourRatio { get; set; } = 1.5;
    /// <summary>How many minutes earlier than needed the employee accepts to arrive.</summary>
    public int FlexibilityMinutes { get; set; } = 15;
    public string PreferredLanguage { get; set; } = "fr";
    public bool ConsentToMatching { get; set; }
    /// <summary>A meeting point of the network (a site of kind <see cref="SiteKind.MeetingPoint"/>) where the employee is
    /// picked up when riding; null: at home. Cleared when the site is removed, and on erasure.</summary>
    public long? PreferredMeetingPointId { get; set; }
    public Site? PreferredMeetingPoint { get; set; }
    /// <summary>Whether the employee gets the daily e-mail digest when no device of theirs takes Web Push (on unless they turn it off).</summary>
    public bool DigestByMail { get; set; } = true;
    public DateTimeOffset? ErasedAt { get; set; }
    public List<ShiftAssignment> ShiftAssignments { get; set; } = [];
    public List<ShiftException> ShiftExceptions { get; set; } = [];
}
