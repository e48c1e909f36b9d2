using System.Globalization;
using System.IO.Compression;
using nietras.SeparatedValues;

namespace Mobility.Routing.Addresses;

/// <summary>An address file that cannot be read as what it claims to be (its columns, its coordinates).</summary>
public sealed class AddressSourceException(string message) : FormatException(message);

/// <summary>
/// The Base Adresse Nationale's published CSV (one file per département, <c>;</c>-separated, optionally gzipped as it
/// is published): <c>numero</c>, <c>rep</c> (bis, ter, a…), <c>nom_voie</c>, <c>code_postal</c>, <c>nom_commune</c>,
/// <c>lon</c>, <c>lat</c>, read by name in any order, other columns ignored. A <c>numero</c> of 99999 is the BAN's
/// mark of a named place without numbers (a lieu-dit): it becomes a street-level record. Rows without a street name or
/// with coordinates that are no position are skipped (counted).
/// </summary>
public static class BanAddresses
{
    private static readonly string[] Required = ["numero", "nom_voie", "code_postal", "nom_commune", "lon", "lat"];
    private const string NoNumber = "99999";

    public static AddressSource Read(string csvFile)
    {
        if (!File.Exists(csvFile)) throw new FileNotFoundException($"No such BAN file: {Path.GetFullPath(csvFile)}", csvFile);
        using var file = File.OpenRead(csvFile);
        using Stream stream = csvFile.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = Sep.New(';').Reader(o => o with { Unescape = true }).From(stream);
        var missing = Required.Where(name => !reader.Header.TryIndexOf(name, out _)).ToList();
        if (missing.Count > 0)
            throw new AddressSourceException($"{csvFile} is not a BAN address file: it lacks the column(s) {string.Join(", ", missing)} " +
                "(expected a ';'-separated file with numero, rep, nom_voie, code_postal, nom_commune, lon, lat).");
        var hasSuffix = reader.Header.TryIndexOf("rep", out var suffixColumn);
        var records = new List<AddressRecord>();
        var skipped = 0;
        foreach (var row in reader)
        {
            var street = row["nom_voie"].ToString().Trim();
            if (street.Length == 0
                || !double.TryParse(row["lon"].Span, NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude)
                || !double.TryParse(row["lat"].Span, NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude)
                || new GeoPoint(latitude, longitude) is not { IsValid: true } position)
            {
                skipped++;
                continue;
            }
            var number = row["numero"].ToString().Trim();
            var suffix = hasSuffix ? row[suffixColumn].ToString().Trim() : "";
            var houseNumber = number.Length == 0 || number == NoNumber ? null
                : suffix.Length == 0 ? number
                : suffix.Length == 1 ? number + suffix.ToUpperInvariant()
                : $"{number} {suffix.ToLowerInvariant()}";
            records.Add(new AddressRecord(houseNumber, street, Blank(row["code_postal"].ToString()), Blank(row["nom_commune"].ToString()), position));
        }
        return new AddressSource(records, skipped);
    }

    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
