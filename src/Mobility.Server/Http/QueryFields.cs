using Mobility.Data;

namespace Mobility.Server.Http;

/// <summary>
/// Query parameters bind without the JSON rules (<see cref="JsonInput"/>): an enum binds from any integer ("kind=99") and text
/// from anything, so the handlers that take them check them here, as <see cref="DateField"/> checks dates.
/// </summary>
public static class QueryFields
{
    /// <summary>The validation problem for a search text with NUL or over its limit, or null when it is fine.</summary>
    public static IResult? TextProblem(string field, string? text, int maximumLength = TextRules.NameLength)
    {
        if (text is null || TextRules.Problem(text, maximumLength) is null) return null;
        var errors = new FieldErrors();
        if (text.Contains('\0')) errors.Add(field, Codes.Field.NulCharacter);
        else errors.Add(field, Codes.Field.TextTooLong, CodeParameters.Maximum(maximumLength));
        return errors.Problem();
    }

    /// <summary>The validation problem for a value the enum does not define, or null when it is fine.</summary>
    public static IResult? EnumProblem<T>(string field, T? value) where T : struct, Enum
    {
        if (value is not { } given || Enum.IsDefined(given)) return null;
        var errors = new FieldErrors();
        errors.Add(field, Codes.Field.UnknownChoice, CodeParameters.Allowed(Enum.GetNames<T>()));
        return errors.Problem();
    }
}
