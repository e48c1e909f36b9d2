using Mobility.Server;
using Mobility.Server.Accounts;
using Mobility.Server.Api;
using Mobility.Server.Live;
using Mobility.Server.Proposals;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<BadRequests>();
builder.Services.AddExceptionHandler<DatabaseErrors>();
// Unreadable requests reach BadRequests in every environment, so their answer is the same problem everywhere.
builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.Services.AddOpenApi(JsonInput.Describe);
builder.Services.ConfigureHttpJsonOptions(json => JsonInput.Configure(json.SerializerOptions));
builder.Services.AddMobilityDatabase(builder.Configuration);
builder.Services.AddSingleton(new Mobility.Data.Privacy.Disclosure(builder.Configuration[Mobility.Data.Privacy.Disclosure.SettingName]));
builder.Services.AddMobilityAccounts(builder.Configuration);
builder.Services.AddMobilityLive(builder.Configuration);
builder.Services.AddMobilityProposals(builder.Configuration);
builder.Services.AddMobilityJobs(builder.Configuration);
builder.AddMobilityTelemetry();

var app = builder.Build();
app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseAuthentication();
app.UseSessionValidation();
app.UseAuthorization();
app.UseRateLimiter();
app.MapOpenApi();
app.MapScalarApiReference("/api-reference");
app.MapHealthEndpoints();
app.MapPrometheusScrapingEndpoint(Telemetry.ScrapePath);
app.MapAuthEndpoints();
app.MapCompanyEndpoints();
app.MapSiteEndpoints();
app.MapEmployeeEndpoints();
app.MapMeEndpoints();
app.MapProposalEndpoints();
app.MapStatisticsEndpoints();
app.MapDemandStatisticsEndpoints();
app.MapShuttlePlanningEndpoints();
app.MapImportEndpoints();
app.MapShiftEndpoints();
app.MapPlanningRunEndpoints();
app.MapShuttlePlanEndpoints();
app.MapAccountEndpoints();
app.MapJobEndpoints();
app.MapHub<CommuteHub>(CommuteHub.Path);
app.Run();

/// <summary>Entry point, visible to integration tests (WebApplicationFactory).</summary>
public partial class Program;
