using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Mobility.Data;

namespace Mobility.Server.Http;

/// <summary>
/// How every JSON body is read: strings under <see cref="TextRules"/> (a field marked [MaxLength] under its own limit, the rest
/// under the general one) and enums by <see cref="DefinedEnums"/>. A value refused here fails the request at binding, before
/// any handler runs, and <see cref="BadRequests"/> answers 400 with the field.
/// </summary>
public static class JsonInput
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new DefinedEnums());
        options.Converters.Add(new CheckedStrings(TextRules.MaximumLength));
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(ApplyLengths);
    }

    /// <summary>
    /// The OpenAPI document describes a value read by a custom converter as "anything"; these are strings and enums, so it says
    /// so again (the maxLength of a [MaxLength] field is kept), as clients and the bad-input corpus test read it.
    /// </summary>
    public static void Describe(OpenApiOptions options) => options.AddSchemaTransformer((schema, context, _) =>
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        var nullable = context.JsonPropertyInfo?.IsSetNullable == true ? JsonSchemaType.Null : 0;
        if (type == typeof(string)) schema.Type = JsonSchemaType.String | nullable;
        else if (type.IsEnum && type.IsDefined(typeof(FlagsAttribute), inherit: false))
        {
            schema.Type = JsonSchemaType.String | JsonSchemaType.Integer;
            schema.Description = $"Names separated by commas, or their sum: {string.Join(", ", Enum.GetNames(type))}.";
        }
        else if (type.IsEnum)
        {
            schema.Type = JsonSchemaType.String;
            schema.Enum = Enum.GetNames(type).Select(name => (JsonNode)JsonValue.Create(name)).ToList();
        }
        return Task.CompletedTask;
    });

    /// <summary>The [MaxLength] of an input record's property (the OpenAPI document shows it as maxLength) is the one its reader enforces.</summary>
    private static void ApplyLengths(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
            if (property.PropertyType == typeof(string)
                && property.AttributeProvider?.GetCustomAttributes(typeof(MaxLengthAttribute), inherit: true) is [MaxLengthAttribute limit, ..])
                property.CustomConverter = new CheckedStrings(limit.Length);
    }
}

/// <summary>A JSON string under a length limit and without NUL, which PostgreSQL cannot store.</summary>
public sealed class CheckedStrings(int maximumLength) : JsonConverter<string>
{
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) throw new RefusedValueException(Codes.Field.StringExpected);
        var text = reader.GetString()!;
        if (text.Contains('\0')) throw new RefusedValueException(Codes.Field.NulCharacter);
        if (text.Length > maximumLength)
            throw new RefusedValueException(Codes.Field.TextTooLong, CodeParameters.Maximum(maximumLength));
        return text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>
/// Enums by name, as the API documents them, or by number, but only values the enum defines: System.Text.Json's own converter
/// takes any integer (a site of kind 99, an account of role 99), which the rest of the product cannot handle. A [Flags] enum
/// (<see cref="Data.Model.WorkDays"/>) takes any combination of its defined flags and nothing else.
/// </summary>
public sealed class DefinedEnums : JsonConverterFactory
{
    private readonly JsonStringEnumConverter _names = new();

    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(DefinedEnum<>).MakeGenericType(typeToConvert), _names.CreateConverter(typeToConvert, options))!;

    private sealed class DefinedEnum<T>(JsonConverter inner) : JsonConverter<T> where T : struct, Enum
    {
        private static readonly bool IsFlags = typeof(T).IsDefined(typeof(FlagsAttribute), inherit: false);
        private static readonly long AllFlags = Enum.GetValues<T>().Aggregate(0L, (all, value) => all | Convert.ToInt64(value));
        private static readonly string[] Names = Enum.GetNames<T>();

        private readonly JsonConverter<T> _inner = (JsonConverter<T>)inner;

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            T value;
            try { value = _inner.Read(ref reader, typeToConvert, options); }
            catch (JsonException) { throw Refused(); }
            catch (InvalidOperationException) { throw Refused(); }
            var defined = IsFlags ? (Convert.ToInt64(value) & ~AllFlags) == 0 : Enum.IsDefined(value);
            return defined ? value : throw Refused();
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => _inner.Write(writer, value, options);

        private static RefusedValueException Refused() =>
            new(IsFlags ? Codes.Field.UnknownCombination : Codes.Field.UnknownChoice, CodeParameters.Allowed(Names));
    }
}

/// <summary>A JSON value refused by <see cref="CheckedStrings"/> or <see cref="DefinedEnums"/>, as a code of <see cref="Codes.Field"/>
/// with its parameters; the serializer fills in <see cref="JsonException.Path"/>.</summary>
public sealed class RefusedValueException(string code, IReadOnlyDictionary<string, object?>? parameters = null) : JsonException(code)
{
    public string Code { get; } = code;
    public IReadOnlyDictionary<string, object?> Parameters { get; } = parameters ?? new Dictionary<string, object?>();

    /// <summary>The field as validation problems name it: "$.slots[0].name" is "slots[0].name".</summary>
    public string Field => Path is { } path ? path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$') : "";
}
