using System.CommandLine;
using System.Globalization;
using System.Text;
using NlpPipeline.Entities;
using NlpPipeline.Resources;

namespace NlpPipeline.Cli.Commands;

/// <summary><c>nlp train titles</c> (mine the title lexicon) and <c>nlp eval titles</c> (score titles against the gold set).</summary>
public static class TitlesCommands
{
    public static Command Train()
    {
        var output = new Option<string>("--output", "-o") { Description = "Folder for the lexicon files (data/vi of the repository).", DefaultValueFactory = _ => "data/vi" };
        var cmd = new Command("titles", "Mine title heads, prefixes and modifiers from VLSP NER training text into data/vi/title-*.txt.");
        cmd.Options.Add(output);
        cmd.SetAction(parse =>
        {
            var dir = parse.GetValue(output)!;
            var miner = new TitleLexiconMiner(
                ReadList(Path.Combine(dir, "title-mining-stopwords.txt")),
                ReadList(Path.Combine(dir, "honorifics.txt")),
                ReadList(Path.Combine(dir, "title-heads-rejected.txt")).Select(l => l.Split('\t')[0]),
                TitleMiningSources.Surnames());
            var mined = miner.Mine(TitleMiningSources.Read());
            const string source = "# Mined by `nlp train titles` from VLSP 2016 NER train and VLSP 2018 NER train (quote-gold articles left out); VLSP terms: research use. Do not edit by hand: edit the stopword/rejection lists and re-run.";
            Write(Path.Combine(dir, "title-heads.txt"), source, "# head<TAB>before-name<TAB>after-name-comma<TAB>all occurrences",
                mined.Heads.Select(h => string.Create(CultureInfo.InvariantCulture, $"{h.Text}\t{h.Before}\t{h.After}\t{h.Total}")));
            Write(Path.Combine(dir, "title-prefixes.txt"), source, "# prefix<TAB>number of heads it combines with",
                mined.Prefixes.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Text}\t{p.Heads}")));
            Write(Path.Combine(dir, "title-modifiers.txt"), source, "# lower-case modifier seen between a head and a name<TAB>count",
                mined.Modifiers.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Text}\t{m.Count}")));
            Console.WriteLine($"heads {mined.Heads.Count}, prefixes {mined.Prefixes.Count}, modifiers {mined.Modifiers.Count}, rejected by review {mined.Rejected.Count}");
            var apposition = new AppositiveTitleMiner(
                ReadList(Path.Combine(dir, "title-mining-stopwords.txt")),
                ReadList(Path.Combine(dir, "honorifics.txt")),
                ReadList(Path.Combine(dir, "title-heads-rejected.txt")).Select(l => l.Split('\t')[0]),
                TitleMiningSources.Surnames());
            var appositives = apposition.Mine(TitleMiningSources.Vntc, mined.Heads.Select(h => h.Text).ToList(), mined.Modifiers.Select(m => m.Text).ToList());
            Write(Path.Combine(dir, "title-appositives.txt"),
                "# Mined by `nlp train titles` from the appositive \"TITLE, ông|bà NAME\" in VNTC train (corpora/vntc, see its LICENSE); adds to title-heads/prefixes/modifiers. Do not edit by hand.",
                "# kind<TAB>text<TAB>count (head: before \", ông|bà NAME\"<TAB>after \"ông|bà NAME,\"<TAB>all occurrences; prefix: heads it opens; modifier: uses after a head)",
                appositives.Heads.Select(h => string.Create(CultureInfo.InvariantCulture, $"head\t{h.Text}\t{h.Appositive}\t{h.AfterName}\t{h.Occurrences}"))
                    .Concat(appositives.Prefixes.Select(p => string.Create(CultureInfo.InvariantCulture, $"prefix\t{p.Text}\t{p.Heads}")))
                    .Concat(appositives.Modifiers.Select(m => string.Create(CultureInfo.InvariantCulture, $"modifier\t{m.Text}\t{m.Count}"))));
            Console.WriteLine($"appositives: heads {appositives.Heads.Count}, prefixes {appositives.Prefixes.Count}, modifiers {appositives.Modifiers.Count}, rejected by review {appositives.Rejected.Count}");
            return 0;
        });
        return cmd;
    }

