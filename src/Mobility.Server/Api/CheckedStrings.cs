using System.Text.Json;
using System.Text.Json.Serialization;
using Mobility.Data;

namespace Mobility.Server.Api;

/// <summary>
/// Reads every string of every JSON body under <see cref="TextRules"/>, so that no endpoint can pass PostgreSQL a NUL or an
/// oversized key: the request fails at binding, before any handler runs, and <see cref="BadRequests"/> answers 400 with the field.
/// </summary>
public sealed class CheckedStrings : JsonConverter<string>
{
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString()!;
        if (text.Contains('\0'))
            throw new RefusedTextException("Le caractère NUL (\\u0000) n'est pas accepté. / The NUL character (\\u0000) is not accepted.");
        if (text.Length > TextRules.MaximumLength)
            throw new RefusedTextException($"Au plus {TextRules.MaximumLength} caractères. / At most {TextRules.MaximumLength} characters.");
        return text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>A JSON string refused by <see cref="CheckedStrings"/>; the serializer fills in <see cref="JsonException.Path"/>.</summary>
public sealed class RefusedTextException(string reason) : JsonException(reason)
{
    public string Reason { get; } = reason;

    /// <summary>The field as validation problems name it: "$.slots[0].name" is "slots[0].name".</summary>
    public string Field => Path is { } path ? path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$') : "";
}
