using System.Diagnostics;

namespace Mobility.Server.Reports;

/// <summary>Configuration <c>Reports:…</c>.</summary>
public sealed class ReportOptions
{
    public const string Section = "Reports";
    /// <summary>The browser that prints reports (Debian's package `chromium`; the Docker image installs it).</summary>
    public string Chromium { get; set; } = "/usr/bin/chromium";
    /// <summary>How long one print may take before it is stopped.</summary>
    public TimeSpan PrintTimeout { get; set; } = TimeSpan.FromSeconds(60);
}

/// <summary>
/// A page the server wrote, printed to PDF by headless Chromium: the report is HTML and SVG (tables, maps, charts) with
/// every tenant text encoded, so the browser only lays it out. The page is a local file whose Content-Security-Policy
/// (default-src 'none') allows no script and no fetch, and the browser gets a dead proxy: nothing it holds can run or
/// reach anything. (Chromium's own switches that turn scripts off also stop --print-to-pdf, which prints through them.)
/// </summary>
public static class ChromiumPdf
{
    public static async Task<byte[]> PrintAsync(string html, ReportOptions options, CancellationToken cancellation)
    {
        var folder = Directory.CreateTempSubdirectory("mobility-report-");
        try
        {
            var page = Path.Combine(folder.FullName, "report.html");
            var pdf = Path.Combine(folder.FullName, "report.pdf");
            await File.WriteAllTextAsync(page, html, cancellation);
            var start = new ProcessStartInfo(options.Chromium)
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
                ArgumentList =
                {
                    "--headless", "--no-sandbox", "--disable-gpu",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
                    "--proxy-server=127.0.0.1:9", "--no-pdf-header-footer", $"--user-data-dir={Path.Combine(folder.FullName, "profile")}",
                    $"--print-to-pdf={pdf}", new Uri(page).AbsoluteUri,
                },
            };
            start.Environment["HOME"] = folder.FullName;
            using var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start.");
            var output = process.StandardOutput.ReadToEndAsync(cancellation);
            var errors = process.StandardError.ReadToEndAsync(cancellation);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            limit.CancelAfter(options.PrintTimeout);
            try { await process.WaitForExitAsync(limit.Token); }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
            if (!File.Exists(pdf) || new FileInfo(pdf).Length == 0)
                throw new InvalidOperationException($"Chromium printed nothing (exit {process.ExitCode}): {await errors}");
            _ = await output;
            return await File.ReadAllBytesAsync(pdf, cancellation);
        }
        finally
        {
            try { folder.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
