using Microsoft.Playwright;

namespace Mobility.Server.Tests;

/// <summary>Debian's Chromium, headless, driven by Playwright with no browser download; the flags keep it off the network.
/// Without a GPU, WebGL (MapLibre's maps) runs on SwiftShader, which Chromium now enables only when asked.</summary>
internal static class Chromium
{
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--enable-unsafe-swiftshader"],
        });

    /// <summary>Opens the app and signs in as a person does, with the fixture's password.</summary>
    public static async Task SignInAsync(IPage page, string address, string email)
    {
        await page.GotoAsync(address + "/");
        await page.FillAsync("#sign-in-form input[name=email]", email);
        await page.FillAsync("#sign-in-form input[name=password]", TwoNetworkServer.Password);
        await page.ClickAsync("#sign-in-form button[type=submit]");
    }

    /// <summary>Opens a section of HR's console by its tab, as HR does (employees, rosters, import, shuttles).</summary>
    public static Task OpenHrSectionAsync(IPage page, string section) => page.ClickAsync($"nav.tabs a[href='#{section}']");
}

/// <summary>A browser cannot reach the in-memory TestServer: the instance is served by Kestrel on a free loopback port.</summary>
internal static class RealServer
{
    /// <returns>The address the instance answers on, e.g. http://127.0.0.1:41234.</returns>
    public static string Serve(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> instance)
    {
        instance.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        instance.StartServer();
        return Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>(instance.Services)
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
    }
}
