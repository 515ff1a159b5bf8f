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
