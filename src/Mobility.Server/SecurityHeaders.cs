namespace Mobility.Server;

/// <summary>
/// Browser security headers on every response. The Content-Security-Policy is the second line behind rendering every
/// tenant's text as text: if a name ever reaches the page as HTML again, its inline script or handler is refused.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The page: its own scripts and styles only, no inline script, no plugins, not framed. Leaflet sets element.style
    /// through CSSOM, which style-src does not govern. The basemap's tiles still come from openstreetmap.org until the
    /// server serves its own (DESIGN.md, Maps); an image cannot run script.
    /// </summary>
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; worker-src 'self'; manifest-src 'self'; " +
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Scalar's API reference starts from an inline module script, injects its own style elements and loads its fonts
    /// from its CDN; the page shows only our OpenAPI document, no tenant text, so inline script and style and those fonts
    /// are allowed on that path alone. eval stays refused (Scalar only probes for it and does without).
    /// </summary>
    public const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; font-src 'self' data: https://fonts.scalar.com; object-src 'none'; base-uri 'self'; form-action 'self'; " +
        "frame-ancestors 'none'";

    public const string ApiReferencePath = "/api-reference";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // Written as the response starts: the exception handler and status code pages clear or replace what an
            // earlier middleware set, and their answers need the headers too.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(ApiReferencePath) ? ApiReferencePolicy : PagePolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                // Only the origin leaves the site, never a path with ids; openstreetmap.org's tile policy asks for a referrer.
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
}
