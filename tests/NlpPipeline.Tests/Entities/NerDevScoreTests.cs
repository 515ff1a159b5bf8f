using NlpPipeline.Entities;

namespace NlpPipeline.Tests.Entities;

/// <summary>The shipped model on the held-out dev splits, end to end from raw text; floors just under the measured F1.</summary>
public class NerDevScoreTests
{
    public static TheoryData<string, double> DevFloors => new()
    {
        { "vlsp2016", 87.8 },
        { "vlsp2018", 85.5 },
    };

    [Theory]
    [MemberData(nameof(DevFloors))]
    public void Evaluate_DevSplit_MicroF1AboveFloor(string corpus, double floor)
    {
        var corpora = NerCorpusReaderTests.SharedCorpora();
        var docs = corpus == "vlsp2016" ? NerTrainingData.LoadDev2016(corpora) : NerTrainingData.LoadDev2018(corpora);

        var micro = NerTrainingData.Evaluate(PerceptronEntityRecognizer.Default, docs).MicroPerOrgLoc;

        Assert.True(100 * micro.F1 >= floor, $"{corpus} dev micro F1 {100 * micro.F1:F2} < {floor}");
    }

    [Fact]
    public void Train_SameDataTwice_GivesIdenticalModelBytes()
    {
        var corpora = NerCorpusReaderTests.SharedCorpora();
        var docs = NerTrainingData.LoadTrain(corpora, ["vlsp2016"]).Take(6).ToList();
        var options = new PerceptronEntityTrainerOptions { Bits = 16, Epochs = 2 };

        (PerceptronEntityModel Model, byte[] Bytes) Train()
        {
            var model = new PerceptronEntityTrainer(options).Train(docs, NlpPipeline.Resources.SharedData.Lexicons);
            using var stream = new MemoryStream();
            model.Save(stream);
            return (model, stream.ToArray());
        }

        var (trained, first) = Train();
        Assert.Equal(first, Train().Bytes);
        var reloaded = PerceptronEntityModel.Load(new MemoryStream(first));
        var text = string.Join('\n', docs[0].Text.Split('\n').Take(20));
        var before = new PerceptronEntityRecognizer(trained).Recognize(text).ToArray();
        Assert.NotEmpty(before);
        Assert.Equal(before, new PerceptronEntityRecognizer(reloaded).Recognize(text).ToArray());
    }
}
