using OsmSharp.Tags;

namespace Mobility.Routing.Osm;

/// <summary>
/// The tags of one OSM object. While a file streams they are read in place (most objects are not kept, so nothing is
/// copied); a kept node or way holds its own copy. Either way the same predicates read them.
/// </summary>
public readonly struct OsmTags
{
    private readonly TagsCollectionBase? _streamed;
    private readonly IReadOnlyDictionary<string, string>? _kept;

    internal OsmTags(TagsCollectionBase streamed) => _streamed = streamed;

    public OsmTags(IReadOnlyDictionary<string, string> tags) => _kept = tags;

    public string? this[string key] =>
        _streamed is not null ? (_streamed.TryGetValue(key, out var value) ? value : null) : _kept?.GetValueOrDefault(key);

    public bool Has(string key) => _streamed?.ContainsKey(key) ?? _kept?.ContainsKey(key) ?? false;

    /// <summary>A copy that no longer refers to the streamed object.</summary>
    internal OsmTags Keep()
    {
        if (_streamed is null) return this;
        var copy = new Dictionary<string, string>(_streamed.Count);
        foreach (var tag in _streamed) copy[tag.Key] = tag.Value;
        return new OsmTags(copy);
    }
}
