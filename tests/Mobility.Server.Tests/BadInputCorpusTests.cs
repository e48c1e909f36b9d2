using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Mobility.Data;
using Mobility.Data.Model;
using Xunit.Abstractions;

namespace Mobility.Server.Tests;

/// <summary>
/// Bad input generated from the server's own OpenAPI document, so that a new endpoint or field is covered without editing
/// this test: for every operation with a JSON body or query parameters, malformed bodies and, field by field, wrong types,
/// NUL and over-long strings, overflowing and negative numbers, undefined enum values, dates at the calendar's ends and
/// implausible coordinates, sent as each role. Each answer must be a 4xx, and after each the database must be as it was.
/// </summary>
public sealed class BadInputCorpusTests(TwoNetworkServer server, ITestOutputHelper output) : IClassFixture<TwoNetworkServer>
{
    /// <summary>Logout and a password change end the caller's sessions by design: walking them would sign the test out.</summary>
    private static readonly string[] Skipped = ["/api/auth/logout", "/api/auth/password"];

    private static readonly string[] Accounts = ["admin", "hr.alpha", "wg.nord", "anne"];

    private sealed record Case(string Method, string Path, string? Body, string What)
    {
        public string Operation => $"{Method} {Path.Split('?')[0]}";
    }

    [Fact]
    public async Task Every_bad_input_of_every_operation_is_a_4xx_for_every_role_and_writes_nothing()
    {
        long roster;
        await using (var seed = server.NewContext())
        {
            // A roster Alpha owns, so that HR reaches the roster endpoints' validation instead of a 403.
            var pattern = TwoNetworkServer.EveryDay(server.Nord, "CORPUS-ROSTER", new TimeOnly(6, 0), new TimeOnly(14, 0));
            pattern.OwnerCompanyId = server.Alpha;
            seed.Add(pattern);
            await seed.SaveChangesAsync();
            roster = pattern.Id;
        }
        var ids = new Dictionary<string, long>
        {
            ["networkId"] = server.Nord, ["companyId"] = server.Alpha, ["siteId"] = server.AlphaPlant, ["mainSiteId"] = server.AlphaPlant,
            ["employeeId"] = server.AlphaTwo, ["shiftPatternId"] = roster, ["accountId"] = server.BertaAccount, ["groupId"] = server.AlphaGroup,
            ["planId"] = server.SudPlan,
        };
        using var anonymous = server.Factory.CreateClient();
        var document = JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json"))!;
        var cases = new Corpus(document, ids).Cases().ToList();

        await using var database = server.NewContext();
        var measure = await FingerprintAsync(database);
        var fingerprint = await measure();
        var failures = new List<string>();
        var sent = 0;
        var operations = new HashSet<string>();
        foreach (var account in Accounts)
        {
            using var client = await server.ClientAsync($"{account}@test.local");
            var forbidden = new HashSet<string>();
            foreach (var request in cases)
            {
                // Authorization comes before a body or query is read: once an operation is forbidden to the role, its other cases are too.
                if (forbidden.Contains(request.Operation)) continue;
                using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Path)
                {
                    Content = request.Body is null ? null : new StringContent(request.Body, Encoding.UTF8, "application/json"),
                };
                using var response = await client.SendAsync(message);
                if (response.StatusCode == HttpStatusCode.Forbidden) forbidden.Add(request.Operation);
                sent++;
                operations.Add(request.Operation);
                var status = (int)response.StatusCode;
                var where = $"{account} {request.Method} {request.Path[..Math.Min(request.Path.Length, 120)]} {request.What}";
                if (status is < 400 or >= 500)
                {
                    var body = await response.Content.ReadAsStringAsync();
                    failures.Add($"{status} {where}: {body[..Math.Min(body.Length, 200)]}");
                }
                if (response.StatusCode == HttpStatusCode.Unauthorized && !request.Path.StartsWith("/api/auth/", StringComparison.Ordinal))
                    failures.Add($"{where}: the test's own session ended");
                var after = await measure();
                if (after != fingerprint && status is >= 400 and < 500) failures.Add($"{where}: refused with {status} but the database changed");
                fingerprint = after;
            }
        }
        output.WriteLine($"{sent} requests over {operations.Count} operations, {failures.Count} failures");
        Assert.True(sent >= 300, $"only {sent} requests");
        Assert.True(operations.Count >= 20, $"only {operations.Count} operations: {string.Join(", ", operations)}");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent}:\n" + string.Join("\n", failures.Take(60)));
    }

    private static readonly string[] Tables = ["networks", "companies", "sites", "employees", "shift_patterns", "shift_slots",
        "shift_assignments", "shift_exceptions", "carpool_groups", "carpool_members", "shuttle_plans", "user_accounts"];

    /// <summary>
    /// Row counts of the main tables, the sum of their row versions (xmin: any insert, update or delete changes it), and a hash
    /// of the employees' and sites' rows; one prepared statement, so checking after each of thousands of requests stays cheap.
    /// </summary>
    private static async Task<Func<Task<string>>> FingerprintAsync(MobilityDbContext database)
    {
        var connection = (Npgsql.NpgsqlConnection)database.Database.GetDbConnection();
        await connection.OpenAsync();
        var counts = string.Join(", ", Tables.Select(t => $"(SELECT count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) FROM {t})"));
        var command = new Npgsql.NpgsqlCommand($"""
            SELECT concat_ws('|', {counts},
                (SELECT md5(string_agg(e::text, ',' ORDER BY e.id)) FROM employees e),
                (SELECT md5(string_agg(s::text, ',' ORDER BY s.id)) FROM sites s))
            """, connection);
        await command.PrepareAsync();
        return async () => (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Reads the OpenAPI document into requests: a plausible body per operation, then one bad value at a time.</summary>
    private sealed class Corpus(JsonNode document, IReadOnlyDictionary<string, long> ids)
    {
        private int _serial;

        public IEnumerable<Case> Cases()
        {
            foreach (var (path, item) in document["paths"]!.AsObject())
            {
                if (Skipped.Contains(path)) continue;
                foreach (var (method, operationNode) in item!.AsObject())
                {
                    var operation = operationNode!.AsObject();
                    var parameters = operation["parameters"]?.AsArray().Select(p => p!.AsObject()).ToList() ?? [];
                    var filled = parameters.Where(p => (string?)p["in"] == "path")
                        .Aggregate(path, (p, parameter) => p.Replace($"{{{parameter["name"]}}}", Text(Sample((string)parameter["name"]!, Resolve(parameter["schema"])))));
                    var verb = method.ToUpperInvariant();
                    var query = parameters.Where(p => (string?)p["in"] == "query").ToList();
                    foreach (var parameter in query)
                    {
                        var name = (string)parameter["name"]!;
                        var required = query.Where(q => q != parameter && q["required"]?.GetValue<bool>() == true)
                            .Select(q => $"{q["name"]}={Uri.EscapeDataString(Text(Sample((string)q["name"]!, Resolve(q["schema"]))))}");
                        foreach (var bad in BadValues(name, Resolve(parameter["schema"]), inQuery: true))
                        {
                            var text = Text(bad);
                            var body = operation["requestBody"] is null ? null : Sample("body", BodySchema(operation))?.ToJsonString();
                            yield return new Case(verb, $"{filled}?{string.Join('&', required.Append($"{name}={Uri.EscapeDataString(text)}"))}", body,
                                $"query {name}={text[..Math.Min(text.Length, 40)]}");
                        }
                    }
                    if (BodySchema(operation) is not { } schema) continue;
                    foreach (var malformed in (string[])["", "{", "not json", "[]", "null", "123", "\"text\"", "{\"a\":1,}", new string('[', 100) + new string(']', 100)])
                        yield return new Case(verb, filled, malformed, $"body {malformed[..Math.Min(malformed.Length, 20)]}");
                    foreach (var (field, bad) in Mutations(schema, "", 0))
                        yield return new Case(verb, filled, bad, $"{field}");
                }
            }
        }

        private JsonObject? BodySchema(JsonObject operation) =>
            operation["requestBody"]?["content"]?["application/json"]?["schema"] is { } schema ? Resolve(schema) : null;

        /// <summary>Every body that is the plausible one with one field made bad, named by the field's path.</summary>
        private IEnumerable<(string Field, string Body)> Mutations(JsonObject schema, string prefix, int depth)
        {
            if (schema["properties"] is not JsonObject properties || depth > 2) yield break;
            foreach (var (name, propertySchema) in properties)
            {
                var property = Resolve(propertySchema);
                var field = prefix.Length == 0 ? name : $"{prefix}.{name}";
                foreach (var bad in BadValues(name, property))
                {
                    var body = (JsonObject)Sample("body", schema)!;
                    body[name] = bad?.DeepClone();
                    yield return ($"{field}={Short(bad)}", body.ToJsonString());
                }
                var inner = property["properties"] is not null ? property : property["items"] is { } items ? Resolve(items) : null;
                if (inner?["properties"] is null) continue;
                foreach (var (innerField, innerBody) in Mutations(inner, field, depth + 1))
                {
                    var body = (JsonObject)Sample("body", schema)!;
                    var mutated = JsonNode.Parse(innerBody);
                    body[name] = property["items"] is not null ? new JsonArray(mutated) : mutated;
                    yield return (innerField, body.ToJsonString());
                }
            }
        }

        /// <summary>A value as a path segment or query parameter carries it: strings unquoted.</summary>
        private static string Text(JsonNode? value) =>
            value is JsonValue scalar && scalar.TryGetValue<string>(out var text) ? text : value?.ToJsonString() ?? "";

        private static string Short(JsonNode? value) => value?.ToJsonString() is { } text ? text[..Math.Min(text.Length, 30)] : "null";

        /// <summary>Values no field of this type may take; semantic ones (-1, the largest integer) only where no rule could ignore them.</summary>
        /// <param name="inQuery">A query parameter is text: "123" or "{}" is a fine search there, so only NUL and length count.</param>
        private static IEnumerable<JsonNode?> BadValues(string name, JsonObject schema, bool inQuery = false)
        {
            var types = Types(schema);
            if (schema["enum"] is not null)
                return [99, "99", -1, "NoSuchValue", 1.5, true];
            if (types.Contains("integer") && types.Contains("string") && schema["format"] is null) // a [Flags] enum
                return [128, -1, 99999, "Funday", "Monday, Funday", true];
            if (name == "coordinates")
                return [new JsonArray(0, 0), new JsonArray(48.83, 7.75), new JsonArray(200, 100), new JsonArray(-3.70, 40.42), new JsonArray(7.75),
                    new JsonArray(), new JsonArray(7.75, 48.83, 1), "7.75,48.83"];
            if (schema["properties"] is not null) return ["x", 5, new JsonArray(), true];
            if (types.Contains("array")) return ["x", 5, new JsonObject(), new JsonArray(JsonValue.Create(new string('x', 5000)))];
            if (types.Contains("boolean")) return ["yes", 2, new JsonObject()];
            if (types.Contains("integer"))
                return ((string?)schema["format"] == "int64"
                        ? new JsonNode?[] { JsonNode.Parse("9223372036854775808"), JsonNode.Parse("-9223372036854775809") }
                        : [2147483648L, -2147483649L])
                    .Concat(["abc", 1.5, JsonNode.Parse("1e30"), true, new JsonObject()])
                    .Concat(name.EndsWith("Id", StringComparison.Ordinal) || name == "after" ? [] : [-1, int.MaxValue]);
            if (types.Contains("number")) return ["abc", JsonNode.Parse("1e400"), -1e308, 1e308, -1, true];
            return (string?)schema["format"] switch
            {
                "date" => ["9999-12-31", "0001-01-01", "2026-02-30", "tomorrow", 20261102],
                "time" => ["25:00", "12:61", "noon", 600],
                _ when inQuery => ["with\u0000nul", new string('x', (schema["maxLength"]?.GetValue<int>() ?? 100) + 1)],
                _ => ["with\u0000nul", new string('x', (schema["maxLength"]?.GetValue<int>() ?? 4000) + 1), "x".PadRight(100_000, 'x'), 123,
                    new JsonObject()],
            };
        }

        /// <summary>A value of the schema that the server would accept, as far as the document tells and names hint.</summary>
        private JsonNode? Sample(string name, JsonObject? schema)
        {
            if (schema is null) return null;
            if (ids.TryGetValue(name, out var id)) return id;
            var types = Types(schema);
            if (schema["enum"] is JsonArray values) return values[0]!.DeepClone();
            if (types.Contains("integer") && types.Contains("string") && schema["format"] is null) return nameof(WorkDays.Monday);
            if (schema["properties"] is JsonObject properties)
            {
                if (properties.ContainsKey("coordinates")) return new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(7.75, 48.83) };
                var result = new JsonObject();
                foreach (var (property, propertySchema) in properties) result[property] = Sample(property, Resolve(propertySchema));
                return result;
            }
            if (types.Contains("array")) return new JsonArray(Sample(name, schema["items"] is { } items ? Resolve(items) : null));
            if (types.Contains("boolean")) return false;
            if (types.Contains("integer")) return name is "week" or "rotationOffsetWeeks" or "seatsOffered" ? 0 : 1;
            if (types.Contains("number")) return 1.5;
            return (string?)schema["format"] switch
            {
                "date" => "2026-11-02",
                "time" => "06:00",
                _ => name switch
                {
                    "externalId" => $"CORPUS-{++_serial}",
                    "email" => $"corpus{++_serial}@test.local",
                    "timeZone" => "Europe/Paris",
                    "preferredLanguage" => "fr",
                    "type" => "Point",
                    _ => "Corpus",
                },
            };
        }

        private static HashSet<string> Types(JsonObject schema) => schema["type"] switch
        {
            JsonArray array => array.Select(t => (string)t!).ToHashSet(),
            JsonValue value => [(string)value!],
            _ => [],
        };

        /// <summary>The schema itself: a $ref followed, the non-null side of a nullable oneOf.</summary>
        private JsonObject Resolve(JsonNode? schema)
        {
            var node = schema?.AsObject() ?? new JsonObject();
            if (node["$ref"] is { } reference) return Resolve(document["components"]!["schemas"]![((string)reference!).Split('/')[^1]]);
            if ((node["oneOf"] ?? node["anyOf"]) is JsonArray options)
                return Resolve(options.First(o => (string?)o!["type"] != "null"));
            return node;
        }
    }
}
