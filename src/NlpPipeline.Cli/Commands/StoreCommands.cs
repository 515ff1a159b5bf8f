using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using NlpPipeline.Documents;
using NlpPipeline.Export;
using NlpPipeline.Pipeline;
using NlpPipeline.Storage;

namespace NlpPipeline.Cli.Commands;

/// <summary>
/// <c>nlp index</c>, <c>query</c>, <c>people</c>, <c>person</c> and <c>export</c>: the SQLite store of annotations.
/// Every command writes to the invocation's output (standard output unless a test redirects it) and
/// returns 0, or 1 with a message on standard error when the store or the input is missing.
/// </summary>
public static class StoreCommands
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static Option<string> DbOption() => new("--db") { Description = "Path of the SQLite store.", Required = true };

    private static Option<string> FormatOption(string defaultValue, params string[] formats)
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = "Output format: " + string.Join(", ", formats) + ".",
            DefaultValueFactory = _ => defaultValue,
        };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }

    /// <summary>
    /// <c>nlp index OUT.jsonl... --db PATH [--batch-size N]</c>: stores annotation JSON Lines (as written by
    /// <c>nlp annotate</c>; <c>.gz</c> or <c>-</c> for standard input). Documents already stored are replaced.
    /// A malformed line is reported with its file and line number and skipped; the exit code is then 1.
    /// </summary>
    public static Command Index()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Annotation JSON Lines files (.jsonl, .jsonl.gz, or - for standard input).", Arity = ArgumentArity.OneOrMore };
        var db = DbOption();
        var batch = new Option<int>("--batch-size") { Description = "Documents per transaction.", DefaultValueFactory = _ => 500 };
        var command = new Command("index", "Store annotated documents (JSON Lines) in a SQLite database for queries and export.") { inputs, db, batch };
        command.SetAction(parse =>
        {
            var paths = parse.GetValue(inputs)!;
            var error = parse.InvocationConfiguration.Error;
            foreach (var missing in paths.Where(p => p != "-" && !File.Exists(p)))
            {
                error.WriteLine($"No such file: {missing}");
                return 1;
            }
            var malformed = 0;
            var watch = System.Diagnostics.Stopwatch.StartNew();
            using var store = SqliteAnnotationStore.Open(parse.GetValue(db)!);
            var stats = store.IndexJsonLines(paths, (path, number, ex) =>
            {
                malformed++;
                error.WriteLine($"{path}:{number}: skipped, not an annotation record: {ex.Message}");
            }, parse.GetValue(batch));
            parse.InvocationConfiguration.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"indexed {stats.Documents} documents, {stats.Quotes} quotes in {stats.Batches} batches; {stats.Entities} entities; {watch.Elapsed.TotalSeconds:F1} s"));
            return malformed == 0 ? 0 : 1;
        });
        return command;
    }

    /// <summary><c>nlp query --db PATH [--speaker S] [--about TEXT] [--mentions E] [--topic T] [--from D] [--to D] [--limit N] [--format table|json|csv]</c>.</summary>
    public static Command Query()
    {
        var db = DbOption();
        var speaker = new Option<string?>("--speaker") { Description = "Quotes by this speaker (any alias, diacritics optional)." };
        var about = new Option<string?>("--about") { Description = "Quotes whose words contain this phrase (diacritics optional; commas separate phrases that must all match)." };
        var mentions = new Option<string?>("--mentions") { Description = "Quotes whose words mention this entity." };
        var topic = new Option<string?>("--topic") { Description = "Quotes in articles of this topic label." };
        var from = new Option<string?>("--from") { Description = "Articles dated on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)." };
        var to = new Option<string?>("--to") { Description = "Articles dated on or before this date (a prefix: 2021 means to the end of 2021)." };
        var minConfidence = MinConfidenceOption("Quotes");
        var limit = new Option<int>("--limit", "-n") { Description = "At most this many quotes (0: all).", DefaultValueFactory = _ => 50 };
        var format = FormatOption("table", "table", "json", "csv");
        var command = new Command("query", "Find quotes: who said what, about what, when.") { db, speaker, about, mentions, topic, from, to, minConfidence, limit, format };
        command.SetAction(parse => WithStore(parse, db, store =>
        {
            var hits = store.FindQuotes(new QuoteQuery
            {
                Speaker = parse.GetValue(speaker),
                About = parse.GetValue(about),
                Mentions = parse.GetValue(mentions),
                Topic = parse.GetValue(topic),
                From = parse.GetValue(from),
                To = parse.GetValue(to),
                MinConfidence = parse.GetValue(minConfidence),
                Limit = parse.GetValue(limit),
            });
            var output = parse.InvocationConfiguration.Output;
            switch (parse.GetValue(format))
            {
                case "json":
                    output.WriteLine(JsonSerializer.Serialize(hits, Json));
                    break;
                case "csv":
                    WriteCsv(output, ["document", "date", "speaker", "speaker_mention", "speaker_title", "type", "cue", "start", "end", "content", "topic", "confidence"],
                        hits.Select(h => new[] { h.DocumentId, h.Date, h.Speaker, h.SpeakerMention, h.SpeakerTitle, h.Type, h.Cue, Num(h.Start), Num(h.End), h.Content, h.Topic, Num(h.Confidence) }));
                    break;
                default:
                    WriteTable(output, ["date", "speaker", "document", "quote"],
                        hits.Select(h => new[] { h.Date ?? "", h.Speaker ?? "(unknown)", h.DocumentId, Shorten(h.Content, 100) }));
                    output.WriteLine($"{hits.Count} quote(s)");
                    break;
            }
            return 0;
        }));
        return command;
    }

    /// <summary><c>nlp people --db PATH [--kind PER|ORG|OTHER] [--limit N] [--format table|json|csv]</c>.</summary>
    public static Command People()
    {
        var db = DbOption();
        var kind = new Option<string?>("--kind") { Description = "Only speakers of this kind: PER, ORG or OTHER." };
        kind.AcceptOnlyFromAmong("PER", "ORG", "OTHER");
        var limit = new Option<int>("--limit", "-n") { Description = "At most this many speakers (0: all).", DefaultValueFactory = _ => 50 };
        var format = FormatOption("table", "table", "json", "csv");
        var command = new Command("people", "List speakers with their quote counts and titles, most quoted first.") { db, kind, limit, format };
        command.SetAction(parse => WithStore(parse, db, store =>
        {
            var people = store.People(parse.GetValue(limit), parse.GetValue(kind));
            var output = parse.InvocationConfiguration.Output;
            switch (parse.GetValue(format))
            {
                case "json":
                    output.WriteLine(JsonSerializer.Serialize(people, Json));
                    break;
                case "csv":
                    WriteCsv(output, ["name", "kind", "quotes", "documents", "titles"],
                        people.Select(p => new[] { p.Name, p.Type, Num(p.Quotes), Num(p.Documents), string.Join("; ", p.Titles) }));
                    break;
                default:
                    WriteTable(output, ["quotes", "docs", "kind", "name", "titles (latest first)"],
                        people.Select(p => new[] { Num(p.Quotes), Num(p.Documents), p.Type, p.Name, Shorten(string.Join("; ", p.Titles), 80) }));
                    break;
            }
            return 0;
        }));
        return command;
    }

    /// <summary><c>nlp person NAME --db PATH [--format text|json]</c>: aliases, titles over time, quotes by date, topics, entities talked about.</summary>
    public static Command Person()
    {
        var db = DbOption();
        var name = new Argument<string>("name") { Description = "Any name the person goes by (diacritics optional)." };
        var limit = new Option<int>("--limit", "-n") { Description = "At most this many quotes (0: all).", DefaultValueFactory = _ => 100 };
        var format = FormatOption("text", "text", "json");
        var command = new Command("person", "Show one speaker's profile.") { name, db, limit, format };
        command.SetAction(parse => WithStore(parse, db, store =>
        {
            var profile = store.Person(parse.GetValue(name)!, parse.GetValue(limit));
            if (profile is null)
            {
                parse.InvocationConfiguration.Error.WriteLine($"No entity named '{parse.GetValue(name)}' in the store.");
                return 1;
            }
            var o = parse.InvocationConfiguration.Output;
            if (parse.GetValue(format) == "json")
            {
                o.WriteLine(JsonSerializer.Serialize(profile, Json));
                return 0;
            }
            o.WriteLine($"{profile.Name} ({profile.Type}, {profile.Quotes.Count} quote(s))");
            o.WriteLine("Aliases: " + string.Join(", ", profile.Aliases.Select(a => $"{a.Name} ({a.Count} doc)")));
            o.WriteLine("Titles:");
            foreach (var t in profile.Titles)
                o.WriteLine($"  {t.FirstSeen ?? "?"} .. {t.LastSeen ?? "?"}  {t.Title}  ({t.Documents} doc)");
            o.WriteLine("Topics: " + string.Join(", ", profile.Topics.Select(t => $"{t.Name} ({t.Count})")));
            o.WriteLine("Talks about: " + string.Join(", ", profile.TalksAbout.Take(20).Select(t => $"{t.Name} ({t.Count})")));
            o.WriteLine("Quotes:");
            foreach (var q in profile.Quotes)
                o.WriteLine($"  {q.Date ?? "?"}  [{q.DocumentId}] {q.Cue} {q.Content}");
            if (profile.OtherMatches.Count > 0)
                o.WriteLine("Other matches: " + string.Join(", ", profile.OtherMatches));
            return 0;
        }));
        return command;
    }

    /// <summary><c>nlp export --db PATH --format jsonld|turtle|neo4j|graphml -o DIR [--base IRI]</c>.</summary>
    public static Command Export()
    {
        var db = DbOption();
        var format = new Option<string>("--format", "-f") { Description = "jsonld, turtle, neo4j (admin-import CSVs) or graphml.", Required = true };
        format.AcceptOnlyFromAmong("jsonld", "turtle", "neo4j", "graphml");
        var output = new Option<string>("--output", "-o") { Description = "Folder to write into (created when missing).", Required = true };
        var baseIri = new Option<string>("--base") { Description = "Base of the node IRIs.", DefaultValueFactory = _ => GraphIris.DefaultBase };
        var minConfidence = MinConfidenceOption("Export only the quotes");
        var command = new Command("export", "Export the store as a knowledge graph (schema.org terms, stable IRIs).") { db, format, output, baseIri, minConfidence };
        command.SetAction(parse => WithStore(parse, db, store =>
        {
            var graphFormat = parse.GetValue(format) switch
            {
                "jsonld" => GraphFormat.JsonLd,
                "turtle" => GraphFormat.Turtle,
                "neo4j" => GraphFormat.Neo4j,
                _ => GraphFormat.GraphMl,
            };
            foreach (var path in GraphExporter.Export(store, graphFormat, parse.GetValue(output)!, parse.GetValue(baseIri)!, parse.GetValue(minConfidence) ?? 0))
                parse.InvocationConfiguration.Output.WriteLine(path);
            return 0;
        }, readOnly: true));
        return command;
    }

    /// <summary><c>--min-confidence C</c>: quotes whose confidence is at least C; refused outside [0, 1].</summary>
    private static Option<double?> MinConfidenceOption(string what)
    {
        var option = new Option<double?>("--min-confidence")
        {
            Description = what + " whose confidence is at least this (0-1; higher means more often right: see the README's precision curve).",
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is { } value && (value < 0 || value > 1 || double.IsNaN(value)))
                result.AddError("--min-confidence must lie between 0 and 1.");
        });
        return option;
    }

    /// <summary>
    /// The sink of <c>nlp annotate</c>: the JSON Lines sink, the SQLite store of <paramref name="db"/>, or both
    /// (each record goes to the JSON sink first, then to the store).
    /// </summary>
    public static IDocumentSink AnnotateSink(IDocumentSink? json, string? db)
    {
        if (db is null)
            return json ?? throw new ArgumentNullException(nameof(json), "Neither an output nor a store was given.");
        var store = SqliteDocumentSink.Open(db);
        return json is null ? store : new TeeSink(json, store);
    }

    private sealed class TeeSink(IDocumentSink first, IDocumentSink second) : IDocumentSink
    {
        public void Write(AnnotatedDocument document)
        {
            first.Write(document);
            second.Write(document);
        }

        public void Flush()
        {
            first.Flush();
            second.Flush();
        }

        public void Dispose()
        {
            try
            {
                first.Dispose();
            }
            finally
            {
                second.Dispose();
            }
        }
    }

    private static int WithStore(ParseResult parse, Option<string> db, Func<SqliteAnnotationStore, int> action, bool readOnly = true)
    {
        var path = parse.GetValue(db)!;
        if (readOnly && !File.Exists(path))
        {
            parse.InvocationConfiguration.Error.WriteLine($"No store at {path}: build one with `nlp index OUT.jsonl --db {path}`.");
            return 1;
        }
        using var store = SqliteAnnotationStore.Open(path, readOnly);
        return action(store);
    }

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Num(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Shorten(string text, int width) => text.Length <= width ? text : string.Concat(text.AsSpan(0, width - 1), "…");

    private static void WriteCsv(TextWriter output, string[] header, IEnumerable<string?[]> rows)
    {
        CsvText.WriteRow(output, header);
        foreach (var row in rows)
            CsvText.WriteRow(output, row);
    }

    private static void WriteTable(TextWriter output, string[] header, IEnumerable<string[]> rows)
    {
        var all = rows.Prepend(header).ToList();
        var widths = header.Select((_, i) => all.Max(r => r[i].Length)).ToArray();
        foreach (var row in all)
            output.WriteLine(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());
    }
}
