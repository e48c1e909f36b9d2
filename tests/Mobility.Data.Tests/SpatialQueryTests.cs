using Microsoft.EntityFrameworkCore;
using Mobility.Data.Queries;

namespace Mobility.Data.Tests;

public class SpatialQueryTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    [Fact]
    public async Task Employees_within_N_km_of_a_site_are_those_whose_home_is_closer_than_N_km()
    {
        await using var context = database.NewContext();
        var (_, company, plant, _) = await Sample.NetworkAsync(context, "near");
        // Plant at 48.8156 N, 7.7905 E. One degree of latitude is about 111.2 km: 0.018 deg is about 2.0 km.
        context.AddRange(
            Sample.Employee(company, plant, "at-1km", 48.8156 + 0.009, 7.7905),
            Sample.Employee(company, plant, "at-2km-north", 48.8156 + 0.0180, 7.7905),
            Sample.Employee(company, plant, "at-4km", 48.8156 - 0.036, 7.7905),
            Sample.Employee(company, plant, "at-20km", 48.8156 + 0.18, 7.7905));
        await context.SaveChangesAsync();

        var withinThreeKm = await context.Employees.WithinMetresOfSite(plant, 3_000)
            .Select(e => e.ExternalId).OrderBy(id => id).ToListAsync();
        Assert.Equal(["at-1km", "at-2km-north"], withinThreeKm);

        var withinOneAndAHalfKm = await context.Employees.WithinMetresOfSite(plant, 1_500).Select(e => e.ExternalId).ToListAsync();
        Assert.Equal(["at-1km"], withinOneAndAHalfKm);
    }

    [Fact]
    public async Task The_distance_query_is_answered_by_the_geography_index()
    {
        await using var context = database.NewContext();
        var (_, _, plant, _) = await Sample.NetworkAsync(context, "sql");
        var sql = context.Employees.WithinMetresOfSite(plant, 1000).ToQueryString();
        await using var connection = await database.DataSource.OpenConnectionAsync();
        // With sequential scans off, the planner shows whether an index can serve the query at all.
        await using (var off = new Npgsql.NpgsqlCommand("SET enable_seqscan = off", connection))
            await off.ExecuteNonQueryAsync();
        var parameterised = sql[(sql.IndexOf("SELECT", StringComparison.Ordinal))..];
        var declarations = sql[..sql.IndexOf("SELECT", StringComparison.Ordinal)];
        await using var explain = new Npgsql.NpgsqlCommand("EXPLAIN " + Inline(parameterised, declarations), connection);
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(0));
        Assert.Contains(plan, line => line.Contains("ix_employees_home_geography"));
    }

    /// <summary>ToQueryString prints parameters as "-- @name='value'" lines; put the values in for EXPLAIN.</summary>
    private static string Inline(string sql, string declarations)
    {
        foreach (var line in declarations.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var text = line.Trim();
            if (!text.StartsWith("-- @", StringComparison.Ordinal)) continue;
            var equals = text.IndexOf('=');
            var name = text[3..equals];
            var value = text[(equals + 1)..];
            var annotation = value.IndexOf(" (DbType", StringComparison.Ordinal);
            if (annotation > 0) value = value[..annotation];
            if (value.Contains("POINT", StringComparison.Ordinal))
                value = $"ST_GeomFromText({value}, 4326)";
            sql = sql.Replace(name, value);
        }
        return sql;
    }
}
