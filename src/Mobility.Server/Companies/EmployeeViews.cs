using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Data.Model;
using Mobility.Planning.Carpools;
using NetTopologySuite.Geometries;
using Mobility.Server.Http;

namespace Mobility.Server.Companies;

/// <summary>An employee as their HR manager and they themselves see them (home included; nobody else gets this view).</summary>
public sealed record EmployeeView(long Id, long CompanyId, string ExternalId, string? FirstName, string? LastName, long MainSiteId,
    GeoJsonPoint? Home, string? Commune, CarpoolRole Role, int SeatsOffered, int MaxDetourMinutes, double MaxDetourRatio,
    int FlexibilityMinutes, string PreferredLanguage, bool ConsentToMatching, bool Erased, long? PreferredMeetingPointId, bool Digest,
    string? WorkEmail = null)
{
    public static EmployeeView From(Employee e) => new(e.Id, e.CompanyId, e.ExternalId, e.FirstName, e.LastName, e.MainSiteId,
        e.Home is null ? null : GeoJsonPoint.From(e.Home), e.Commune, e.Role, e.SeatsOffered, e.MaxDetourMinutes, e.MaxDetourRatio,
        e.FlexibilityMinutes, e.PreferredLanguage, e.ConsentToMatching, e.ErasedAt is not null, e.PreferredMeetingPointId, e.DigestByMail, e.WorkEmail);
}

/// <summary>How an employee commutes: what they may change themselves. <see cref="PreferredMeetingPointId"/> 0 means
/// pickup at home again (null, as for every field, keeps the stored choice); <see cref="Digest"/>: the daily e-mail digest, on by default.</summary>
public sealed record CommuteProfileInput(GeoJsonPoint? Home, [property: MaxLength(TextRules.CommuneLength)] string? Commune, CarpoolRole? Role, int? SeatsOffered, int? MaxDetourMinutes,
    double? MaxDetourRatio, int? FlexibilityMinutes, string? PreferredLanguage, bool? ConsentToMatching, long? PreferredMeetingPointId = null, bool? Digest = null)
{
    public const long PickupAtHome = 0;

    /// <summary>Whether applying this needs the network's meeting points: a point chosen, or a new home with one chosen
    /// (most changes need neither, and read none).</summary>
    public bool ChecksMeetingPoint(Employee employee) =>
        PreferredMeetingPointId is not (null or PickupAtHome) || (Home is not null && employee.PreferredMeetingPointId is not null);

    /// <summary>Checks every field given and applies them all, or none when one is wrong; a field left out or null keeps its
    /// stored value (PATCH-like: the form sends only what it holds). A home must be plausible for the main
    /// plant (<see cref="CoordinateCheck"/>, the importer's rule); when <paramref name="plantChanged"/>, so must the stored one.</summary>
    /// <param name="mainPlant">Where the employee's main plant is, or null when the request names no valid one (already reported).</param>
    /// <param name="meetingPoints">The employee's network's meeting points, when <see cref="ChecksMeetingPoint"/>: a chosen one
    /// must be within reach of the home, the new one when it changes (a move far from the chosen point is refused until
    /// another is chosen).</param>
    public bool TryApply(Employee employee, Point? mainPlant, FieldErrors errors, MeetingPoints? meetingPoints, HomeRules homes,
        bool plantChanged = false)
    {
        var check = mainPlant is null ? null : CoordinateCheck.AroundPlant(mainPlant.ToGeoPoint(), homes);
        var home = check is null ? Home?.ToPoint("home", errors) : Home?.ToPlausiblePoint("home", errors, check);
        if (Home is null && plantChanged && check is not null && employee.Home is { } stored && check.Check(stored.ToGeoPoint()) is { } far)
            errors.Add("home", far.Code, far.Parameters);
        if (SeatsOffered is < 0 or > 8) errors.Add("seatsOffered", Codes.Field.OutOfRange, CodeParameters.Range(0, 8));
        if (MaxDetourMinutes is < 0 or > 120) errors.Add("maxDetourMinutes", Codes.Field.OutOfRange, CodeParameters.Range(0, 120));
        if (MaxDetourRatio is not null && (MaxDetourRatio < 1 || MaxDetourRatio > 5 || !double.IsFinite(MaxDetourRatio.Value)))
            errors.Add("maxDetourRatio", Codes.Field.OutOfRange, CodeParameters.Range(1, 5));
        if (FlexibilityMinutes is < 0 or > 240) errors.Add("flexibilityMinutes", Codes.Field.OutOfRange, CodeParameters.Range(0, 240));
        if (PreferredLanguage is not null and not (RequestLanguage.French or RequestLanguage.English))
            errors.Add("preferredLanguage", Codes.Field.UnknownChoice, CodeParameters.Allowed(Languages));
        var role = Role ?? employee.Role;
        var seats = SeatsOffered ?? employee.SeatsOffered;
        if (role != CarpoolRole.Passenger && seats == 0 && (Role is not null || SeatsOffered is not null))
            errors.Add("seatsOffered", Codes.Field.DriverNeedsSeats);
        // Refused rather than stored as 0 behind the person's back: a passenger who typed seats sees at once that they
        // count only when driving, and what the answer shows is what is stored.
        if (role == CarpoolRole.Passenger && SeatsOffered is > 0)
            errors.Add("seatsOffered", Codes.Field.PassengerOffersNoSeats);
        var meetingPoint = PreferredMeetingPointId ?? employee.PreferredMeetingPointId;
        if (meetingPoint is { } chosen and not PickupAtHome && ChecksMeetingPoint(employee))
            meetingPoints!.Check(chosen, home ?? employee.Home, "preferredMeetingPointId", errors);
        if (errors.Any) return false;
        if (home is not null) employee.Home = home;
        employee.PreferredMeetingPointId = meetingPoint is PickupAtHome ? null : meetingPoint;
        if (Commune is not null) employee.Commune = Commune;
        employee.Role = role;
        employee.SeatsOffered = role == CarpoolRole.Passenger ? 0 : seats;
        employee.MaxDetourMinutes = MaxDetourMinutes ?? employee.MaxDetourMinutes;
        employee.MaxDetourRatio = MaxDetourRatio ?? employee.MaxDetourRatio;
        employee.FlexibilityMinutes = FlexibilityMinutes ?? employee.FlexibilityMinutes;
        employee.PreferredLanguage = PreferredLanguage ?? employee.PreferredLanguage;
        employee.ConsentToMatching = ConsentToMatching ?? employee.ConsentToMatching;
        employee.DigestByMail = Digest ?? employee.DigestByMail;
        return true;
    }

    private static readonly string[] Languages = [RequestLanguage.French, RequestLanguage.English];
}

