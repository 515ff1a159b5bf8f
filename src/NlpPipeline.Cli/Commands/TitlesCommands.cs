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
            return 0;
        });
        return cmd;
    }

    public static Command Eval()
    {
        var gold = new Argument<string>("gold") { Description = "The gold titles.tsv (titles-docs.tsv beside it lists the documents)." };
        var split = new Option<string>("--split") { Description = "dev, unseen or all.", DefaultValueFactory = _ => "all" };
        var show = new Option<bool>("--show") { Description = "Print each missed and spurious title (use on the dev split only)." };
        var cmd = new Command("titles", "Score TITLE spans and their person links against the title gold set, on gold VLSP 2018 PER/ORG/LOC entities.");
        cmd.Arguments.Add(gold);
        cmd.Options.Add(split);
        cmd.Options.Add(show);
        cmd.SetAction(parse =>
        {
            var goldPath = parse.GetValue(gold)!;
            var which = parse.GetValue(split)!;
            var texts = Path.Combine(SharedData.Quotes ?? throw new DirectoryNotFoundException("shared data not found (NLP_SHARED)"), "texts");
            var (bySplit, total) = EvaluateTitles(goldPath, texts, which, parse.GetValue(show) ? Console.Out : null);
            foreach (var (name, score) in bySplit)
                Console.WriteLine($"{name,-7} {score}");
            Console.WriteLine($"{"all",-7} {total}");
            return 0;
        });
        return cmd;
    }

    /// <summary>Runs the title stages over the gold documents (gold VLSP 2018 entities as input) and scores them per split.</summary>
    internal static (SortedDictionary<string, TitleScores> BySplit, TitleScores Total) EvaluateTitles(string goldPath, string textsDir, string split, TextWriter? show)
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
