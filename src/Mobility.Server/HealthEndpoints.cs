using Mobility.Data;
using Mobility.Server.Http;
using Npgsql;

namespace Mobility.Server;

public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Liveness: the process answers. Load balancers restart on this one, so it never touches the database.
        endpoints.MapGet("/health", ReportAlive).WithTags("Health").WithSummary("Liveness: the process answers.");
        // Readiness: the database answers and has PostGIS; a load balancer sends traffic only when true.
        endpoints.MapGet("/health/ready", CheckReadinessAsync).WithTags("Health").WithSummary("Readiness: the database with PostGIS answers.");
        return endpoints;
    }

    private static IResult ReportAlive() => Results.Ok(new { status = "ok" });

    private static async Task<IResult> CheckReadinessAsync(IServiceProvider services, HttpContext http, ILoggerFactory logs, CancellationToken cancellation)
    {
        var dataSource = services.GetService<NpgsqlDataSource>();
        if (dataSource is null)
            return CodedProblem.Create(StatusCodes.Status503ServiceUnavailable, Codes.Problem.DatabaseNotConfigured, DatabaseErrors.NotConfiguredParameters);
        try
        {
            await using var command = dataSource.CreateCommand("SELECT postgis_lib_version()");
            var postgis = (string?)await command.ExecuteScalarAsync(cancellation);
            return Results.Ok(new { status = "ready", postgis });
        }
        catch (Exception error) when (error is NpgsqlException or TimeoutException)
        {
            // Anyone may ask: the driver's message names hosts, ports and accounts, so only the log has it.
            logs.CreateLogger("Health").LogError(error, "Readiness: the database does not answer");
            DatabaseErrors.AskToRetryLater(http.Response);
            return CodedProblem.Create(StatusCodes.Status503ServiceUnavailable, Codes.Problem.DatabaseUnavailable);
        }
    }
}
