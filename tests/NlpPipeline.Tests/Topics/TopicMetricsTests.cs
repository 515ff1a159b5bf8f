using NlpPipeline.Topics;

namespace NlpPipeline.Tests.Topics;

public class TopicMetricsTests
{
    // gold/predicted pairs with hand-computed figures:
    // a: gold 3, predicted 2, correct 2 -> P 1, R 2/3, F1 0.8
    // b: gold 2, predicted 2, correct 1 -> P 0.5, R 0.5, F1 0.5
    // c: gold 1, predicted 2, correct 1 -> P 0.5, R 1, F1 2/3
    // accuracy 4/6; macro-F1 (0.8 + 0.5 + 2/3) / 3 = 0.65556
    public static TheoryData<string[], string[], double, double> Tables => new()
    {
        { ["a", "a", "a", "b", "b", "c"], ["a", "a", "b", "b", "c", "c"], 4.0 / 6, (0.8 + 0.5 + 2.0 / 3) / 3 },
        { ["x", "y"], ["x", "y"], 1.0, 1.0 },
        // A label only predicted (never gold) lowers accuracy but is not averaged into macro-F1.
        { ["x", "x"], ["x", "z"], 0.5, 2.0 / 3 },
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public void AccuracyAndMacroF1_HandComputedTable_Match(string[] gold, string[] predicted, double accuracy, double macroF1)
    {
        var m = new TopicMetrics();
        for (var i = 0; i < gold.Length; i++)
            m.Add(gold[i], predicted[i]);
        Assert.Equal(accuracy, m.Accuracy, 6);
        Assert.Equal(macroF1, m.MacroF1, 6);
    }

    [Fact]
    public void Report_ConfusionMatrix_CountsGoldRowsAndPredictedColumns()
    {
        var m = new TopicMetrics();
        m.Add("a", "b");
        m.Add("a", "b");
        m.Add("b", "b");
        Assert.Equal(2, m.Count("a", "b"));
        Assert.Equal(0, m.Count("b", "a"));
        Assert.Contains("accuracy 33.33 %", m.Report(), StringComparison.Ordinal);
    }

    // (score, correct) lists with hand-computed ECE: bin 0.9 holds 0.95 (right) and 0.95 (wrong): |1.9 - 1| / n;
    // bin 0.6 holds 0.6 (right): |0.6 - 1| / n; n = 3 -> (0.9 + 0.4) / 3.
    public static TheoryData<double[], bool[], double> Calibration => new()
    {
        { [0.95, 0.95, 0.6], [true, false, true], (0.9 + 0.4) / 3 },
        { [0.5, 0.5], [true, false], 0.0 },
        { [1.0], [false], 1.0 },
    };

    [Theory]
    [MemberData(nameof(Calibration))]
    public void ExpectedCalibrationError_HandComputed_Matches(double[] scores, bool[] correct, double ece)
    {
        var m = new TopicMetrics();
        for (var i = 0; i < scores.Length; i++)
            m.Add("a", correct[i] ? "a" : "b", scores[i]);
        Assert.Equal(ece, m.ExpectedCalibrationError, 6);
        Assert.Contains("ECE " + ece.ToString("F4", System.Globalization.CultureInfo.InvariantCulture), m.Report(), StringComparison.Ordinal);
    }
}
