using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Mobility.Server.Tests;

/// <summary>
/// A real SMTP server on loopback (Debian's python3-aiosmtpd) that keeps every mail it receives in a Maildir, for tests
/// that check what the server sends.
/// </summary>
public sealed class SmtpSink : IDisposable
{
    private readonly Process _server;
    private readonly string _maildir = Path.Combine(Path.GetTempPath(), $"mobility-mail-{Guid.NewGuid():N}");

    public int Port { get; }

    public SmtpSink()
    {
        Port = FreePort.Pick();
        // Debian's interpreter, where the package installs aiosmtpd (another python3 may come first on PATH).
        _server = Process.Start(new ProcessStartInfo("/usr/bin/python3",
            ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", _maildir])
            { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try { using var client = new TcpClient("127.0.0.1", Port); return; }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_server.HasExited) { Thread.Sleep(100); }
        }
    }

    /// <summary>Waits for a mail to <paramref name="to"/> and answers its raw text.</summary>
    public async Task<string> MailToAsync(string to, TimeSpan? patience = null)
    {
        var deadline = DateTime.UtcNow + (patience ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            var folder = Path.Combine(_maildir, "new");
            if (Directory.Exists(folder))
                foreach (var file in Directory.EnumerateFiles(folder))
                {
                    var text = await File.ReadAllTextAsync(file);
                    if (text.Contains($"To: {to}", StringComparison.OrdinalIgnoreCase)) return text;
                }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No mail to {to} arrived.");
    }

    /// <summary>Every mail to <paramref name="to"/> received so far, raw.</summary>
    public IReadOnlyList<string> MailsTo(string to)
    {
        var folder = Path.Combine(_maildir, "new");
        return !Directory.Exists(folder) ? []
            : Directory.EnumerateFiles(folder).Select(File.ReadAllText).Where(text => text.Contains($"To: {to}", StringComparison.OrdinalIgnoreCase)).ToList();
    }

    public void Dispose()
    {
        if (!_server.HasExited) _server.Kill(entireProcessTree: true);
        _server.Dispose();
        if (Directory.Exists(_maildir)) Directory.Delete(_maildir, recursive: true);
    }
}
