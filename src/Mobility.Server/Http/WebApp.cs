using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.StaticFiles;

namespace Mobility.Server.Http;

/// <summary>
/// Serves the browser app's build (src/Mobility.Web → wwwroot): compressed (a phone on a plant's 4G downloads a third of
/// the bytes), hashed assets kept for a year, the page and the service worker revalidated at every visit so a new build
/// shows at once. Only these files are compressed: an API answer that mixes a secret with what a visitor typed must not
/// be (BREACH).
/// </summary>
public static class WebApp
{
    public static IServiceCollection AddWebApp(this IServiceCollection services) => services.AddResponseCompression(options =>
    {
        options.EnableForHttps = true;
        options.Providers.Add<BrotliCompressionProvider>();
        options.Providers.Add<GzipCompressionProvider>();
        options.MimeTypes = ["text/html", "text/css", "text/javascript", "application/javascript", "application/manifest+json", "image/svg+xml"];
    });

    private static bool IsAppFile(PathString path) =>
        !path.StartsWithSegments("/api") && !path.StartsWithSegments("/hubs") && !path.StartsWithSegments("/tiles");

    public static IApplicationBuilder UseWebApp(this IApplicationBuilder app)
    {
        app.UseWhen(http => IsAppFile(http.Request.Path), branch => branch.UseResponseCompression());
        app.UseDefaultFiles();
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".mjs"] = "text/javascript";
        types.Mappings[".webmanifest"] = "application/manifest+json";
        return app.UseStaticFiles(new StaticFileOptions
        {
            ContentTypeProvider = types,
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl =
                file.Context.Request.Path.StartsWithSegments("/assets") ? "public, max-age=31536000, immutable" : "no-cache",
        });
    }
}
