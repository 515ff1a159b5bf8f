using NlpPipeline.Storage;

namespace NlpPipeline.Tests.Storage;

public sealed class FormUsesTests
{
    [Theory]
    [InlineData("Lê Văn Tám", "Lê Văn Tám")]
    [InlineData("Lê Văn Tám|LÊ VĂN TÁM|Lê Văn Tám", "Lê Văn Tám")]
    [InlineData("LÊ VĂN TÁM|Lê Văn Tám|LÊ VĂN TÁM", "LÊ VĂN TÁM")]
    [InlineData("Lê văn Tám|Lê Văn Tám", "Lê Văn Tám")] // a tie: ordinal first
    [InlineData("Lê Văn Tám|Lê văn Tám|Lê văn Tám|Lê Văn Tám|Lê Văn Tám", "Lê Văn Tám")]
    public void Forms_SpellingsOfOneForm_NameIsTheMostFrequentThenOrdinalFirst(string spellings, string expected)
    {
        var uses = new FormUses();
        long document = 0;
        foreach (var spelling in spellings.Split('|'))
            uses.Add(++document, "PER", "lê văn tám", spelling, new[] { spelling });

        var form = Assert.Single(uses.Forms());
        Assert.Equal(expected, form.Name);
        Assert.Null(form.Titles);
    }

    [Fact]
    public void Aliases_CountDocumentsOnceEachAndTitlesAreKeptByKey()
    {
        var uses = new FormUses();
        uses.Add(1, "PER", "tám", "Tám", new[] { "Tám" });
        uses.Add(1, "PER", "tám", "Tám", new[] { "Tám", "TÁM" });
        uses.Add(2, "PER", "tám", "Tám", new[] { "Tám" });
        uses.AddTitle("PER", "tám", "Thứ  trưởng");
        uses.AddTitle("PER", "tám", "thứ trưởng");

        Assert.Equal(["TÁM:1", "Tám:2"], uses.Aliases().Select(a => $"{a.Alias}:{a.Documents}").Order(StringComparer.Ordinal));
        Assert.Equal(["thứ trưởng"], Assert.Single(uses.Forms()).Titles!);
    }
}
