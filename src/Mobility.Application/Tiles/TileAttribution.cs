namespace Mobility.Application.Tiles;

/// <summary>The credit the ODbL asks of every map made from OpenStreetMap data.</summary>
public static class TileAttribution
{
    public const string Text = "© OpenStreetMap contributors (ODbL)";
}
