using System.Text.Json;
using NlpPipeline.Documents;
using NlpPipeline.Export;
using NlpPipeline.Storage;
using NlpPipeline.Tests.Storage;

namespace NlpPipeline.Tests.Export;

public sealed class GraphExporterTests : IDisposable
{
    private const string Syromolotov = "urn:nlp:person:oleg-syromolotov";

    // A title full of characters that need escaping in Turtle, JSON, XML and CSV.
    private const string NastyTitle = "Tin \"nóng\", <b>đặc biệt</b> \\ 100% & {x}|^`\nDòng hai\ttab; hết";

    private readonly TempDirectory _dir = new();
    private readonly SqliteAnnotationStore _store;

    public GraphExporterTests()
    {
        _store = SqliteAnnotationStore.Open(_dir.File("store.db"));
        var nasty = StoreDocs.Make("thế giới/a b#1?.txt", "2022-03-05",
            ("Oleg Syromolotov", "Thứ trưởng Syromolotov", "Thứ trưởng", "Thứ trưởng Syromolotov nói \"hợp tác\" là cần thiết."));
        _store.Index([SeedArticleFixture.Load(), nasty with { Document = nasty.Document with { Title = NastyTitle, Url = "https://example.org/a?b=1&c=\"2\"" } }]);
    }

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    private const string RdfCheck = """
        import sys, json, rdflib
        from rdflib.compare import isomorphic
        ttl = rdflib.Graph().parse(sys.argv[1], format="turtle")
        jsonld = rdflib.Graph().parse(sys.argv[2], format="json-ld")
        S = rdflib.Namespace("https://schema.org/")
        who = rdflib.URIRef(sys.argv[3])
        def by(g, p):
            return sorted(str(g.value(q, S.text)) for q in g.subjects(p, who) if (q, rdflib.RDF.type, S.Quotation) in g)
        headlines = sorted(str(o) for o in ttl.objects(None, S.headline))
        print(json.dumps({"triples": len(ttl), "isomorphic": isomorphic(ttl, jsonld),
            "creator": by(ttl, S.creator), "spoken": by(jsonld, S.spokenByCharacter),
            "jobTitles": sorted(str(o) for o in ttl.objects(who, S.jobTitle) if isinstance(o, rdflib.Literal)),
            "roles": sorted("|".join([str(jsonld.value(r, S.jobTitle)), str(jsonld.value(r, S.startDate)), str(jsonld.value(r, S.endDate)), str(jsonld.value(r, S.endDate).datatype)])
                for r in jsonld.objects(who, S.jobTitle) if (r, rdflib.RDF.type, S.Role) in jsonld),
            "headlines": headlines, "persons": len(set(ttl.subjects(rdflib.RDF.type, S.Person))),
            "articles": len(set(jsonld.subjects(rdflib.RDF.type, S.NewsArticle)))}, ensure_ascii=False))
        """;

