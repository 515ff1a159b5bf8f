using System.CommandLine;
using NlpPipeline.Documents;
using NlpPipeline.Pipeline;
using NlpPipeline.Quotes;

namespace NlpPipeline.Cli.Commands;

/// <summary><c>nlp eval quotes GOLD.jsonl TEXTS_DIR</c>: the quote scoring of QUOTES.md over the default pipeline.</summary>
public static class QuoteCommands
{
    /// <summary>The stages run before scoring: the default pipeline.</summary>
    internal static IReadOnlyList<IDocumentStage> Stages() => Environment.GetEnvironmentVariable("NLP_QUOTES_TEXT_ONLY") == "1"
        ? [new QuoteExtractor()]
        : QuotePipeline.Stages();

    public static Command Eval()
    {
        var gold = new Argument<string[]>("gold") { Description = "Gold JSON Lines files (QUOTES.md), then the folder of texts.", Arity = ArgumentArity.OneOrMore };
        var details = new Option<bool>("--details") { Description = "List misses, false alarms, wrong speakers and inexact contents." };
        var cmd = new Command("quotes", "Score quote extraction against gold quotes (QUOTES.md): quote F1, exact F1, speaker accuracy, end-to-end F1.");
        cmd.Arguments.Add(gold);
        var only = new Option<string?>("--doc") { Description = "Score only the gold document whose path contains this text." };
        cmd.Options.Add(details);
        cmd.Options.Add(only);
        cmd.SetAction(parseResult =>
        {
            var args = parseResult.GetValue(gold) ?? [];
            if (args.Length < 2)
            {
                Console.Error.WriteLine("usage: nlp eval quotes GOLD.jsonl [GOLD2.jsonl ...] TEXTS_DIR");
                return 2;
            }
            var textsDir = args[^1];
            var records = args[..^1].SelectMany(GoldDocument.ReadAll).ToList();
            if (parseResult.GetValue(only) is { Length: > 0 } filter)
                records = [.. records.Where(r => r.Doc.Contains(filter, StringComparison.Ordinal))];
            var stages = Stages();
            var (quotes, texts) = QuoteEvaluation.Predict(records, textsDir, d => Annotate(d, stages));
            var result = new QuoteScorer().Score(records, quotes);
            Console.Write(QuoteEvaluation.Report(result, texts, parseResult.GetValue(details)));
            return 0;
        });
        return cmd;
    }

