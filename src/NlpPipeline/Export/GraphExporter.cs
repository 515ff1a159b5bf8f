using System.Text;
using NlpPipeline.Storage;

namespace NlpPipeline.Export;

/// <summary>Export formats of <c>nlp export</c>.</summary>
public enum GraphFormat
{
    JsonLd,
    Turtle,
    Neo4j,
    GraphMl,
}

/// <summary>One entry point for every export: loads the graph from a store and writes it into a folder.</summary>
public static class GraphExporter
{
    /// <summary>
    /// Writes <paramref name="format"/> files into <paramref name="directory"/> and returns their paths; quotes below
    /// <paramref name="minConfidence"/> are left out.
    /// </summary>
    public static IReadOnlyList<string> Export(
        SqliteAnnotationStore store, GraphFormat format, string directory, string baseIri = GraphIris.DefaultBase, double minConfidence = 0)
    {
        ArgumentNullException.ThrowIfNull(store);
        Directory.CreateDirectory(directory);
        var graph = KnowledgeGraph.Load(store, minConfidence);
        var iris = new GraphIris(baseIri);
        switch (format)
        {
            case GraphFormat.JsonLd:
            {
                var path = Path.Combine(directory, "graph.jsonld");
                using var stream = File.Create(path);
                JsonLdGraphWriter.Write(SchemaOrgTriples.Build(graph, iris), stream);
                return [path];
            }
            case GraphFormat.Turtle:
            {
                var path = Path.Combine(directory, "graph.ttl");
                using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
                TurtleGraphWriter.Write(SchemaOrgTriples.Build(graph, iris), writer);
                return [path];
            }
            case GraphFormat.Neo4j:
                return [.. Neo4jCsvGraphWriter.Write(graph, iris, directory).Select(f => Path.Combine(directory, f))];
            case GraphFormat.GraphMl:
            {
                var path = Path.Combine(directory, "graph.graphml");
                using var stream = File.Create(path);
                GraphMlGraphWriter.Write(graph, iris, stream);
                return [path];
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown export format.");
        }
    }
}
