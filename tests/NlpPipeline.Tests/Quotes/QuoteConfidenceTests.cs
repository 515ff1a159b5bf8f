using System.Text.Json;
using NlpPipeline.Documents;
using NlpPipeline.Quotes;
using NlpPipeline.Resources;

namespace NlpPipeline.Tests.Quotes;

/// <summary>
/// The quote confidence model: its features on invented sentences, the shipped weights file, the curve's figures, and the
/// trainer (labels, scopes, determinism, folds by document) on a tiny gold fixture.
/// </summary>
public class QuoteConfidenceTests
{
    private static readonly QuoteConfidenceModel Zero = new(new double[QuoteConfidenceModel.FeatureNames.Count]);
    private static readonly QuoteExtractor Extractor = new(QuoteLexicon.Default, Zero);

    /// <summary>Text, the start of one found quote's content, a feature and its expected value.</summary>
    public static TheoryData<string, string, string, double> FeatureCases => new()
    {
        { "Ông Trần Văn Bình cho biết rằng giá nhà vẫn tăng.", "giá nhà", "marker:rằng", 1 },
        { "Ông Trần Văn Bình cho biết giá nhà vẫn tăng.", "giá nhà", "marker:rằng", 0 },
        { "Ông Trần Văn Bình cho biết rằng: giá nhà vẫn tăng.", "giá nhà", "marker:rằng", 1 },
        { "Ông Trần Văn Bình cho biết rằng: giá nhà vẫn tăng.", "giá nhà", "marker:colon", 1 },
        { "Ông Trần Văn Bình cho biết giá nhà vẫn tăng.", "giá nhà", "cue:strong", 1 },
        { "Ông Trần Văn Bình cho biết giá nhà vẫn tăng.", "giá nhà", "cue:none", 0 },
        { "Ông Trần Văn Bình cho biết giá nhà vẫn tăng.", "giá nhà", "length:4-7", 1 },
        { "Ông Trần Văn Bình cho biết giá nhà vẫn tăng.", "giá nhà", "reported-short", 1 },
        { "Ông Trần Văn Bình cho biết giá nhà vẫn tăng.", "giá nhà", "content:capital", 0 },
        { "Ông Trần Văn Bình cho biết giá nhà vẫn tăng.", "giá nhà", "content:ends-mid-sentence", 0 },
        { "Ông Trần Văn Bình cho biết giá nhà vẫn tăng, nhưng ông không lo lắng.", "giá nhà", "content:ends-mid-sentence", 1 },
        { "Ông Trần Văn Bình cho biết giá nhà vẫn tăng.", "giá nhà", "mention:same-sentence", 1 },
        { "Ông Trần Văn Bình cho biết giá nhà vẫn tăng.", "giá nhà", "speaker:no-entity", 1 },
        { "Ông Trần Văn Bình cho biết giá nhà vẫn tăng.", "giá nhà", "in-title", 1 },
        { "Thị trường nhà đất\nÔng Trần Văn Bình cho biết giá nhà vẫn tăng.", "giá nhà", "in-title", 0 },
        { "Ông Trần Văn Bình nói: “Giá nhà vẫn tăng trong năm nay”.", "Giá nhà", "direct", 1 },
        { "Ông Trần Văn Bình nói: “Giá nhà vẫn tăng trong năm nay”.", "Giá nhà", "marker:colon", 1 },
        { "Ông Trần Văn Bình nói: “Giá nhà vẫn tăng trong năm nay”.", "Giá nhà", "content:capital", 1 },
        { "Ông Trần Văn Bình nói: “Giá nhà vẫn tăng trong năm nay”.", "Giá nhà", "content:first-person", 0 },
        { "Ông Trần Văn Bình nói: “Tôi sẽ không bán nhà trong năm nay”.", "Tôi sẽ", "content:first-person", 1 },
        { "Ông Trần Văn Bình hỏi: “Tại sao giá nhà vẫn tăng trong năm nay?”", "Tại sao", "content:question", 1 },
        { "“Giá nhà vẫn tăng trong năm nay”, ông Trần Văn Bình nói.", "Giá nhà", "pattern:after", 1 },
        { "Theo ông Trần Văn Bình, giá nhà vẫn tăng trong năm nay.", "giá nhà", "pattern:theo", 1 },
        { "Các tiểu thương ở Đà Lạt cho biết giá rau đã tăng gấp đôi.", "giá rau", "kind:OTHER", 1 },
        { "Các tiểu thương ở Đà Lạt cho biết giá rau đã tăng gấp đôi.", "giá rau", "speaker:group", 1 },
        { "Các tiểu thương ở Đà Lạt cho biết giá rau đã tăng gấp đôi.", "giá rau", "speaker:long", 1 },
        { "Các tiểu thương ở Đà Lạt cho biết giá rau đã tăng gấp đôi.", "giá rau", "speaker:lower-case", 0 },
    };