    /// <summary>
    /// <c>nlp train quote-confidence --gold G --texts T [--gold G2 --texts T2 ...] -o data/vi/quote-confidence.tsv [--cv 5]</c>:
    /// fits the confidence model on the quotes found in each gold file's documents (the n-th <c>--gold</c> reads its texts
    /// from the n-th <c>--texts</c>); with <c>--cv K</c> it also prints the confidence curve out of fold (K folds by
    /// document), in sample, and of the shipped model on the same quotes.
    /// </summary>
    public static Command Train()
    {
        var gold = new Option<string[]>("--gold") { Description = "A gold JSON Lines file (QUOTES.md); repeat for several, each with its --texts.", Required = true };
        var texts = new Option<string[]>("--texts") { Description = "The folder of texts of the --gold at the same position.", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "Where to write the weights (data/vi/quote-confidence.tsv).", Required = true };
        var scopes = new Option<GoldScope[]>("--scope") { Description = "What the --gold at the same position annotates: All (default), Direct (direct quotes only) or Matched (only some quotes: learn speakers of matched ones)." };
        var cv = new Option<int>("--cv") { Description = "Also report the curve out of fold with this many folds by document (0: none)." };
        var l2 = new Option<double>("--l2") { Description = "L2 weight of the fit.", DefaultValueFactory = _ => QuoteConfidenceTrainer.DefaultL2 };
        var dump = new Option<string?>("--examples") { Description = "Also write the labelled feature rows (doc, label, out-of-fold confidence when --cv, features) as TSV." };
        var cmd = new Command("quote-confidence", "Fit the logistic confidence model of quotes on gold quotes (deterministic; never on dev or blind sets).");
        foreach (var o in new Option[] { gold, texts, scopes, output, cv, l2, dump })
            cmd.Options.Add(o);
        cmd.SetAction(parseResult =>
        {
            var g = parseResult.GetValue(gold) ?? [];
            var t = parseResult.GetValue(texts) ?? [];
            var sc = parseResult.GetValue(scopes) ?? [];
            if (g.Length == 0 || g.Length != t.Length || (sc.Length > 0 && sc.Length != g.Length))
            {
                Console.Error.WriteLine("usage: nlp train quote-confidence --gold G.jsonl --texts DIR [--gold G2.jsonl --texts DIR2 ...] [--scope S ...] -o FILE [--cv K]");
                return 2;
            }
            var sets = g.Select((path, i) => ((IReadOnlyList<GoldDocument>)GoldDocument.ReadAll(path), t[i], sc.Length > 0 ? sc[i] : GoldScope.All)).ToList();
            var stages = Stages().Where(s => s is not QuoteExtractor).ToList();
            var (examples, goldCount) = QuoteConfidenceTrainer.Examples(sets, d => Annotate(d, stages),
                new QuoteExtractor(QuoteLexicon.Default, new QuoteConfidenceModel(new double[QuoteConfidenceModel.FeatureNames.Count])));
            var weight = parseResult.GetValue(l2);
            var model = QuoteConfidenceTrainer.Fit(examples, weight);
            var right = examples.Sum(e => e.Y);
            var docs = examples.Select(e => e.Doc).Distinct().Count();
            var ci = System.Globalization.CultureInfo.InvariantCulture;
            var used = string.Join(' ', g.Select((path, i) => $"--gold {path} --texts {t[i]}" + (sc.Length > 0 ? $" --scope {sc[i]}" : "")))
                + (weight == QuoteConfidenceTrainer.DefaultL2 ? "" : string.Format(ci, " --l2 {0}", weight));
            var path = parseResult.GetValue(output)!;
            File.WriteAllLines(path, new[]
            {
                "# Weights of the quote confidence model (logistic regression over QuoteConfidenceModel features). Own work (NlpPipeline).",
                $"# Fitted by `nlp train quote-confidence {used} -o FILE` on {examples.Count} found quotes ({right} right, end to end) "
                    + $"in {sets.Sum(s => s.Item1.Count)} gold documents ({docs} with a found quote, {goldCount} gold quotes): "
                    + string.Join(", ", sets.Select(s => $"{s.Item2} ({s.Item1.Count}, {s.Item3})")) + ". None of them is a dev or blind set; "
                    + "the texts are VLSP 2018 NER train/dev and VNTC articles (research use), not in the repository.",
            }.Concat(model.ToLines()));
            Console.WriteLine($"fitted on {examples.Count} quotes ({right} right) in {docs} documents; wrote {path}");
            var oof = parseResult.GetValue(cv) is > 1 and var k ? QuoteConfidenceTrainer.CrossValidate(examples, k, weight) : null;
            if (parseResult.GetValue(dump) is { Length: > 0 } dumpPath)
            {
                File.WriteAllLines(dumpPath, examples.Select((e, i) => string.Join('\t',
                        new[] { e.Doc, e.Y.ToString(ci), oof is null ? "" : oof[i].ToString(ci) }.Concat(e.X.Select(v => v.ToString(ci)))))
                    .Prepend(string.Join('\t', new[] { "doc", "label", "oof" }.Concat(QuoteConfidenceModel.FeatureNames))));
            }
            if (oof is not null)
            {
                var labelled = (IReadOnlyList<double> scores) => (IReadOnlyList<(double, int)>)[.. scores.Select((c, i) => (c, examples[i].Y))];
                Console.WriteLine($"out of fold ({parseResult.GetValue(cv)} folds by document):");
                Console.Write(ConfidenceCurve.Of(labelled(oof), goldCount).Format());
                Console.WriteLine("in sample (the written model):");
                Console.Write(ConfidenceCurve.Of(labelled([.. examples.Select(e => model.Score(e.X))]), goldCount).Format());
                Console.WriteLine("shipped model (embedded data/vi/quote-confidence.tsv):");
                try
                {
                    Console.Write(ConfidenceCurve.Of(labelled([.. examples.Select(e => QuoteConfidenceModel.Default.Score(e.X))]), goldCount).Format());
                }
                catch (InvalidDataException e)
                {
                    Console.WriteLine("  not comparable: " + e.Message);
                }
            }
            return 0;
        });
        return cmd;
    }

