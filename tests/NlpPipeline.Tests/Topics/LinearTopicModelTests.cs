using Microsoft.ML;
using Microsoft.ML.Data;
using NlpPipeline.Topics;

namespace NlpPipeline.Tests.Topics;

public class LinearTopicModelTests
{
    private static readonly HashedNgramFeaturizer Featurizer = new(10);

    private static readonly string[] Sports = ["đội tuyển ghi bàn thắng", "cầu thủ sút bóng vào lưới", "trận đấu bóng đá tối qua", "huấn luyện viên đội bóng"];
    private static readonly string[] Health = ["bệnh viện điều trị bệnh nhân", "bác sĩ khám bệnh", "thuốc chữa bệnh cúm", "bệnh nhân nhập viện cấp cứu"];
    private static readonly string[] World = ["tổng thống Mỹ thăm Nga", "liên hợp quốc họp về hạt nhân", "quân đội Israel tấn công", "ngoại trưởng hội đàm"];

    private static List<TopicExample> Examples() =>
        [.. new[] { ("sports", Sports), ("health", Health), ("world", World) }
            .SelectMany(g => g.Item2.Select((t, i) => new TopicExample($"{g.Item1}/{i}", Featurizer.Featurize(t, []), g.Item1)))];

    [Theory]
    [InlineData("sdca-maxent")]
    [InlineData("lbfgs-maxent")]
    [InlineData("ova-sdca")]
    public void Load_SavedZip_ScoresLikeMlNet(string trainerName)
    {
        var trainer = new TopicModelTrainer(Featurizer.Dimension);
        var view = trainer.ToDataView(Examples());
        var model = trainer.Fit(view, trainerName);
        var path = Path.Combine(Path.GetTempPath(), $"topic-roundtrip-{Guid.NewGuid():N}.zip");
        try
        {
            trainer.Save(model, view.Schema, path);
            using var stream = File.OpenRead(path);
            var loaded = LinearTopicModel.Load(stream);
            Assert.Equal(["health", "sports", "world"], loaded.Labels);

            var probe = new[] { "bác sĩ điều trị", "bàn thắng của đội tuyển", "hội đàm tại liên hợp quốc" }
                .Select((t, i) => new TopicExample($"p{i}", Featurizer.Featurize(t, []), "world")).ToList();
            var scores = trainer.Context.Data.CreateEnumerable<ScoreRow>(model.Transform(trainer.ToDataView(probe)), reuseRowObject: false).ToList();
            for (var i = 0; i < probe.Count; i++)
            {
                var fast = new float[loaded.ClassCount];
                loaded.Predict(probe[i].Features, fast);
                for (var c = 0; c < fast.Length; c++)
                    Assert.Equal(scores[i].Score[c], fast[c], 4);
            }
            var best = new float[loaded.ClassCount];
            loaded.Predict(probe[0].Features, best);
            Assert.Equal("health", loaded.Labels[Array.IndexOf(best, best.Max())]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_WithCalibration_RescalesMlNetProbabilities()
    {
        var trainer = new TopicModelTrainer(Featurizer.Dimension);
        var view = trainer.ToDataView(Examples());
        var model = trainer.Fit(view, "ova-sdca");
        var path = Path.Combine(Path.GetTempPath(), $"topic-calibrated-{Guid.NewGuid():N}.zip");
        try
        {
            trainer.Save(model, view.Schema, path);
            LinearTopicModel.WriteCalibration(path, 0.5f);
            using var stream = File.OpenRead(path);
            var loaded = LinearTopicModel.Load(stream);
            Assert.Equal(0.5f, loaded.CalibrationExponent);
            var probe = new TopicExample("p", Featurizer.Featurize("bác sĩ điều trị", []), "health");
            var expected = trainer.Context.Data.CreateEnumerable<ScoreRow>(model.Transform(trainer.ToDataView([probe])), reuseRowObject: false).Single().Score;
            TopicCalibration.Apply(expected, 0.5f);
            var fast = new float[loaded.ClassCount];
            loaded.Predict(probe.Features, fast);
            for (var c = 0; c < fast.Length; c++)
                Assert.Equal(expected[c], fast[c], 4);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void FitCalibration_HeldOutSlice_ExponentPositiveAndAccuracyKept()
    {
        var examples = Examples();
        var (exponent, before, after) = TopicModelTrainer.FitCalibration(Featurizer.Dimension, examples, id => id.EndsWith("/3", StringComparison.Ordinal), "ova-sdca");
        Assert.Equal(3, before.Total);
        Assert.InRange(exponent, 1f / 64, 64f);
        Assert.Equal(before.Accuracy, after.Accuracy);
    }

    [Fact]
    public void Save_WithWeights_StampsEveryEntryAlikeAndStillLoads()
    {
        var trainer = new TopicModelTrainer(Featurizer.Dimension);
        var view = trainer.ToDataView(Examples());
        var path = Path.Combine(Path.GetTempPath(), $"topic-stamp-{Guid.NewGuid():N}.zip");
        try
        {
            trainer.Save(trainer.Fit(view, "sdca-maxent"), view.Schema, path);
            LinearTopicModel.WriteWeights(path, Enumerable.Repeat(2f, Featurizer.Dimension).ToArray());
            using (var zip = System.IO.Compression.ZipFile.OpenRead(path))
            {
                Assert.Contains(zip.Entries, e => e.FullName == LinearTopicModel.IdfEntry);
                Assert.All(zip.Entries, e => Assert.Equal(ModelZip.EntryTime.DateTime, e.LastWriteTime.DateTime));
            }
            using var stream = File.OpenRead(path);
            var loaded = LinearTopicModel.Load(stream);
            Assert.Equal(2f, loaded.FeatureWeights![0]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void SubtopicLoad_SavedZip_ProbabilityLikeMlNet()
    {
        var examples = Examples().Select(e => (e.Features, e.Label == "world")).ToList();
        var trainer = new SubtopicTrainer(Featurizer.Dimension);
        var (model, schema, report) = trainer.Train("world-ish", examples, folds: 2);
        Assert.Equal(4, report.Positives);
        var path = Path.Combine(Path.GetTempPath(), $"subtopic-roundtrip-{Guid.NewGuid():N}.zip");
        try
        {
            trainer.Save(model, schema, path);
            using var stream = File.OpenRead(path);
            var loaded = LinearSubtopicModel.Load(stream);
            var ml = new MLContext(seed: 1);
            var probe = Featurizer.Featurize("ngoại trưởng Mỹ hội đàm", []);
            var view = ml.Data.LoadFromEnumerable([new FeatureRow { Features = new VBuffer<float>(Featurizer.Dimension, probe.Count, probe.Values, probe.Indices) }],
                WithSize(Featurizer.Dimension));
            var expected = ml.Data.CreateEnumerable<ProbabilityRow>(model.Transform(view), reuseRowObject: false).Single().Probability;
            Assert.Equal(expected, loaded.Probability(probe), 4);
            Assert.True(loaded.Probability(probe) > 0.5);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static SchemaDefinition WithSize(int size)
    {
        var s = SchemaDefinition.Create(typeof(FeatureRow));
        s[nameof(FeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, size);
        return s;
    }

    private sealed class ScoreRow
    {
        public float[] Score { get; set; } = [];
    }

    private sealed class FeatureRow
    {
        public VBuffer<float> Features { get; set; }
    }

    private sealed class ProbabilityRow
    {
        public float Probability { get; set; }
    }
}
