using System.Globalization;
using Mobility.Routing;

namespace Mobility.Cli;

/// <summary>A point of a matrix file: its name in the file (its number when the file has no id column) and where it is.</summary>
public sealed record MatrixPoint(string Id, GeoPoint Position);

/// <summary>
/// Reads the points of <c>mobility routing matrix</c> as users' files have them: bare <c>latitude,longitude</c> lines, or a
/// header naming the columns (<c>id,lat,lon</c>, <c>name;latitude;longitude</c>, in any order, other columns ignored),
/// separated by commas, semicolons or tabs.
/// </summary>
public static class MatrixPoints
{
    private static readonly string[] IdNames = ["id", "name", "nom", "identifiant", "code"];
    private static readonly string[] LatitudeNames = ["lat", "latitude", "y"];
    private static readonly string[] LongitudeNames = ["lon", "lng", "long", "longitude", "x"];

    public static List<MatrixPoint> Read(FileInfo file)
    {
        if (!file.Exists) throw new FileNotFoundException($"No such file: {file.FullName}", file.FullName);
        var lines = File.ReadAllLines(file.FullName).Select((text, index) => (Text: text.Trim(), Number: index + 1))
            .Where(l => l.Text.Length > 0).ToList();
        if (lines.Count == 0) throw new FormatException($"{file.Name} holds no points.");
        var separator = new[] { '\t', ';', ',' }.FirstOrDefault(c => lines[0].Text.Contains(c), ',');
        string[] Fields(string line) => line.Split(separator).Select(f => f.Trim().Trim('"').Trim()).ToArray();

        var first = Fields(lines[0].Text);
        var hasHeader = !double.TryParse(first[0], NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        int idColumn = -1, latitudeColumn = 0, longitudeColumn = 1;
        if (hasHeader)
        {
            int Find(string[] names) => Array.FindIndex(first, f => names.Contains(f.ToLowerInvariant()));
            (idColumn, latitudeColumn, longitudeColumn) = (Find(IdNames), Find(LatitudeNames), Find(LongitudeNames));
            if (latitudeColumn < 0 || longitudeColumn < 0)
                throw new FormatException($"{file.Name}: the header ({string.Join(separator, first)}) names no " +
                    $"{(latitudeColumn < 0 ? "latitude (lat, latitude)" : "longitude (lon, lng, longitude)")} column.");
            lines.RemoveAt(0);
        }
        return lines.Select((line, index) =>
        {
            var fields = Fields(line.Text);
            string Field(int column) => column < fields.Length ? fields[column] : "";
            if (!TryCoordinate(Field(latitudeColumn), 90, out var latitude) || !TryCoordinate(Field(longitudeColumn), 180, out var longitude))
                throw new FormatException($"{file.Name}, line {line.Number}: '{line.Text}' has no latitude and longitude " +
                    $"(columns {latitudeColumn + 1} and {longitudeColumn + 1}, e.g. 49.4093{separator}8.6939).");
            var id = idColumn >= 0 && Field(idColumn).Length > 0 ? Field(idColumn) : index.ToString(CultureInfo.InvariantCulture);
            return new MatrixPoint(id, new GeoPoint(latitude, longitude));
        }).ToList();
    }

    private static bool TryCoordinate(string text, double limit, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && Math.Abs(value) <= limit;
}
