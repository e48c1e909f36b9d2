using Mobility.Routing.Algorithms.Contracted;
using Mobility.Routing.Algorithms.Search;
using Mobility.Routing.Graphs;
using Mobility.Routing.Snapping;

namespace Mobility.Routing;

/// <summary>Everything one profile routes with: its graph, its largest strongly connected component, its hierarchy.</summary>
public sealed class ProfileRouter
{
    public required string Profile { get; init; }
    public required DirectedGraph Graph { get; init; }
    public required bool[] InLargestComponent { get; init; }
    public required ContractionHierarchy Hierarchy { get; init; }
    public required VertexSnapper Snapper { get; init; }

    public static ProfileRouter Build(RoadNetwork network, string profile, Action<string>? progress = null)
    {
        var graph = DirectedGraph.ForProfile(network, network.ProfileIndex(profile));
        var component = StronglyConnectedComponents.Largest(graph);
        progress?.Invoke($"{profile}: {graph.ArcCount:N0} arcs, {component.Count(c => c):N0} vertices in the largest component");
        var hierarchy = ContractionHierarchy.Build(graph, message => progress?.Invoke($"{profile}: {message}"));
        return new ProfileRouter
        {
            Profile = profile, Graph = graph, InLargestComponent = component, Hierarchy = hierarchy,
            Snapper = new VertexSnapper(network, component),
        };
    }
}
