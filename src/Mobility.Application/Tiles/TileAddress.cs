using Mobility.Routing;

namespace Mobility.Application.Tiles;

/// <summary>
/// A tile of the web-mercator grid as web maps count them (XYZ: row 0 at the north). MBTiles files count rows from
/// the south (TMS), so <see cref="TmsRow"/> is the row a file stores this tile under.
/// </summary>
public readonly record struct TileAddress(int Z, int X, int Y)
{
    /// <summary>Past zoom 30 the grid no longer fits in an int; no map goes near it.</summary>
    public const int MaxZoom = 30;

    public bool IsValid => Z is >= 0 and <= MaxZoom && X >= 0 && Y >= 0 && X < 1L << Z && Y < 1L << Z;

    public int TmsRow => (int)((1L << Z) - 1 - Y);

    public static TileAddress FromTmsRow(int z, int column, int tmsRow) => new(z, column, (int)((1L << z) - 1 - tmsRow));

    /// <summary>The tile at zoom <paramref name="z"/> that holds <paramref name="place"/>.</summary>
    public static TileAddress Containing(GeoPoint place, int z)
    {
        var n = 1L << z;
        var latitude = Math.Clamp(place.Latitude, -85.0511, 85.0511) * Math.PI / 180;
        var x = (long)Math.Floor((place.Longitude + 180) / 360 * n);
        var y = (long)Math.Floor((1 - Math.Log(Math.Tan(latitude) + 1 / Math.Cos(latitude)) / Math.PI) / 2 * n);
        return new TileAddress(z, (int)Math.Clamp(x, 0, n - 1), (int)Math.Clamp(y, 0, n - 1));
    }

    /// <summary>The north-west corner of the tile; the south-east one is that of the tile at (X + 1, Y + 1).</summary>
    public GeoPoint NorthWest
    {
        get
        {
            var n = (double)(1L << Z);
            var longitude = X / n * 360 - 180;
            var latitude = Math.Atan(Math.Sinh(Math.PI * (1 - 2 * Y / n))) * 180 / Math.PI;
            return new GeoPoint(latitude, longitude);
        }
    }
}