    [Theory]
    [MemberData(nameof(FeatureCases))]
    public void Features_OfAFoundQuote_AreWhatTheirNamesSay(string text, string contentStart, string feature, double expected)
    {
        var doc = new AnnotatedDocument(new Document("t", text));
        Assert.Equal(expected, FeatureOf(doc, contentStart, feature));
    }

    [Fact]
    public void Features_SpeakerEntityConfidence_IsTheEntityStageProbability()
    {
        const string text = "Ông Trần Văn Bình cho biết giá nhà vẫn tăng.";
        var at = text.IndexOf("Trần", StringComparison.Ordinal);
        var doc = new AnnotatedDocument(new Document("t", text))
        {
            Entities = [new Entity(EntityTypes.Person, at, at + "Trần Văn Bình".Length, "Trần Văn Bình") { Ref = "e1", Confidence = 0.625 }],
        };
        Assert.Equal(0.625, FeatureOf(doc, "giá nhà", "speaker:entity-confidence"));
        Assert.Equal(0, FeatureOf(doc, "giá nhà", "speaker:no-entity"));
    }

    [Fact]
    public void Confidence_NeverChangesWhichQuotesAreFound()
    {
        var doc = new AnnotatedDocument(new Document("t",
            "Ông Trần Văn Bình cho biết giá nhà vẫn tăng. “Tôi sẽ không bán nhà”, ông nói. Theo bà Lê Thị Hoa, thị trường sẽ chững lại."));
        var withZero = Extractor.Process(doc).Quotes;
        var shipped = new QuoteExtractor().Process(doc).Quotes;
        Assert.Equal(3, withZero.Length);
        Assert.Equal(withZero.Select(q => q with { Confidence = 0 }), shipped.Select(q => q with { Confidence = 0 }));
        Assert.All(shipped, q => Assert.InRange(q.Confidence, 0, 1));
        Assert.NotEqual(shipped[0].Confidence, shipped[2].Confidence);
    }

    [Fact]
    public void ShippedWeights_NameEveryFeatureInOrder_AndRoundTrip()
    {
        var lines = EmbeddedResources.ReadLines("data/vi/quote-confidence.tsv");
        Assert.Equal(QuoteConfidenceModel.FeatureNames, lines.Select(l => l.Split('\t')[0]));
        var model = QuoteConfidenceModel.Default;
        Assert.Contains(model.Weights, w => w != 0);
        Assert.Equal(model.ToLines(), QuoteConfidenceModel.FromLines(model.ToLines()).ToLines());
        Assert.Throws<InvalidDataException>(() => QuoteConfidenceModel.FromLines(["log-length\t0.5"]));
    }

    [Fact]
    public void Curve_GivesPrecisionShareAndCalibration()
    {
        var curve = ConfidenceCurve.Of([(0.95, 1), (0.85, 1), (0.75, 0), (0.4, 1)], gold: 5);
        var at = curve.Points.ToDictionary(p => p.Threshold);
        Assert.Equal((4, 0.75, 0.6), (at[0.0].Kept, at[0.0].Precision, at[0.0].GoldShare));
        Assert.Equal((3, 2.0 / 3, 0.4), (at[0.7].Kept, at[0.7].Precision, at[0.7].GoldShare));
        Assert.Equal((2, 1.0), (at[0.8].Kept, at[0.8].Precision));
        Assert.Equal(1, at[0.9].Kept);
        Assert.Equal((0.0025 + 0.0225 + 0.5625 + 0.36) / 4, curve.Brier, 9);
        Assert.Equal((0.05 + 0.15 + 0.75 + 0.6) / 4, curve.Ece, 9);
        Assert.Equal(-(Math.Log(0.95) + Math.Log(0.85) + Math.Log(0.25) + Math.Log(0.4)) / 4, curve.LogLoss, 9);
        Assert.Equal(2.0 / 3, curve.Auc, 9);
    }

