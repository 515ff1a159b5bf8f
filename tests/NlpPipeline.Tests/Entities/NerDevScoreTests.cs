using NlpPipeline.Entities;

namespace NlpPipeline.Tests.Entities;

/// <summary>The shipped model on the held-out dev splits, end to end from raw text; floors just under the measured F1.</summary>
public class NerDevScoreTests
{
    public static TheoryData<string, double> DevFloors => new()
    {
        { "vlsp2016", 89.0 },
        { "vlsp2018", 86.3 },
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

    public static TheoryData<string> DevSplits => ["vlsp2016", "vlsp2018"];

    [Theory]
    [MemberData(nameof(DevSplits))]
    public void Recognize_DevSplit_ConfidentEntitiesAreMorePrecise(string corpus)
    {
        var corpora = NerCorpusReaderTests.SharedCorpora();
        var docs = corpus == "vlsp2016" ? NerTrainingData.LoadDev2016(corpora) : NerTrainingData.LoadDev2018(corpora);
        var scored = new List<(double Confidence, bool Right)>();
        foreach (var doc in docs)
        {
            var gold = doc.Entities.Select(e => (e.Type, e.Start, e.End)).ToHashSet();
            scored.AddRange(PerceptronEntityRecognizer.Default.Recognize(doc.Text)
                .Select(e => (e.Confidence ?? double.NaN, gold.Contains((e.Type, e.Start, e.End)))));
        }

        Assert.All(scored, x => Assert.InRange(x.Confidence, 0, 1));
        var sorted = scored.OrderBy(x => x.Confidence).ToList();
        var quarter = sorted.Count / 4;
        double Precision(IEnumerable<(double, bool Right)> xs) => xs.Average(x => x.Right ? 1.0 : 0.0);
        var low = Precision(sorted.Take(quarter));
        var high = Precision(sorted.Skip(sorted.Count - quarter));
        Assert.True(high > low + 0.1, $"{corpus}: precision of the most confident quarter {high:P1}, of the least {low:P1}");
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
