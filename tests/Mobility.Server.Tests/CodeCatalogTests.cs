using System.Reflection;
using Mobility.Data;
using Mobility.Server.Http;

namespace Mobility.Server.Tests;

/// <summary>The codes the API answers with (<see cref="Codes"/>) and the server's words for them (<see cref="CodeTexts"/>) are
/// the same list, each worded in French and in English with the same placeholders (the web app's tests check its own words
/// against the same catalog).</summary>
public sealed class CodeCatalogTests
{
    private static IEnumerable<string> Constants(Type type) => type.GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!);

    public static TheoryData<string> Kinds => new() { "problems", "fields", "decisions" };

    private static (IEnumerable<string> Defined, IReadOnlyCollection<string> Worded) Of(string kind) => kind switch
    {
        "problems" => (Constants(typeof(Codes.Problem)), CodeTexts.ProblemCodes),
        "fields" => (Constants(typeof(Codes.Field)), CodeTexts.FieldCodes),
        _ => (Constants(typeof(Codes.Decision)), CodeTexts.DecisionCodes),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_code_has_words_and_every_word_has_its_code(string kind)
    {
        var (defined, worded) = Of(kind);
        Assert.Equal(defined.Order(), worded.Order());
        Assert.All(defined, code => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", code));
    }

    [Fact]
    public void No_code_means_two_things()
    {
        var all = Constants(typeof(Codes.Problem)).Concat(Constants(typeof(Codes.Field))).Concat(Constants(typeof(Codes.Decision))).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
    }

    [Fact]
    public void Each_text_is_in_one_language_with_the_same_placeholders_in_both()
    {
        var texts = CodeTexts.ProblemCodes.Select(code => (code, Words: (Func<string, string>)(language =>
                CodeTexts.Problem(code, language) is var (title, detail) ? $"{title} {detail}" : "")))
            .Concat(CodeTexts.FieldCodes.Select(code => (code, Words: (Func<string, string>)(language => CodeTexts.Field(code, language)))))
            .Concat(CodeTexts.DecisionCodes.Select(code => (code, Words: (Func<string, string>)(language => CodeTexts.Decision(code, language)))));
        foreach (var (code, words) in texts)
        {
            var (french, english) = (words(RequestLanguage.French), words(RequestLanguage.English));
            Assert.NotEqual(french, english);
            Assert.Equal(CodeTexts.Placeholders(french).Order(), CodeTexts.Placeholders(english).Order());
            Assert.DoesNotMatch(BilingualSentence.Pattern, french);
            Assert.DoesNotMatch(BilingualSentence.Pattern, english);
            Assert.NotEqual(code, french);
        }
    }

    [Fact]
    public void Parameters_are_written_the_language_s_way()
    {
        var range = new Dictionary<string, object?> { ["minimum"] = 0.1, ["maximum"] = 5000 };
        Assert.Equal("Entre 0,1 et 5\u202f000.", CodeTexts.Field(Codes.Field.OutOfRange, RequestLanguage.French, range));
        Assert.Equal("Between 0.1 and 5,000.", CodeTexts.Field(Codes.Field.OutOfRange, RequestLanguage.English, range));
        Assert.Equal("One of: sick, other.",
            CodeTexts.Field(Codes.Field.UnknownChoice, RequestLanguage.English, CodeParameters.Allowed(new[] { "sick", "other" })));
    }
}

/// <summary>What an answer holding both languages looks like: a sentence, " / ", then another one ("Obligatoire. / Required.").</summary>
public static class BilingualSentence
{
    public const string Pattern = @"[\p{Ll}.!?)»'] / [\p{Lu}«'""]";
}
