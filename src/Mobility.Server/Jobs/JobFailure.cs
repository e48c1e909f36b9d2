namespace Mobility.Server.Jobs;

/// <summary>A job that cannot succeed for a reason the requester can act on: its problem code (see <see cref="JobProblems"/>)
/// and the values the message is built from, stored instead of any exception text.</summary>
public sealed class JobFailure(string code, IReadOnlyDictionary<string, object?>? parameters = null) : Exception(code)
{
    public string Code { get; } = code;
    public IReadOnlyDictionary<string, object?> Parameters { get; } = parameters ?? new Dictionary<string, object?>();
}
