using NlpPipeline.Resources;
using NlpPipeline.Text.Segmentation;

namespace NlpPipeline.Tests.Text.Segmentation;

/// <summary>Scores the shipped model on the held-out VLSP 2013 dev blocks (never trained on); deterministic.</summary>
public class SegmentationDevSplitTests
{
    /// <summary>Just under the measured dev F1 of the shipped model (97.70).</summary>
    private const double F1Floor = 97.65;

    [Fact]
    public void Score_ShippedModelOnVlsp2013DevSplit_F1AboveFloor()
    {
        var path = SharedData.Require("corpora/vlsp2013-ws/vi_train.wt");
        var dev = SegmentationCorpus.ReadJoined(path).Where((_, i) => SegmentationCorpus.IsDevSentence(i)).ToList();
        Assert.Equal(800, dev.Count);
        var score = SegmentationScorer.Score(new PerceptronWordSegmenter(), dev);
        Assert.True(score.F1 >= F1Floor, $"dev {score}");
        Assert.True(score.Precision >= 97.0 && score.Recall >= 97.5, $"dev {score}");
    }
}
