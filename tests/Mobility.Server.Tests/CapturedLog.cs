using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Mobility.Server.Tests;

/// <summary>Keeps what a server instance logs, with each message's structured values, for tests that check what the
/// server did in the background.</summary>
internal sealed class CapturedLog : ILoggerProvider
{
    public sealed record Entry(string Category, string Message, IReadOnlyDictionary<string, object?> Values);

    public ConcurrentQueue<Entry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Capturing(this, categoryName);

    public void Dispose() { }

    /// <summary>Waits until an entry matches, or fails after <paramref name="patience"/>.</summary>
    public async Task<Entry> WaitForAsync(Func<Entry, bool> wanted, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (DateTime.UtcNow < deadline)
        {
            if (Entries.FirstOrDefault(wanted) is { } entry) return entry;
            await Task.Delay(20);
        }
        throw new TimeoutException("No such log entry; logged: " + string.Join(" | ", Entries.Select(e => e.Message).TakeLast(10)));
    }

    private sealed class Capturing(CapturedLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value)
                : new Dictionary<string, object?>();
            log.Entries.Enqueue(new Entry(category, formatter(state, exception), values));
        }
    }
}
