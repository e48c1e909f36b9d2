using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Mobility.Data;

/// <summary>
/// Inserts many new rows of one entity type with PostgreSQL's binary COPY, inside the context's transaction. A planning run
/// for a whole network stores tens of thousands of rows (groups, members, messages, trips without a group), which
/// SaveChanges takes seconds to write as INSERT statements, holding the date meanwhile. The table, its columns and their
/// conversions are read from the EF model, so a property added to an entity is copied as SaveChanges would store it.
/// </summary>
/// <remarks>The rows are not tracked. A key the database generates is allocated first from its column's sequence and set on
/// each row, so that the caller can point the dependent rows at it before copying them.</remarks>
public static class BulkInsert
{
    public static async Task InsertAsync<T>(this MobilityDbContext database, IReadOnlyList<T> rows, CancellationToken cancellation) where T : class
    {
        if (rows.Count == 0) return;
        if (database.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Rows are copied inside the transaction of the change they belong to.");
        var entity = database.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var tableName = entity.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped to a table.");
        var table = StoreObjectIdentifier.Table(tableName, entity.GetSchema());
        var columns = entity.GetProperties().Select(p => (Property: p, Name: p.GetColumnName(table))).Where(c => c.Name is not null).ToList();
        if (columns.FirstOrDefault(c => c.Property.IsShadowProperty()) is { Property: { } shadow })
            throw new InvalidOperationException($"{typeof(T).Name}.{shadow.Name} is a shadow property: its value is not on the row to copy.");

        if (entity.FindPrimaryKey()?.Properties is [{ ValueGenerated: ValueGenerated.OnAdd, ClrType: var keyType } key] && keyType == typeof(long))
            await AllocateKeysAsync(database, rows, key, tableName, table, cancellation);

        var writers = columns.Select(c => WriterOf(c.Property)).ToList();
        var connection = (NpgsqlConnection)database.Database.GetDbConnection();
        var copy = $"COPY {Quoted(tableName, entity.GetSchema())} ({string.Join(", ", columns.Select(c => Quote(c.Name!)))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellation);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellation);
            foreach (var write in writers) await write(importer, row, cancellation);
        }
        await importer.CompleteAsync(cancellation);
    }

    /// <summary>Sets a key from the column's sequence on every row that has none yet.</summary>
    private static async Task AllocateKeysAsync<T>(MobilityDbContext database, IReadOnlyList<T> rows, IProperty key, string tableName,
        StoreObjectIdentifier table, CancellationToken cancellation) where T : class
    {
        var getter = key.GetGetter();
        var needing = rows.Where(r => (long)getter.GetClrValueUsingContainingEntity(r)! == 0).ToList();
        if (needing.Count == 0) return;
        var qualified = Quoted(tableName, table.Schema);
        var column = key.GetColumnName(table)!;
        var ids = await database.Database
            .SqlQuery<long>($"SELECT nextval(pg_get_serial_sequence({qualified}, {column})) AS \"Value\" FROM generate_series(1, {needing.Count})")
            .ToListAsync(cancellation);
        var property = key.PropertyInfo ?? throw new InvalidOperationException($"{typeof(T).Name}.{key.Name} has no property to set.");
        for (var i = 0; i < needing.Count; i++) property.SetValue(needing[i], ids[i]);
    }

    /// <summary>How one column's value is read from a row, converted as EF stores it and written in the column's type.</summary>
    private static Func<NpgsqlBinaryImporter, object, CancellationToken, Task> WriterOf(IProperty property)
    {
        var getter = property.GetGetter();
        var mapping = property.GetRelationalTypeMapping();
        var converter = mapping.Converter;
        // The store type without its modifiers: "character varying(40)" is written as "character varying",
        // "geometry (point, 4326)" as "geometry".
        var storeType = mapping.StoreType;
        var dataTypeName = (storeType.IndexOf('(') is var open and >= 0 ? storeType[..open] : storeType).Trim();
        return async (importer, row, cancellation) =>
        {
            var value = getter.GetClrValueUsingContainingEntity(row);
            if (value is not null && converter is not null) value = converter.ConvertToProvider(value);
            if (value is null) await importer.WriteNullAsync(cancellation);
            else await importer.WriteAsync(value, dataTypeName, cancellation);
        };
    }

    private static string Quoted(string name, string? schema) => schema is null ? Quote(name) : $"{Quote(schema)}.{Quote(name)}";

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}
