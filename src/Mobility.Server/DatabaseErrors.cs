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
/// </summary>
public sealed class DatabaseErrors(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellation)
    {
        var postgres = exception as PostgresException ?? exception.InnerException as PostgresException;
        (int Status, string Title)? answer = exception switch
        {
            DatabaseNotConfiguredException => (503, "Base de données non configurée / Database not configured"),
            _ when postgres?.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ForeignKeyViolation =>
                (409, "Conflit avec des données existantes / Conflict with existing data"),
            _ when postgres?.SqlState is PostgresErrorCodes.CheckViolation or PostgresErrorCodes.NotNullViolation
                or PostgresErrorCodes.RaiseException => (400, "Valeur refusée / Value refused"),
            NpgsqlException or TimeoutException or DbUpdateException when postgres is null =>
                (503, "Base de données indisponible / Database unavailable"),
            _ => null,
        };
        if (answer is not { } found) return false;
        http.Response.StatusCode = found.Status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = found.Status, Title = found.Title, Detail = exception is DatabaseNotConfiguredException ? exception.Message : postgres?.MessageText },
            Exception = exception,
        });
    }
}