    /// <summary><c>nlp train quote-cues -o candidates.tsv [--vntc]</c>: counts candidate cues in the VLSP NER corpora, or in the
    /// VNTC training archive with capitalised runs as mentions (evidence for data/vi/quote-cues.tsv).</summary>
    public static Command MineCues()
    {
        var output = new Option<string>("--output", "-o") { Description = "Where to write candidate<TAB>count<TAB>in-lexicon.", Required = true };
        var min = new Option<int>("--min-count") { Description = "Smallest count written.", DefaultValueFactory = _ => 2 };
        var vntc = new Option<bool>("--vntc") { Description = "Count in the VNTC training archive (names = capitalised runs) instead of the VLSP NER corpora." };
        var cmd = new Command("quote-cues", "Count candidate speech cues between a PER/ORG mention and rằng/colon in vlsp2016-ner and vlsp2018-ner train (or VNTC).");
        cmd.Options.Add(output);
        cmd.Options.Add(min);
        cmd.Options.Add(vntc);
        var uses = new Option<bool>("--uses") { Description = "Instead: for each cue of the lexicon, count its uses (all, before rằng/là/colon/quote, before a plain noun phrase, before a verb or adverb), the evidence for frames O and S." };
        cmd.Options.Add(uses);
        var sourced = new Option<bool>("--sourced") { Description = "Instead: for each verb or cue right after a source (mention, ông/bà/anh/chị, pronoun), count its uses before rằng/là/colon/quote, a bare clause, a plain noun phrase, a verb phrase: the evidence for new cues and frame B." };
        cmd.Options.Add(sourced);
        cmd.SetAction(parseResult =>
        {
            var docs = new List<(string, IReadOnlyList<Entity>)>();
            if (parseResult.GetValue(vntc))
            {
                foreach (var text in NlpPipeline.Entities.SyllableClusterer.ReadVntc(
                             NlpPipeline.Resources.SharedData.Require(NlpPipeline.Topics.TopicCorpus.VntcTrainArchive)))
                    docs.Add((text, []));
            }
            else
            {
                foreach (var corpus in new[] { "corpora/vlsp2016-ner/train", "corpora/vlsp2018-ner/train" })
                {
                    foreach (var d in NlpPipeline.Entities.NerCorpus.Load(NlpPipeline.Resources.SharedData.Require(corpus)))
                        docs.Add((d.Text, d.Entities));
                }
            }
            var lexicon = QuoteLexicon.Default;
            if (parseResult.GetValue(uses))
            {
                var u = QuoteCueMiner.CountUses(docs.Select(d => d.Item1), lexicon);
                File.WriteAllLines(parseResult.GetValue(output)!, u.Where(kv => kv.Value.Total >= parseResult.GetValue(min))
                    .OrderByDescending(kv => (double)kv.Value.Object / kv.Value.Total).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                    .Select(kv => $"{kv.Key}\t{kv.Value.Total}\t{kv.Value.Speech}\t{kv.Value.Object}\t{(double)kv.Value.Object / kv.Value.Total:0.000}\t{kv.Value.VerbFirst}\t{(double)kv.Value.VerbFirst / kv.Value.Total:0.000}")
                    .Prepend("cue\ttotal\tspeech\tobject\tobject_share\tverb_first\tverb_first_share"));
                Console.WriteLine($"{docs.Count} documents, {u.Count} cues");
                return 0;
            }
            if (parseResult.GetValue(sourced))
            {
                var u = QuoteCueMiner.CountSourced(docs, lexicon);
                File.WriteAllLines(parseResult.GetValue(output)!, u.Where(kv => kv.Value.Total >= parseResult.GetValue(min))
                    .OrderByDescending(kv => kv.Value.Total).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                    .Select(kv => $"{kv.Key}\t{kv.Value.Total}\t{kv.Value.Speech}\t{kv.Value.Clause}\t{kv.Value.Object}\t{kv.Value.VerbFirst}"
                        + $"\t{(double)kv.Value.Speech / kv.Value.Total:0.000}\t{(double)kv.Value.Clause / kv.Value.Total:0.000}\t{(lexicon.Cues.TryGetValue(kv.Key, out var f) ? f : "-")}")
                    .Prepend("cue\ttotal\tspeech\tclause\tobject\tverb_first\tspeech_share\tclause_share\tframe"));
                Console.WriteLine($"{docs.Count} documents, {u.Count} candidates");
                return 0;
            }
            var counts = QuoteCueMiner.Count(docs, lexicon);
            var lines = counts.Where(kv => kv.Value >= parseResult.GetValue(min))
                .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => $"{kv.Key}\t{kv.Value}\t{(lexicon.Cues.ContainsKey(kv.Key) ? "yes" : "no")}");
            File.WriteAllLines(parseResult.GetValue(output)!, lines);
            Console.WriteLine($"{docs.Count} documents, {counts.Count} candidates");
            return 0;
        });
        return cmd;
    }

    /// <summary><c>nlp train word-classes -o data/vi/word-classes.tsv</c>: noun/verb/adverb classes of words from the tagged
    /// corpora under the shared folder (<see cref="WordClassMiner"/>); the quote stage uses them to tell a cue's object from a clause.</summary>
    public static Command MineWordClasses()
    {
        var output = new Option<string>("--output", "-o") { Description = "Where to write word<TAB>class.", Required = true };
        var cmd = new Command("word-classes", "Word classes (N/V/R/O) from ud-vi-vtb, vlsp2016-ner train and vlsp2013-ws POS counts.");
        cmd.Options.Add(output);
        cmd.SetAction(parseResult =>
        {
            var shared = NlpPipeline.Resources.SharedData.Require;
            var tokens = WordClassMiner.ReadConllu(shared("corpora/ud-vi-vtb/vi_vtb-ud-train.conllu"))
                .Concat(WordClassMiner.ReadConllu(shared("corpora/ud-vi-vtb/vi_vtb-ud-dev.conllu")))
                .Concat(WordClassMiner.ReadVlspColumns(shared("corpora/vlsp2016-ner/train")))
                .Concat(WordClassMiner.ReadSlashTagged(shared("corpora/vlsp2013-ws/vi_train.pos")));
            var classes = WordClassMiner.Classes(tokens);
            var header = "# Word classes (N noun, V verb, R adverb, O other) for telling a speech cue's object from a clause. Generated by "
                + "`nlp train word-classes -o FILE` (WordClassMiner): the most frequent class of each word in ud-vi-vtb train+dev "
                + "(CC BY-SA 4.0), vlsp2016-ner train and vlsp2013-ws POS train (research use; only the counts are used); nouns only when 3/4 of the tags agree.";
            File.WriteAllLines(parseResult.GetValue(output)!, classes.Select(kv => $"{kv.Key}\t{kv.Value}").Prepend(header));
            Console.WriteLine($"{classes.Count} words");
            return 0;
        });
        return cmd;
    }

    private static AnnotatedDocument Annotate(Document document, IReadOnlyList<IDocumentStage> stages)
    {
        var doc = new AnnotatedDocument(document);
        foreach (var stage in stages)
            doc = stage.Process(doc);
        return doc;
    }
}
