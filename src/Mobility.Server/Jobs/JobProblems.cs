using System.Text.Json;
using Mobility.Data;
using Mobility.Server.Http;

namespace Mobility.Server.Jobs;

/// <summary>The words of a failed job's problem code (<see cref="Codes.Problem"/>), from its stored parameters, in the
/// requester's language (<see cref="CodeTexts"/>).</summary>
public static class JobProblems
{
    /// <summary>The import's refusal, under the name the import code gives it.</summary>
    public const string ImportRefused = Codes.Problem.ImportRefused;

    public static (string Title, string? Detail) Describe(string code, JsonElement? parameters, string language)
    {
        var known = CodeTexts.HasProblem(code) ? code : Codes.Problem.JobFailed;
        var words = new Dictionary<string, object?>();
        if (parameters is { ValueKind: JsonValueKind.Object } stored)
            foreach (var parameter in stored.EnumerateObject()) words[parameter.Name] = parameter.Value;
        // A refused import is said with the number of its bad lines, which the parameters list.
        if (known == Codes.Problem.ImportRefused)
            words["errors"] = words.GetValueOrDefault("lineErrors") is JsonElement { ValueKind: JsonValueKind.Array } lines ? lines.GetArrayLength() : 0;
        return CodeTexts.Problem(known, language, words);
    }
}