    public static Command Eval()
    {
        var gold = new Argument<string>("gold") { Description = "The gold titles.tsv (titles-docs.tsv beside it lists the documents)." };
        var split = new Option<string>("--split") { Description = "dev, unseen, unseen2 or all.", DefaultValueFactory = _ => "all" };
        var show = new Option<bool>("--show") { Description = "Print each missed and spurious title (use on the dev split only)." };
        var entities = new Option<string>("--entities") { Description = "gold: VLSP 2018 gold PER/ORG/LOC as input; model: the shipped NER model (end to end).", DefaultValueFactory = _ => "gold" };
        var cmd = new Command("titles", "Score TITLE spans and their person links against the title gold set.");
        cmd.Arguments.Add(gold);
        cmd.Options.Add(split);
        cmd.Options.Add(show);
        cmd.Options.Add(entities);
        cmd.SetAction(parse =>
        {
            var goldPath = parse.GetValue(gold)!;
            var useModel = parse.GetValue(entities) switch
            {
                "gold" => false,
                "model" => true,
                var other => throw new ArgumentException($"--entities: gold or model, not {other}"),
            };
            var which = parse.GetValue(split)!;
            var texts = Path.Combine(SharedData.Quotes ?? throw new DirectoryNotFoundException("shared data not found (NLP_SHARED)"), "texts");
            var (bySplit, total) = EvaluateTitles(goldPath, texts, which, parse.GetValue(show) ? Console.Out : null, useModel);
            foreach (var (name, score) in bySplit)
                Console.WriteLine($"{name,-7} {score}");
            Console.WriteLine($"{"all",-7} {total}");
            return 0;
        });
        return cmd;
    }

    public static Command Agreement()
    {
        var dir = new Argument<string>("folder") { Description = "VLSP 2018 .muc files (e.g. corpora/vlsp2018-ner/dev), unseen by the NER model." };
        var cmd = new Command("titles-agreement", "End-to-end title check without title gold: titles found on the NER model's entities, scored against those found on gold entities.");
        cmd.Arguments.Add(dir);
        cmd.SetAction(parse =>
        {
            var (score, docs) = AgreementWithGoldEntities(parse.GetValue(dir)!);
            Console.WriteLine($"{docs} documents: {score}");
            return 0;
        });
        return cmd;
    }

