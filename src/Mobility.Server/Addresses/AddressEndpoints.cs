using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Mobility.Data;
using Mobility.Routing.Addresses;
using Mobility.Server.Accounts;
using Mobility.Server.Http;

namespace Mobility.Server.Addresses;

/// <summary>One answer of the address search. <see cref="Confidence"/> under <see cref="AddressMatch.ConfidenceThreshold"/>
/// is a suggestion the person must confirm, not a place.</summary>
public sealed record AddressAnswer(string Label, string? HouseNumber, string Street, string? Postcode, string? City,
    double Latitude, double Longitude, AddressPrecision Precision, double Confidence)
{
    public static AddressAnswer From(AddressMatch match) => new(match.Label, match.HouseNumber, match.Street, match.Postcode, match.City,
        match.Position.Latitude, match.Position.Longitude, match.Precision, match.Confidence);
}

/// <summary>
/// Address search over the extract's address index, for anyone signed in (an employee giving a home, HR checking a
/// file). The index is public map data; what is asked may be someone's home, so it is neither logged nor cached.
/// </summary>
public static class AddressEndpoints
{
    public const string Policy = "address-search";
    public const string NotLoadedCode = Mobility.Data.Codes.Problem.AddressesNotLoaded;
    public const int DefaultLimit = 5;
    public const int MaximumLimit = 20;

    public static IEndpointRouteBuilder MapAddressEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Loaded now, so the log says at start whether addresses are searchable and how to build the index if not.
        endpoints.ServiceProvider.GetRequiredService<IAddressLookup>();
        endpoints.MapGroup("/api/addresses").WithTags("Addresses")
            .RequireAuthorization(AccountsSetup.TenantPolicy).RequireRateLimiting(Policy)
            .MapGet("/search", SearchAddresses).Produces<List<AddressAnswer>>()
            .WithSummary($"Addresses matching free text (\"12 r. du Rhin 68100 Mulhouse\"), best first, at most `limit` ({DefaultLimit} by default, " +
                $"at most {MaximumLimit}): label, parts, position, precision (HouseNumber or Street) and confidence in [0, 1]; under " +
                $"{AddressMatch.ConfidenceThreshold.ToString(CultureInfo.InvariantCulture)} an answer is only a suggestion.");
        return endpoints;
    }

    // limit is read as text so that a bad one is a field error with its code, not a binding failure.
    private static IResult SearchAddresses([MaxLength(TextRules.AddressLength)] string? q, string? limit, HttpContext http, IAddressLookup addresses)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(q))
            errors.Add("q", "required");
        else if (q.Length > TextRules.AddressLength || q.Contains('\0'))
            errors.Add("q", "text-too-long",
                new Dictionary<string, object?> { ["maximum"] = TextRules.AddressLength });
        var count = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaximumLimit))
            errors.Add("limit", "out-of-range",
                new Dictionary<string, object?> { ["minimum"] = 1, ["maximum"] = MaximumLimit });
        if (errors.Any) return errors.Problem();
        if (addresses.Count == 0)
            return CodedProblem.Create(StatusCodes.Status503ServiceUnavailable, NotLoadedCode);
        http.Response.Headers.CacheControl = "private, no-store";
        return Results.Ok(addresses.Search(q!, count).Select(AddressAnswer.From).ToList());
    }

    /// <summary>Searches per signed-in account (the plant's phones share one address), beside sign-in's limits, whose
    /// rejection answer it shares.</summary>
    public static void AddPolicy(RateLimiterOptions limiter) =>
        limiter.AddPolicy(Policy, http =>
        {
            var perMinute = http.RequestServices.GetRequiredService<IOptions<AddressOptions>>().Value.SearchesPerAccountPerMinute;
            var account = CurrentUser.From(http.User)?.AccountId.ToString(CultureInfo.InvariantCulture) ?? SignInLimits.AddressOf(http);
            return RateLimitPartition.GetFixedWindowLimiter(account,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
        });
}