    [Fact]
    public void Trainer_LabelsEndToEnd_RespectsScopes_AndReproduces() => WithFixture(dir =>
    {
        var gold = GoldDocument.ReadAll(Path.Combine(dir, "gold.jsonl"));
        var texts = Path.Combine(dir, "texts");
        var (all, goldAll) = Examples([(gold, texts, GoldScope.All)]);
        // a.txt: Bình's quote right, Hoa's matched with a wrong gold speaker; b.txt: An's quote right, Lan's not in the gold.
        Assert.Equal([1, 0, 1, 0], all.Select(e => e.Y));
        Assert.Equal(3, goldAll);
        var (direct, _) = Examples([(gold, texts, GoldScope.Direct)]);
        Assert.Equal([0], direct.Select(e => e.Y));
        var (matched, goldMatched) = Examples([(gold, texts, GoldScope.Matched)]);
        Assert.Equal([1, 0, 1], matched.Select(e => e.Y));
        Assert.Equal(3, goldMatched);

        var first = QuoteConfidenceTrainer.Fit(all).ToLines().ToList();
        var again = QuoteConfidenceTrainer.Fit(Examples([(gold, texts, GoldScope.All)]).Examples).ToLines().ToList();
        Assert.Equal(first, again);
        Assert.Contains(QuoteConfidenceTrainer.Fit(all).Weights, w => w != 0);
    });

    [Fact]
    public void CrossValidate_ScoresEachDocumentWithAModelThatNeverSawIt() => WithFixture(dir =>
    {
        var (examples, _) = Examples([(GoldDocument.ReadAll(Path.Combine(dir, "gold.jsonl")), Path.Combine(dir, "texts"), GoldScope.All)]);
        var oof = QuoteConfidenceTrainer.CrossValidate(examples, 2);
        var docs = examples.Select(e => e.Doc).Distinct().ToList();
        Assert.Equal(2, docs.Count);
        for (var i = 0; i < examples.Count; i++)
        {
            var other = QuoteConfidenceTrainer.Fit([.. examples.Where(e => e.Doc != examples[i].Doc)]);
            Assert.Equal(other.Score(examples[i].X), oof[i]);
        }
    });

    private static (List<ConfidenceExample> Examples, int Gold) Examples(IReadOnlyList<(IReadOnlyList<GoldDocument>, string, GoldScope)> sets) =>
        QuoteConfidenceTrainer.Examples(sets, d => new AnnotatedDocument(d), Extractor);

    private static double FeatureOf(AnnotatedDocument doc, string contentStart, string feature)
    {
        var found = Extractor.Extract(doc);
        var c = Assert.Single(found, q => doc.Text[q.Start..q.End].StartsWith(contentStart, StringComparison.Ordinal));
        return QuoteConfidenceModel.Features(c, doc)[QuoteConfidenceModel.FeatureNames.ToList().IndexOf(feature)];
    }

    /// <summary>Runs <paramref name="test"/> on two texts and a gold file beside them, in a fresh temporary folder.</summary>
    private static void WithFixture(Action<string> test)
    {
        var dir = Path.Combine(Path.GetTempPath(), "nlp-conf-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(dir, "texts"));
        File.WriteAllText(Path.Combine(dir, "texts", "a.txt"),
            "Ông Trần Văn Bình cho biết giá nhà vẫn tăng trong năm nay. Bà Lê Thị Hoa nói: “Chúng tôi sẽ không bán nhà lúc này”.");
        File.WriteAllText(Path.Combine(dir, "texts", "b.txt"),
            "Ông Nguyễn Văn An khẳng định công trình sẽ xong trước mùa mưa. Bà Phạm Thị Lan cho rằng giá vật liệu đang giảm mạnh.");
        static object Q(string type, string speaker, string content) => new
        {
            type, speaker, speaker_mention = speaker, speaker_kind = "PER", speaker_aliases = Array.Empty<string>(), cue = (string?)null, content,
        };
        File.WriteAllLines(Path.Combine(dir, "gold.jsonl"),
        [
            JsonSerializer.Serialize(new { doc = "a.txt", quotes = new[] { Q("indirect", "Trần Văn Bình", "giá nhà vẫn tăng trong năm nay"), Q("direct", "Nguyễn Văn Ba", "Chúng tôi sẽ không bán nhà lúc này") } }),
            JsonSerializer.Serialize(new { doc = "b.txt", quotes = new[] { Q("indirect", "Nguyễn Văn An", "công trình sẽ xong trước mùa mưa") } }),
        ]);
        try
        {
            test(dir);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
