using Mobility.Routing.Graphs;

namespace Mobility.Routing.Algorithms.Search;

/// <summary>
/// Finds the largest strongly connected component: the part of the network where every vertex can reach every
/// other. Snapping only lands there, so a point is never stuck on an island or a one-way dead end.
/// Kosaraju's algorithm, iterative so that large graphs do not overflow the stack.
/// </summary>
public static class StronglyConnectedComponents
{
    public static bool[] Largest(DirectedGraph graph)
    {
        var n = graph.VertexCount;
        var order = new List<int>(n);
        var visited = new bool[n];
        var stack = new Stack<(int Vertex, int NextArc)>();
        for (var root = 0; root < n; root++)
        {
            if (visited[root]) continue;
            visited[root] = true;
            stack.Push((root, graph.FirstOut[root]));
            while (stack.Count > 0)
            {
                var (vertex, arc) = stack.Pop();
                if (arc < graph.FirstOut[vertex + 1])
                {
                    stack.Push((vertex, arc + 1));
                    var head = graph.Head[arc];
                    if (!visited[head])
                    {
                        visited[head] = true;
                        stack.Push((head, graph.FirstOut[head]));
                    }
                }
                else order.Add(vertex);
            }
        }

        var reversed = graph.Reversed();
        var component = new int[n];
        Array.Fill(component, -1);
        var sizes = new List<int>();
        var pending = new Stack<int>();
        for (var i = n - 1; i >= 0; i--)
        {
            var root = order[i];
            if (component[root] >= 0) continue;
            var id = sizes.Count;
            var size = 0;
            component[root] = id;
            pending.Push(root);
            while (pending.Count > 0)
            {
                var vertex = pending.Pop();
                size++;
                for (var a = reversed.FirstOut[vertex]; a < reversed.FirstOut[vertex + 1]; a++)
                    if (component[reversed.Head[a]] < 0)
                    {
                        component[reversed.Head[a]] = id;
                        pending.Push(reversed.Head[a]);
                    }
            }
            sizes.Add(size);
        }
        var largest = sizes.Count == 0 ? -1 : sizes.IndexOf(sizes.Max());
        return component.Select(c => c == largest).ToArray();
    }
}
