namespace Mobility.Server.Calendar;

/// <summary>The employees' calendar feeds (settings under `Calendar`, <see cref="CalendarOptions"/>).</summary>
public static class CalendarSetup
{
    public static IServiceCollection AddMobilityCalendar(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CalendarOptions>(configuration.GetSection(CalendarOptions.Section));
        services.AddScoped<CalendarFeeds>();
        services.AddScoped<CalendarDocument>();
        services.AddRateLimiter(CalendarEndpoints.AddPolicy);
        return services;
    }
}
