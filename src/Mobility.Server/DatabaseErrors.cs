using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
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
public sealed class DatabaseErrors(IProblemDetailsService problems, ILogger<DatabaseErrors> log) : IExceptionHandler
{
    /// <summary>How long a client should wait before trying again while the database is away.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public const string UnavailableTitle = "Base de données indisponible / Database unavailable";
    public const string UnavailableDetail =
        "Le service est momentanément indisponible, réessayez dans quelques secondes. / The service is briefly unavailable, try again in a few seconds.";

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellation)
    {
        // EF's execution strategy and DbUpdateException wrap the driver's exception, sometimes twice.
        var chain = Chain(exception).ToList();
        var postgres = chain.OfType<PostgresException>().FirstOrDefault();
        (int Status, string Title, string Detail)? answer = postgres?.SqlState switch
        {
            PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ForeignKeyViolation =>
                (409, "Conflit avec des données existantes / Conflict with existing data",
                    "Ces données contredisent des données existantes (un identifiant déjà pris, ou une référence à une donnée absente). / " +
                    "This data contradicts existing data (an identifier already taken, or a reference to missing data)."),
            PostgresErrorCodes.CheckViolation or PostgresErrorCodes.NotNullViolation or PostgresErrorCodes.RaiseException
                or PostgresErrorCodes.StringDataRightTruncation or PostgresErrorCodes.ProgramLimitExceeded
                or PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter =>
                (400, "Valeur refusée / Value refused",
                    "Une valeur est hors des limites acceptées (trop longue, vide ou hors plage). / A value is outside the accepted limits (too long, empty or out of range)."),
            null when chain.Any(e => e is DatabaseNotConfiguredException) =>
                (503, "Base de données non configurée / Database not configured", new DatabaseNotConfiguredException().Message),
            _ when postgres is { IsTransient: true } || (postgres is null && chain.Any(e => e is NpgsqlException or TimeoutException)) =>
                (503, UnavailableTitle, UnavailableDetail),
            _ => null,
        };
        if (answer is not { } found) return false;
        if (found.Title == UnavailableTitle)
        {
            log.LogError(exception, "Database unavailable for {Path}", http.Request.Path);
            AskToRetryLater(http.Response);
        }
        else if (postgres is not null)
            log.LogWarning("Database refused a request to {Path} ({Status}): {SqlState} {Message} {Constraint}",
                http.Request.Path, found.Status, postgres.SqlState, postgres.MessageText, postgres.ConstraintName);
        http.Response.StatusCode = found.Status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = found.Status, Title = found.Title, Detail = found.Detail },
            Exception = exception,
        });
    }

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
