namespace Mobility.Server.Addresses;

/// <summary>Configuration `Addresses:…`: the index file the server loads at start, and how often one account may search.</summary>
public sealed class AddressOptions
{
    public const string Section = "Addresses";

    /// <summary>The file `mobility addresses build` prints (./run.sh sets it for the demo extract); none: no address search.</summary>
    public string? File { get; set; }

    /// <summary>A form that suggests while the person types sends a search every few keystrokes.</summary>
    public int SearchesPerAccountPerMinute { get; set; } = 120;
}
