using NlpPipeline.Topics;

namespace NlpPipeline.Tests.Topics;

public class TopicCalibrationTests
{
    [Theory]
    [InlineData(1f, new[] { 0.81f, 0.09f, 0.1f }, new[] { 0.81f, 0.09f, 0.1f })]
    // sqrt: 0.9, 0.3, 0.31623 over their sum 1.51623
    [InlineData(0.5f, new[] { 0.81f, 0.09f, 0.1f }, new[] { 0.59358f, 0.19786f, 0.20856f })]
    // squares: 0.25, 0.0625 over 0.3125
    [InlineData(2f, new[] { 0.8f, 0.2f }, new[] { 0.94118f, 0.05882f })]
    public void Apply_RescalesByExponent(float exponent, float[] probabilities, float[] expected)
    {
        TopicCalibration.Apply(probabilities, exponent);
        for (var i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], probabilities[i], 4);
    }

    [Fact]
    public void Fit_OverconfidentPredictions_ExponentMatchesObservedAccuracy()
    {
        // Always 0.99 for class 0 but right 3 times in 4: the NLL optimum gives 0.75 = 0.99^a / (0.99^a + 0.01^a), a = ln 3 / ln 99.
        var rows = Enumerable.Range(0, 40).Select(_ => new[] { 0.99f, 0.01f }).ToList();
        var gold = Enumerable.Range(0, 40).Select(i => i % 4 == 3 ? 1 : 0).ToList();
        Assert.Equal(Math.Log(3) / Math.Log(99), TopicCalibration.Fit(rows, gold), 3);
    }

    [Fact]
    public void Fit_NoHeldOutDocuments_Identity() => Assert.Equal(1f, TopicCalibration.Fit([], []));
}