    public static Command Refs()
    {
        var show = new Option<bool>("--show") { Description = "Print each speaker whose mentions got more than one ref." };
        var cmd = new Command("refs", "Score within-document person refs against the quote gold (speaker names and aliases) on gold VLSP 2018 PER mentions.");
        cmd.Options.Add(show);
        cmd.SetAction(parse =>
        {
            var (merged, mergeCases, split, pairs) = EvaluateRefs(
                SharedData.Quotes ?? throw new DirectoryNotFoundException("shared data not found (NLP_SHARED)"),
                parse.GetValue(show) ? Console.Out : null);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"speakers with aliases in one ref: {merged}/{mergeCases} = {100.0 * merged / Math.Max(1, mergeCases):F1}; different speakers kept apart: {split}/{pairs} = {100.0 * split / Math.Max(1, pairs):F1}"));
            return 0;
        });
        return cmd;
    }

    /// <summary>
    /// Person refs against the quote gold of <c>quotes/dev-*.jsonl</c>: for each PER speaker whose name and aliases
    /// appear as two or more distinct gold PER mention texts, whether the linker gives them all one ref; and for each
    /// pair of different PER speakers of a document, whether their mentions stay in different refs.
    /// </summary>
    internal static (int Merged, int MergeCases, int Split, int Pairs) EvaluateRefs(string quotesDir, TextWriter? show = null)
    {
        var v18 = SharedData.Require("corpora/vlsp2018-ner");
        var muc = Directory.EnumerateFiles(v18, "*.muc", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f), StringComparer.Ordinal);
        var linker = new RuleMentionLinker();
        int merged = 0, cases = 0, split = 0, pairs = 0;
        foreach (var file in Directory.EnumerateFiles(quotesDir, "dev-*.jsonl").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file, Encoding.UTF8).Where(l => l.Length > 0))
            {
                using var json = System.Text.Json.JsonDocument.Parse(line);
                var docPath = json.RootElement.GetProperty("doc").GetString()!;
                var tagged = GoldEntityCorpus.ReadInline(docPath, File.ReadAllText(muc[Path.GetFileNameWithoutExtension(docPath)], Encoding.UTF8));
                var linked = linker.Link(tagged.Text, tagged.Entities).Where(e => e.Type == Documents.EntityTypes.Person).ToList();
                var speakers = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
                foreach (var q in json.RootElement.GetProperty("quotes").EnumerateArray())
                {
                    if (q.GetProperty("speaker_kind").GetString() != "PER" || q.GetProperty("speaker").GetString() is not { } name)
                        continue;
                    if (!speakers.TryGetValue(name, out var names))
                        speakers[name] = names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { name };
                    foreach (var a in q.GetProperty("speaker_aliases").EnumerateArray())
                        names.Add(a.GetString()!);
                }
                var refsOf = speakers.ToDictionary(s => s.Key,
                    s => linked.Where(e => s.Value.Contains(e.Text)).ToList(), StringComparer.OrdinalIgnoreCase);
                foreach (var (_, mentions) in refsOf)
                {
                    if (mentions.Select(m => m.Text).Distinct(StringComparer.OrdinalIgnoreCase).Count() < 2)
                        continue;
                    cases++;
                    if (mentions.Select(m => m.Ref).Distinct().Count() == 1)
                        merged++;
                    else
                        show?.WriteLine($"SPLIT {docPath}: " + string.Join(", ", mentions.Select(m => $"{m.Text}={m.Ref}").Distinct()));
                }
                var keys = refsOf.Keys.Order(StringComparer.Ordinal).ToList();
                for (var i = 0; i < keys.Count; i++)
                {
                    for (var j = i + 1; j < keys.Count; j++)
                    {
                        var (a, b) = (refsOf[keys[i]], refsOf[keys[j]]);
                        if (a.Count == 0 || b.Count == 0 || speakers[keys[i]].Overlaps(speakers[keys[j]]))
                            continue;
                        pairs++;
                        if (!a.Select(m => m.Ref).Intersect(b.Select(m => m.Ref)).Any())
                            split++;
                    }
                }
            }
        }
        return (merged, cases, split, pairs);
    }

    /// <summary>
    /// For each .muc file: titles from the spotter and linker over gold entities are the reference; titles over the
    /// shipped NER model's entities are scored against them (exact span; link right when the linked PER mention
    /// overlaps the reference person mention).
    /// </summary>
    internal static (TitleScores Score, int Documents) AgreementWithGoldEntities(string folder)
    {
        var spotter = new LexiconTitleSpotter();
        var linker = new RuleMentionLinker();
        var total = new TitleScores(0, 0, 0, 0);
        var n = 0;
        foreach (var f in Directory.EnumerateFiles(folder, "*.muc", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var tagged = GoldEntityCorpus.ReadInline(f, File.ReadAllText(f, Encoding.UTF8));
            var doc = new Documents.AnnotatedDocument(new Documents.Document(f, tagged.Text));
            var reference = linker.Process(spotter.Process(doc with { Entities = [.. tagged.Entities] })).Entities;
            var predicted = linker.Process(spotter.Process(PerceptronEntityRecognizer.Default.Process(doc))).Entities;
            var gold = reference.Where(e => e.Type == Documents.EntityTypes.Title && e.PersonRef is not null)
                .Select(t => reference.First(p => p.Type == Documents.EntityTypes.Person && p.Ref == t.PersonRef && TitleAttachment.Person(tagged.Text, t, [.. reference.Where(x => x.Type == Documents.EntityTypes.Person)], TitleLexicon.Default) == p) is { } person
                    ? new GoldTitle(f, t.Start, t.End, person.Start, person.End, "", "silver")
                    : null)
                .OfType<GoldTitle>().ToList();
            total += TitleEvaluator.Score(predicted, gold);
            n++;
        }
        return (total, n);
    }

    /// <summary>
    /// Runs the title stages over the gold documents and scores them per split; the input entities are the gold
    /// VLSP 2018 ones, or those of the shipped NER model when <paramref name="useModel"/> (end to end).
    /// </summary>
    internal static (SortedDictionary<string, TitleScores> BySplit, TitleScores Total) EvaluateTitles(string goldPath, string textsDir, string split, TextWriter? show, bool useModel = false)
    {
        var rows = TitleEvaluator.ReadGold(goldPath);
        var docs = TitleEvaluator.ReadDocuments(Path.Combine(Path.GetDirectoryName(goldPath)!, "titles-docs.tsv"));
        var v18 = SharedData.Require("corpora/vlsp2018-ner");
        var muc = Directory.EnumerateFiles(v18, "*.muc", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f), StringComparer.Ordinal);
        var spotter = new LexiconTitleSpotter();
        var linker = new RuleMentionLinker();
        var bySplit = new SortedDictionary<string, TitleScores>(StringComparer.Ordinal);
        var total = new TitleScores(0, 0, 0, 0);
        foreach (var d in docs.Where(d => split == "all" || d.Split == split))
        {
            var text = TitleEvaluator.ReadText(Path.Combine(textsDir, d.Doc));
            var gold = rows.Where(r => r.Doc == d.Doc).ToList();
            TitleEvaluator.Verify(d, text, gold);
            var tagged = GoldEntityCorpus.ReadInline(d.Doc, File.ReadAllText(muc[Path.GetFileNameWithoutExtension(d.Doc)], Encoding.UTF8));
            if (tagged.Text != text)
                throw new InvalidDataException($"{d.Doc}: VLSP 2018 text differs from the quote text");
            var annotated = new Documents.AnnotatedDocument(new Documents.Document(d.Doc, text)) { Entities = [.. tagged.Entities] };
            if (useModel)
                annotated = PerceptronEntityRecognizer.Default.Process(annotated with { Entities = [] });
            annotated = linker.Process(spotter.Process(annotated));
            var score = TitleEvaluator.Score(annotated.Entities, gold);
            bySplit[d.Split] = bySplit.TryGetValue(d.Split, out var s) ? s + score : score;
            total += score;
            if (show is not null)
                Show(show, d.Doc, text, annotated.Entities, gold);
        }
        return (bySplit, total);
    }

    private static void Show(TextWriter w, string doc, string text, IReadOnlyList<Documents.Entity> entities, IReadOnlyList<GoldTitle> gold)
    {
        var titles = entities.Where(e => e.Type == Documents.EntityTypes.Title).ToList();
        foreach (var g in gold.Where(g => !titles.Any(t => t.Start == g.TitleStart && t.End == g.TitleEnd)))
            w.WriteLine($"MISS {doc} [{text[g.TitleStart..g.TitleEnd]}] -> {text[g.PersonStart..g.PersonEnd]}");
        foreach (var t in titles.Where(t => !gold.Any(g => t.Start == g.TitleStart && t.End == g.TitleEnd)))
            w.WriteLine($"SPUR {doc} [{t.Text}] -> {entities.FirstOrDefault(e => e.Type == Documents.EntityTypes.Person && e.Ref == t.PersonRef)?.Text}");
        foreach (var g in gold)
        {
            var t = titles.FirstOrDefault(t => t.Start == g.TitleStart && t.End == g.TitleEnd);
            var p = entities.FirstOrDefault(e => e.Type == Documents.EntityTypes.Person && e.Start < g.PersonEnd && g.PersonStart < e.End);
            if (t is not null && (p?.Ref is null || t.PersonRef != p.Ref))
                w.WriteLine($"LINK {doc} [{t.Text}] -> {t.PersonRef}, gold {p?.Ref} {text[g.PersonStart..g.PersonEnd]}");
        }
    }

    private static IEnumerable<string> ReadList(string path) =>
        File.Exists(path)
            ? File.ReadLines(path, Encoding.UTF8).Select(l => l.Trim()).Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Normalize(NormalizationForm.FormC))
            : [];

    private static void Write(string path, string source, string header, IEnumerable<string> lines)
    {
        var sb = new StringBuilder();
        sb.Append(source).Append('\n').Append(header).Append('\n');
        foreach (var l in lines)
            sb.Append(l).Append('\n');
        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
    }
}