/// <summary>What HR gives for a new employee or a change: identity and main site, plus the commute profile.</summary>
public sealed record EmployeeInput([property: MaxLength(TextRules.ExternalIdLength)] string? ExternalId,
    [property: MaxLength(TextRules.NameLength)] string? FirstName, [property: MaxLength(TextRules.NameLength)] string? LastName,
    long? MainSiteId, CommuteProfileInput? Commute, [property: MaxLength(TextRules.EmailLength)] string? WorkEmail = null)
{
    /// <summary>Checks the input (an HR number unique in the company, one of the company's plants, a plausible home) and applies
    /// all of it, or nothing when a field is wrong.</summary>
    public async Task<FieldErrors> TryApplyAsync(Employee employee, bool isNew, MobilityDbContext database, IConfiguration configuration,
        HomeRules homes, CancellationToken cancellation)
    {
        var meetingPoints = Commute?.ChecksMeetingPoint(employee) == true
            ? await MeetingPoints.OfCompanyAsync(database, configuration, employee.CompanyId, cancellation) : null;
        var errors = new FieldErrors();
        if (isNew || ExternalId is not null)
        {
            if (string.IsNullOrWhiteSpace(ExternalId)) errors.Add("externalId", Codes.Field.Required);
            else if (await database.Employees.AnyAsync(e => e.CompanyId == employee.CompanyId && e.ExternalId == ExternalId && e.Id != employee.Id, cancellation))
                errors.Add("externalId", Codes.Field.AlreadyExists, CodeParameters.Value(ExternalId));
        }
        // Only the company's own plants: a foreign site gets the same answer as a missing one.
        var plantId = isNew ? MainSiteId : MainSiteId ?? employee.MainSiteId;
        var plant = plantId is { } siteId
            ? await database.Sites.Where(s => s.Id == siteId && s.CompanyId == employee.CompanyId).Select(s => s.Location).SingleOrDefaultAsync(cancellation)
            : null;
        if ((isNew || MainSiteId is not null) && plant is null)
            errors.Add("mainSiteId", Codes.Field.UnknownReference);
        if (isNew && Commute?.Home is null) errors.Add("commute.home", Codes.Field.Required);
        // An empty work e-mail removes it; one given must look like an address (invitations go there).
        var workEmail = WorkEmail?.Trim();
        if (!string.IsNullOrEmpty(workEmail) && (!workEmail.Contains('@') || workEmail.StartsWith('@') || workEmail.EndsWith('@') || workEmail.Contains(' ')))
            errors.Add("workEmail", Codes.Field.InvalidEmail);
        (Commute ?? new CommuteProfileInput(null, null, null, null, null, null, null, null, null))
            .TryApply(employee, plant, errors, meetingPoints, homes, plantChanged: MainSiteId is { } newPlant && newPlant != employee.MainSiteId);
        if (errors.Any) return errors;
        if (ExternalId is not null) employee.ExternalId = ExternalId.Trim();
        if (FirstName is not null) employee.FirstName = FirstName.Trim();
        if (LastName is not null) employee.LastName = LastName.Trim();
        if (MainSiteId is { } main) employee.MainSiteId = main;
        if (workEmail is not null) employee.WorkEmail = workEmail.Length == 0 ? null : workEmail;
        return errors;
    }
}