    [Fact]
    public void Export_TurtleAndJsonLd_ParseWithRdflibIntoTheSameSchemaOrgGraph()
    {
        var ttl = GraphExporter.Export(_store, GraphFormat.Turtle, _dir.File("ttl"))[0];
        var jsonld = GraphExporter.Export(_store, GraphFormat.JsonLd, _dir.File("jsonld"))[0];

        using var result = JsonDocument.Parse(PythonParsers.Run(RdfCheck, ttl, jsonld, Syromolotov));
        var root = result.RootElement;

        Assert.True(root.GetProperty("isomorphic").GetBoolean());
        var creator = root.GetProperty("creator").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(5, creator.Count); // four in the sample article, one in the second
        Assert.Equal(creator, root.GetProperty("spoken").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("hợp tác\" là cần thiết", string.Join("|", creator), StringComparison.Ordinal);
        Assert.Equal(["Thứ trưởng", "Thứ trưởng Ngoại giao Nga"], root.GetProperty("jobTitles").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(
            ["Thứ trưởng Ngoại giao Nga|2021-11|2021-11|http://www.w3.org/2001/XMLSchema#gYearMonth", "Thứ trưởng|2021-11|2022-03-05|http://www.w3.org/2001/XMLSchema#date"],
            root.GetProperty("roles").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains(NastyTitle, root.GetProperty("headlines").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(2, root.GetProperty("persons").GetInt32());
        Assert.Equal(2, root.GetProperty("articles").GetInt32());
    }

    private const string GraphMlCheck = """
        import sys, json, networkx as nx
        g = nx.read_graphml(sys.argv[1])
        who = sys.argv[2]
        said = [u for u, v, d in g.edges(data=True) if v == who and d.get("label") == "SAID_BY"]
        print(json.dumps({"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "directed": g.is_directed(),
            "name": g.nodes[who]["label"], "said": len(said),
            "labels": sorted(d["label"] for n, d in g.nodes(data=True) if d.get("kind") == "Article")}, ensure_ascii=False))
        """;

    [Fact]
    public void Export_GraphMl_ReadsInNetworkxWithEveryNodeAndEdge()
    {
        var path = GraphExporter.Export(_store, GraphFormat.GraphMl, _dir.File("graphml"))[0];
        var graph = KnowledgeGraph.Load(_store);

        using var result = JsonDocument.Parse(PythonParsers.Run(GraphMlCheck, path, Syromolotov));
        var root = result.RootElement;

        Assert.True(root.GetProperty("directed").GetBoolean());
        Assert.Equal("Oleg Syromolotov", root.GetProperty("name").GetString());
        Assert.Equal(5, root.GetProperty("said").GetInt32());
        Assert.Contains(NastyTitle, root.GetProperty("labels").EnumerateArray().Select(e => e.GetString()));
        var titles = graph.Entities.SelectMany(e => e.Titles).Select(t => t.Title).Distinct().Count();
        var topics = graph.Articles.Select(a => a.Topic).OfType<string>().Distinct().Count();
        Assert.Equal(graph.Articles.Count + graph.Entities.Count + graph.Quotes.Count + topics + titles, root.GetProperty("nodes").GetInt32());
    }

    private const string Neo4jCheck = """
        import sys, csv, json, glob, os
        ids, problems, counts = set(), [], {}
        for path in sorted(glob.glob(os.path.join(sys.argv[1], "nodes_*.csv"))):
            with open(path, newline="", encoding="utf-8") as f:
                rows = list(csv.reader(f))
            header = rows[0]
            if ":LABEL" not in header or not header[0].endswith(":ID"):
                problems.append("bad node header " + path)
            for row in rows[1:]:
                if len(row) != len(header): problems.append("ragged row in " + path)
                if row[0] in ids: problems.append("duplicate id " + row[0])
                ids.add(row[0])
        for path in sorted(glob.glob(os.path.join(sys.argv[1], "rels_*.csv"))):
            with open(path, newline="", encoding="utf-8") as f:
                rows = list(csv.reader(f))
            header = rows[0]
            if header[:3] != [":START_ID", ":END_ID", ":TYPE"]:
                problems.append("bad relationship header " + path)
            for row in rows[1:]:
                if len(row) != len(header): problems.append("ragged row in " + path)
                if row[0] not in ids or row[1] not in ids: problems.append("dangling " + row[0] + " -> " + row[1])
                counts[row[2]] = counts.get(row[2], 0) + 1
        print(json.dumps({"problems": problems[:5], "nodes": len(ids), "counts": counts}, ensure_ascii=False))
        """;

    [Fact]
    public void Export_Neo4j_WritesAdminImportHeadersAndNoDanglingRelationships()
    {
        var files = GraphExporter.Export(_store, GraphFormat.Neo4j, _dir.File("neo4j"));

        using var result = JsonDocument.Parse(PythonParsers.Run(Neo4jCheck, _dir.File("neo4j")));
        var root = result.RootElement;

        Assert.Empty(root.GetProperty("problems").EnumerateArray());
        // Every quote has a named speaker: Syromolotov 5, Eberhardt 2, the draft resolution 1.
        Assert.Equal(8, root.GetProperty("counts").GetProperty("SAID_BY").GetInt32());
        Assert.Equal(8, root.GetProperty("counts").GetProperty("PART_OF").GetInt32());
        Assert.Equal(3, root.GetProperty("counts").GetProperty("HELD_TITLE").GetInt32());
        Assert.Contains(files, f => f.EndsWith("import.sh", StringComparison.Ordinal));
        Assert.Contains("--relationships=rels_said_by.csv", File.ReadAllText(files.Single(f => f.EndsWith("import.sh", StringComparison.Ordinal))), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MinConfidence_KeepsOnlyQuotesAtOrAboveItAndTheirSpeakers()
    {
        var all = KnowledgeGraph.Load(_store);
        var cut = all.Quotes.Select(q => q.Confidence).Distinct().Order().ElementAt(1);

        var kept = KnowledgeGraph.Load(_store, cut);

        Assert.Equal(all.Quotes.Where(q => q.Confidence >= cut), kept.Quotes, (a, b) => a.ArticleId == b.ArticleId && a.Start == b.Start && a.End == b.End);
        Assert.InRange(kept.Quotes.Count, 1, all.Quotes.Count - 1);
        Assert.Equal(all.Articles, kept.Articles);
        Assert.DoesNotContain(KnowledgeGraph.Load(_store, 1.0).Quotes, q => q.Confidence < 1.0);
    }

    [Fact]
    public void Export_SameStoreTwiceAndAfterReindexing_IsByteIdenticalWithStableIris()
    {
        var first = File.ReadAllText(GraphExporter.Export(_store, GraphFormat.Turtle, _dir.File("one"))[0]);
        _store.Index([SeedArticleFixture.Load()]);
        var second = File.ReadAllText(GraphExporter.Export(_store, GraphFormat.Turtle, _dir.File("two"))[0]);

        Assert.Equal(first, second);
        Assert.Contains("<" + Syromolotov + ">", first, StringComparison.Ordinal);
        Assert.Contains("<urn:nlp:article:th%E1%BA%BF%20gi%E1%BB%9Bi%2Fa%20b%231%3F.txt>", first, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("urn:nlp:", "urn:nlp:person:oleg-syromolotov")]
    [InlineData("https://example.org/kg/", "https://example.org/kg/person/oleg-syromolotov")]
    [InlineData("https://example.org/kg", "https://example.org/kg/person/oleg-syromolotov")]
    public void Entity_BaseIri_JoinsPartsWithTheBasesSeparator(string baseIri, string expected)
    {
        var entity = new GraphEntity(1, EntityTypes.Person, "Oleg Syromolotov", "oleg-syromolotov", [], []);

        Assert.Equal(expected, new GraphIris(baseIri).Entity(entity));
    }
}
