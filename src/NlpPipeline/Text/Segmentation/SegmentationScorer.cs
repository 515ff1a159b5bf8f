using NlpPipeline.Documents;

namespace NlpPipeline.Text.Segmentation;

/// <summary>Word precision, recall and F1 (percent), with the counts they come from.</summary>
public readonly record struct SegmentationScore(long Gold, long Predicted, long Correct)
{
    public double Precision => Predicted == 0 ? 0 : 100.0 * Correct / Predicted;
    public double Recall => Gold == 0 ? 0 : 100.0 * Correct / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public override string ToString() =>
        FormattableString.Invariant($"P {Precision:F2}  R {Recall:F2}  F1 {F1:F2}  (gold {Gold}, predicted {Predicted}, correct {Correct})");
}

/// <summary>Scores predicted words against gold: a word counts only when both its boundaries match a gold word.</summary>
public static class SegmentationScorer
{
    public static SegmentationScore Score(PerceptronWordSegmenter segmenter, IEnumerable<GoldSentence> gold)
    {
        ArgumentNullException.ThrowIfNull(segmenter);
        ArgumentNullException.ThrowIfNull(gold);
        long g = 0, p = 0, c = 0;
        var predicted = new List<Token>();
        foreach (var sentence in gold)
        {
            predicted.Clear();
            segmenter.Segment(sentence.Text, 0, predicted);
            g += sentence.Words.Count;
            p += predicted.Count;
            c += CountMatches(sentence.Words, predicted);
        }
        return new SegmentationScore(g, p, c);
    }

    internal static int CountMatches(IReadOnlyList<(int Start, int End)> gold, List<Token> predicted)
    {
        int i = 0, j = 0, matches = 0;
        while (i < gold.Count && j < predicted.Count)
        {
            var (gs, ge) = gold[i];
            var ps = predicted[j].Start;
            if (gs == ps)
            {
                if (ge == predicted[j].End)
                    matches++;
                i++;
                j++;
            }
            else if (gs < ps)
                i++;
            else
                j++;
        }
        return matches;
    }
}
