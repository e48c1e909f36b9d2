using NetTopologySuite.Geometries;

namespace Mobility.Data.Model;

/// <summary>A place commutes start or end at: a plant, a railway station, a meeting point or a car park.</summary>
public class Site
{
    public long Id { get; set; }
    public long NetworkId { get; set; }
    public Network? Network { get; set; }
    /// <summary>The owning company; stations and shared meeting points belong to none.</summary>
    public long? CompanyId { get; set; }
    public Company? Company { get; set; }
    public required string ExternalId { get; set; }
    public required string Name { get; set; }
    public SiteKind Kind { get; set; }
    /// <summary>WGS84 point (SRID 4326): X is the longitude, Y the latitude.</summary>
    public required Point Location { get; set; }
    public string? Address { get; set; }
    public string? Commune { get; set; }
}
