using NlpPipeline.Entities;

namespace NlpPipeline.Tests.Entities;

public class NerCorpusReaderTests
{
    private const string Column2016 =
        "\uFEFF<title>Hải_tặc eo_biển Malacca</title>\r\n" +
        "<editor>Vietlex team, 8-2016</editor>\r\n" +
        "-DOCSTART-\r\n" +
        "<s>\t\t\t\t\r\n" +
        "Ông\tNc\tB-NP\tO\tO\r\n" +
        "Nguyễn_Văn\tNp\tB-NP\tB-PER\tO\r\n" +
        "An\tNp\tI-NP\tI-PER\tO\r\n" +
        "đến\tV\tB-VP\tO\tO\r\n" +
        "Thái_Bình_Dương\tNNP\tB-NP\tB-LOC\tO\r\n" +
        "(\tCH\tO\tO\tO\r\n" +
        "Bộ\tN\tB-NP\tB-ORG\tO\r\n" +
        "Y_tế\tN\tB-NP\tI-ORG\tO\r\n" +
        ")\tCH\tO\tO\tO\r\n" +
        ",\tCH\tO\tO\tO\r\n" +
        "Hà_Nội\tNNP\tB-NP\tB-LOC\tO\r\n" +
        ".\tCH\tO\tO\tO\r\n" +
        "</s>\t\t\t\t\r\n" +
        "<s>\tNy\t\t\t\r\n" +
        "Trung_Quốc\tNNP\tB-NP\tI-LOC\tO\r\n" +
        "</s>\t\t\t\t\r\n";

    public static TheoryData<string, string, (string Type, int Start, int End)[]> Tagged2018 => new()
    {
        {
            "Ngoại trưởng <ENAMEX TYPE=\"LOCATION\">Mỹ</ENAMEX> <ENAMEX TYPE=\"PERSON\">Rex Tillerson</ENAMEX> nói.",
            "Ngoại trưởng Mỹ Rex Tillerson nói.",
            [("LOC", 13, 15), ("PER", 16, 29)]
        },
        {
            "Phát ngôn viên <ENAMEX TYPE=\"ORGANIZATION\">Bộ Ngoại giao <ENAMEX TYPE=\"LOCATION\">Việt Nam</ENAMEX></ENAMEX>\r\nxong",
            "Phát ngôn viên Bộ Ngoại giao Việt Nam\nxong",
            [("ORG", 15, 37)]
        },
        {
            "<ENAMEX TYPE=\"MISCELLANEOUS\">Tiếng Việt</ENAMEX> và <ENAMEX TYPE=\"ORGANIZATION\"> UNESCO </ENAMEX>",
            "Tiếng Việt và  UNESCO ",
            [("MISC", 0, 10), ("ORG", 15, 21)]
        },
        { "Không có thẻ nào.", "Không có thẻ nào.", [] },
        { "", "", [] },
    };

    [Fact]
    public void Vlsp2016Parse_ColumnFile_DetokenisesWithEntityOffsets()
    {
        var doc = Vlsp2016NerReader.Parse("d", Column2016);

        Assert.Equal("Ông Nguyễn Văn An đến Thái Bình Dương (Bộ Y tế), Hà Nội.\nTrung Quốc", doc.Text);
        Assert.Equal(
            [("PER", "Nguyễn Văn An"), ("LOC", "Thái Bình Dương"), ("ORG", "Bộ Y tế"), ("LOC", "Hà Nội"), ("LOC", "Trung Quốc")],
            doc.Entities.Select(e => (e.Type, e.Text)).ToArray());
        Assert.All(doc.Entities, e => Assert.Equal(e.Text, doc.Text[e.Start..e.End]));
    }

    [Theory]
    [MemberData(nameof(Tagged2018))]
    public void Vlsp2018Parse_InlineTags_OuterEntitiesOnStrippedText(string tagged, string text, (string Type, int Start, int End)[] expected)
    {
        var doc = Vlsp2018NerReader.Parse("d", tagged);

        Assert.Equal(text, doc.Text);
        Assert.Equal(expected, doc.Entities.Select(e => (e.Type, e.Start, e.End)).ToArray());
        Assert.All(doc.Entities, e => Assert.Equal(e.Text, doc.Text[e.Start..e.End]));
    }

    [Fact]
    public void Vlsp2018Parse_DecomposedText_IsNfc()
    {
        var doc = Vlsp2018NerReader.Parse("d", "<ENAMEX TYPE=\"LOCATION\">" + "Hà Nội".Normalize(System.Text.NormalizationForm.FormD) + "</ENAMEX> đẹp");

        Assert.Equal("Hà Nội đẹp", doc.Text);
        Assert.Equal("Hà Nội", doc.Entities.Single().Text);
    }

    [Fact]
    public void Load_SharedCorpora_OffsetsRoundTripAndDevSplitIsDisjoint()
    {
        var corpora = SharedCorpora();
        var all2016 = NerCorpus.Load(NerTrainingData.Vlsp2016(corpora));
        var dev2016 = NerTrainingData.LoadDev2016(corpora);
        var train = NerTrainingData.LoadTrain(corpora, ["vlsp2016"]);

        Assert.Equal(267, all2016.Count);
        Assert.InRange(dev2016.Count, 25, 40);
        Assert.Equal(all2016.Count, dev2016.Count + train.Count);
        Assert.Empty(dev2016.Select(d => d.Id).Intersect(train.Select(d => d.Id)));
        var dev2018 = NerTrainingData.LoadDev2018(corpora);
        Assert.Equal(260, dev2018.Count);
        foreach (var doc in all2016.Concat(dev2018))
        {
            Assert.All(doc.Entities, e => Assert.Equal(e.Text, doc.Text[e.Start..e.End]));
            Assert.DoesNotContain('\r', doc.Text);
        }
        Assert.Equal(7480, all2016.Sum(d => d.Entities.Count(e => e.Type == "PER")));
    }

    internal static string SharedCorpora() =>
        NlpPipeline.Resources.SharedData.Corpora ?? throw new InvalidOperationException("Shared corpora not found: set NLP_SHARED.");
}
