using Microsoft.Extensions.Options;
using Mobility.Routing.Addresses;

namespace Mobility.Server.Addresses;

/// <summary>
/// The address index (<see cref="IAddressLookup"/>), one for the whole server, loaded at start from `Addresses:File`.
/// Without a file, or with one that cannot be read, it is <see cref="AddressIndex.Empty"/> (the log says why and how to
/// build one) and the search answers 503.
/// </summary>
public static class AddressesSetup
{
    public const string SettingName = $"{AddressOptions.Section}:{nameof(AddressOptions.File)}";

    public static IServiceCollection AddMobilityAddresses(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AddressOptions>(configuration.GetSection(AddressOptions.Section));
        services.AddSingleton<IAddressLookup>(provider =>
            Load(provider.GetRequiredService<IOptions<AddressOptions>>().Value.File, provider.GetRequiredService<ILogger<AddressIndex>>()));
        services.AddRateLimiter(AddressEndpoints.AddPolicy);
        return services;
    }

    private static AddressIndex Load(string? file, ILogger log)
    {
        if (string.IsNullOrWhiteSpace(file))
        {
            log.LogWarning("No address index ({Setting} is not set): address search answers 503. Build one with " +
                "`mobility addresses build --osm EXTRACT.osm.pbf` and set Addresses__File to the file it prints (./run.sh does both)", SettingName);
            return AddressIndex.Empty;
        }
        try
        {
            var index = AddressIndexFile.Read(file);
            log.LogInformation("Address index from {File}: {Records} addresses and streets, {Streets} streets, {Communes} communes",
                file, index.Count, index.StreetCount, index.CommuneCount);
            return index;
        }
        catch (IOException error)
        {
            log.LogError(error, "The address index {File} ({Setting}) cannot be read: address search answers 503. Build it again with " +
                "`mobility addresses build --osm EXTRACT.osm.pbf`", file, SettingName);
            return AddressIndex.Empty;
        }
    }
}
