using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Mobility.Data;
using Mobility.Server.Http;

namespace Mobility.Server.Accounts;

/// <summary>Configuration `SignIn:…`. Failures are counted per address and per (account, address), never per account alone:
/// an outsider could otherwise keep anyone, the administrator included, from signing in by failing on purpose.</summary>
public sealed class SignInLimitOptions
{
    public const string Section = "SignIn";
    /// <summary>Sign-in requests (login, refresh, password change) per minute from one address: generous, since a plant's
    /// employees often share one address at shift change.</summary>
    public int RequestsPerAddressPerMinute { get; set; } = 120;
    /// <summary>Failed sign-ins from one address, over any accounts, per <see cref="FailureWindow"/>.</summary>
    public int FailuresPerAddress { get; set; } = 30;
    /// <summary>Failed sign-ins for one e-mail from one address per <see cref="FailureWindow"/>.</summary>
    public int FailuresPerAccount { get; set; } = 5;
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// How often sign-in may fail before it answers 429, with ASP.NET Core's rate limiters (System.Threading.RateLimiting).
/// The same for an e-mail that has an account and one that has none, so the answer tells nothing about either.
/// </summary>
public sealed class SignInLimits(IOptions<SignInLimitOptions> options) : IDisposable
{
    public const string Policy = "sign-in";

    private readonly PartitionedRateLimiter<string> _failures = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetSlidingWindowLimiter(key, k => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = k.StartsWith("address|", StringComparison.Ordinal) ? options.Value.FailuresPerAddress : options.Value.FailuresPerAccount,
            Window = options.Value.FailureWindow, SegmentsPerWindow = 5, QueueLimit = 0,
        }));

    private static string AddressKey(string address) => "address|" + address;
    private static string AccountKey(string email, string address) => "account|" + email.Trim().ToUpperInvariant() + "|" + address;

    /// <summary>Whether this address may try this e-mail again now.</summary>
    public bool MayTry(string email, string address) =>
        Available(AddressKey(address)) && Available(AccountKey(email, address));

    public void Failed(string email, string address)
    {
        using var _ = _failures.AttemptAcquire(AddressKey(address));
        using var __ = _failures.AttemptAcquire(AccountKey(email, address));
    }

    private bool Available(string key) => _failures.GetStatistics(key) is not { CurrentAvailablePermits: <= 0 };

    public static string AddressOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public static IResult TooMany(TimeSpan retryAfter, HttpContext http)
    {
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return CodedProblem.Create(StatusCodes.Status429TooManyRequests, Codes.Problem.TooManyAttempts);
    }

    /// <summary>The request limit per address on the sign-in endpoints (the middleware's policy <see cref="Policy"/>).</summary>
    public static void AddPolicy(RateLimiterOptions limiter)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.AddPolicy(Policy, http =>
        {
            var perMinute = http.RequestServices.GetRequiredService<IOptions<SignInLimitOptions>>().Value.RequestsPerAddressPerMinute;
            return RateLimitPartition.GetFixedWindowLimiter(AddressOf(http), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
            });
        });
        limiter.OnRejected = async (context, cancellation) =>
        {
            var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
            await TooMany(retry, context.HttpContext).ExecuteAsync(context.HttpContext);
        };
    }

    public void Dispose() => _failures.Dispose();
}
