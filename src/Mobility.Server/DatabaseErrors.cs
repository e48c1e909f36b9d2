using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Server.Http;
using Npgsql;

namespace Mobility.Server;

/// <summary>The database is not configured: API calls answer 503 with what to set, instead of failing obscurely.</summary>
public sealed class DatabaseNotConfiguredException()
    : InvalidOperationException($"Set {DatabaseConnection.SettingName} to a PostgreSQL connection string.");

/// <summary>
/// Turns what the database refuses into problem details instead of a 500: a constraint a request broke is the
/// client's error (409 for a conflict with existing rows, 400 for a value out of range), an unreachable database is 503.
/// The answer never quotes PostgreSQL: its messages name tables, indexes and constraints; the log keeps them.
/// </summary>
public sealed class DatabaseErrors(ILogger<DatabaseErrors> log) : IExceptionHandler
{
    /// <summary>How long a client should wait before trying again while the database is away.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellation)
    {
        // EF's execution strategy and DbUpdateException wrap the driver's exception, sometimes twice.
        var chain = Chain(exception).ToList();
        var postgres = chain.OfType<PostgresException>().FirstOrDefault();
        (int Status, string Code)? answer = postgres?.SqlState switch
        {
            PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ForeignKeyViolation => (409, Codes.Problem.DatabaseConflict),
            PostgresErrorCodes.CheckViolation or PostgresErrorCodes.NotNullViolation or PostgresErrorCodes.RaiseException
                or PostgresErrorCodes.StringDataRightTruncation or PostgresErrorCodes.ProgramLimitExceeded
                or PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter => (400, Codes.Problem.ValueRefused),
            null when chain.Any(e => e is DatabaseNotConfiguredException) => (503, Codes.Problem.DatabaseNotConfigured),
            _ when postgres is { IsTransient: true } || (postgres is null && chain.Any(e => e is NpgsqlException or TimeoutException)) =>
                (503, Codes.Problem.DatabaseUnavailable),
            _ => null,
        };
        if (answer is not { } found) return false;
        if (found.Code == Codes.Problem.DatabaseUnavailable)
        {
            log.LogError(exception, "Database unavailable for {Path}", http.Request.Path);
            AskToRetryLater(http.Response);
        }
        else if (postgres is not null)
            log.LogWarning("Database refused a request to {Path} ({Status}): {SqlState} {Message} {Constraint}",
                http.Request.Path, found.Status, postgres.SqlState, postgres.MessageText, postgres.ConstraintName);
        await new CodedProblem(CodedProblem.Details(found.Status, found.Code,
            found.Code == Codes.Problem.DatabaseNotConfigured ? NotConfiguredParameters : null)).ExecuteAsync(http);
        return true;
    }

    /// <summary>What to set, for the answer that says the database is not configured.</summary>
    public static readonly IReadOnlyDictionary<string, object?> NotConfiguredParameters =
        new Dictionary<string, object?> { ["setting"] = DatabaseConnection.SettingName };

    public static void AskToRetryLater(HttpResponse response) =>
        response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
            if (current is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain)) yield return inner;
        }
    }
}
