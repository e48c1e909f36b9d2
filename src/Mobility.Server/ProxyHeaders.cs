using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Mobility.Server;

/// <summary>
/// Behind a proxy that ends TLS, the server sees plain HTTP: without the proxy's X-Forwarded-Proto it would take every
/// request for HTTP, set the sign-in cookie without Secure and a client's address to the proxy's. The headers are believed
/// only from a proxy on this machine (loopback) or one listed in MOBILITY_TRUSTED_PROXIES (addresses or networks,
/// comma-separated, e.g. "10.0.0.2, 172.18.0.0/16"), since anyone else can send them.
/// </summary>
public static class ProxyHeaders
{
    public const string TrustedProxiesSetting = "MOBILITY_TRUSTED_PROXIES";

    public static IServiceCollection AddProxyHeaders(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            // The defaults already trust loopback (127.0.0.0/8 and ::1) and nothing else.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var entry in (configuration[TrustedProxiesSetting] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                if (System.Net.IPNetwork.TryParse(entry, out var network)) options.KnownIPNetworks.Add(network);
                else if (IPAddress.TryParse(entry, out var address)) options.KnownProxies.Add(address);
                else throw new InvalidOperationException($"{TrustedProxiesSetting}: '{entry}' is neither an address nor a network.");
        });
        // First in the pipeline, so that everything after it (cookies, logs, rate limits) sees the client's scheme and address.
        services.AddTransient<IStartupFilter, ForwardedHeadersFirst>();
        return services;
    }

    private sealed class ForwardedHeadersFirst : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseForwardedHeaders();
            next(app);
        };
    }
}
