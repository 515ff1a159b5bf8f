using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NlpPipeline.Documents;

namespace NlpPipeline.Entities;

/// <summary>One gold title: its span and the span of the person it describes, in a document of the gold set.</summary>
public sealed record GoldTitle(string Doc, int TitleStart, int TitleEnd, int PersonStart, int PersonEnd, string Check, string Split);

/// <summary>A document of the title gold set with its split (<c>dev</c>, <c>unseen</c> or <c>unseen2</c>) and text length.</summary>
public sealed record GoldTitleDocument(string Doc, string Split, int Length);

/// <summary>Counts and rates of a title evaluation. Link accuracy is over exactly matched titles.</summary>
public sealed record TitleScores(int Gold, int Predicted, int Matched, int LinkCorrect)
{
    public double Precision => Predicted == 0 ? 0 : (double)Matched / Predicted;
    public double Recall => Gold == 0 ? 0 : (double)Matched / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    public double LinkAccuracy => Matched == 0 ? 0 : (double)LinkCorrect / Matched;

    public static TitleScores operator +(TitleScores a, TitleScores b) =>
        new(a.Gold + b.Gold, a.Predicted + b.Predicted, a.Matched + b.Matched, a.LinkCorrect + b.LinkCorrect);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"gold {Gold}, predicted {Predicted}, matched {Matched}: P {100 * Precision:F1} R {100 * Recall:F1} F1 {100 * F1:F1}; person link {LinkCorrect}/{Matched} = {100 * LinkAccuracy:F1}");
}

/// <summary>
/// Scores TITLE entities against the title gold set (<c>titles.tsv</c> + <c>titles-docs.tsv</c>): a predicted
/// title matches a gold one with the same [start, end); its person link is right when its <c>PersonRef</c> is
/// the ref of the predicted PER mention that overlaps the gold person span.
/// </summary>
public static class TitleEvaluator
{
    /// <summary>Reads the gold rows (tab-separated, <c>#</c> comments and a header line skipped).</summary>
    public static IReadOnlyList<GoldTitle> ReadGold(string path) =>
        Rows(path).Select(c => new GoldTitle(c[0], Int(c[1]), Int(c[2]), Int(c[3]), Int(c[4]), c[5], c[6])).ToList();

    public static IReadOnlyList<GoldTitleDocument> ReadDocuments(string path) =>
        Rows(path).Select(c => new GoldTitleDocument(c[0], c[1], Int(c[2]))).ToList();

    /// <summary>Reads a gold text as the project's readers do: BOM dropped, CRLF to LF, NFC.</summary>
    public static string ReadText(string path) =>
        File.ReadAllText(path, Encoding.UTF8).TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Normalize(NormalizationForm.FormC);

    /// <summary>Throws when a gold row no longer fits its text (length or checksum drift).</summary>
    public static void Verify(GoldTitleDocument document, string text, IEnumerable<GoldTitle> gold)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length != document.Length)
            throw new InvalidDataException($"{document.Doc}: text length {text.Length}, gold expects {document.Length}");
        foreach (var g in gold ?? [])
        {
            var check = Check(text[g.TitleStart..g.TitleEnd], text[g.PersonStart..g.PersonEnd]);
            if (check != g.Check)
                throw new InvalidDataException($"{g.Doc} {g.TitleStart}-{g.TitleEnd}: checksum {check}, gold expects {g.Check}");
        }
    }

    /// <summary>First 8 hex digits of SHA-256 of <c>title|person</c> (UTF-8).</summary>
    public static string Check(string title, string person) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(title + "|" + person)))[..8];

    /// <summary>Scores one document's entities against its gold titles.</summary>
    public static TitleScores Score(IReadOnlyList<Entity> predicted, IReadOnlyList<GoldTitle> gold)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(gold);
        var titles = predicted.Where(e => e.Type == EntityTypes.Title).ToList();
        var persons = predicted.Where(e => e.Type == EntityTypes.Person).ToList();
        int matched = 0, linked = 0;
        foreach (var g in gold)
        {
            var t = titles.FirstOrDefault(e => e.Start == g.TitleStart && e.End == g.TitleEnd);
            if (t is null)
                continue;
            matched++;
            var person = persons.FirstOrDefault(p => p.Start < g.PersonEnd && g.PersonStart < p.End);
            if (person?.Ref is not null && t.PersonRef == person.Ref)
                linked++;
        }
        return new TitleScores(gold.Count, titles.Count, matched, linked);
    }

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    private static IEnumerable<string[]> Rows(string path)
    {
        var header = true;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            if (line.Length == 0 || line[0] == '#')
                continue;
            if (header)
            {
                header = false;
                continue;
            }
            yield return line.Split('\t');
        }
    }
}
