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

    [Fact]
    public void Aliases_FirstAliasThenMore_KeepOrderFirstSeenAndCountEachDocumentOnce()
    {
        var uses = new FormUses();
        uses.Add(1, "PER", "tám", "Tám", new[] { "Tám" });
        uses.Add(2, "PER", "tám", "Tám", new[] { "Tám" });
        uses.Add(3, "PER", "tám", "Tám", new[] { "TÁM", "Tám" });
        uses.Add(3, "PER", "tám", "Tám", new[] { "Tám" });
        uses.Add(4, "PER", "tám", "Tám", new[] { "Ông Tám" });

        Assert.Equal(["Tám:3", "TÁM:1", "Ông Tám:1"], uses.Aliases().Select(a => $"{a.Alias}:{a.Documents}"));
    }

    [Fact]
    public void Add_NewAndSeenForms_NumbersFormsAsFirstAddedOrKeepsTheIdGiven()
    {
        var numbered = new FormUses();
        var stored = new FormUses();

        Assert.Equal([1L, 2L, 1L, 3L], new[]
        {
            numbered.Add(1, "PER", "tám", "Tám", ["Tám"]),
            numbered.Add(1, "ORG", "vnpt", "VNPT", ["VNPT"]),
            numbered.Add(2, "PER", "tám", "TÁM", ["TÁM"]),
            numbered.Add(2, "PER", "lê văn tám", "Lê Văn Tám", ["Lê Văn Tám"]),
        });
        Assert.Equal([7L, 7L], new[] { stored.Add(1, "PER", "tám", "Tám", ["Tám"], id: 7), stored.Add(2, "PER", "tám", "Tám", ["Tám"], id: 9) });
        Assert.Equal(["PER tám 1", "ORG vnpt 2", "PER lê văn tám 3"], numbered.Forms().Select(f => $"{f.Type} {f.Key} {f.Id}"));
    }

    [Fact]
    public void EntityAliases_EntitiesSetThroughForms_EachAliasWithItsFormsEntity()
    {
        var uses = new FormUses();
        uses.Add(1, "PER", "tám", "Tám", new[] { "Tám" });
        uses.Add(2, "PER", "lê văn tám", "Lê Văn Tám", new[] { "Lê Văn Tám", "LÊ VĂN TÁM" });
        uses.Add(3, "ORG", "vnpt", "VNPT", new[] { "VNPT" });

        foreach (var form in uses.Forms())
            uses.SetEntity(form, form.Type == "PER" ? 1 : 2);
        uses.SetEntity(new NameForm("ORG", "vnpt", "VNPT"), 3); // a form not from Forms() is found by its key

        Assert.Equal(["1 Tám 1", "1 Lê Văn Tám 1", "1 LÊ VĂN TÁM 1", "3 VNPT 1"], uses.EntityAliases().Select(a => $"{a.Entity} {a.Alias} {a.Documents}"));
        Assert.Equal(1, uses.EntityOf(("PER", "tám")));
    }

    [Fact]
    public void SpeakerQuotes_CountedOnlyWhenAskedFor()
    {
        var counted = new FormUses(countSpeakers: true);
        var uncounted = new FormUses();
        foreach (var uses in new[] { counted, uncounted })
        {
            var form = uses.Add(1, "PER", "tám", "Tám", ["Tám"]);
            uses.AddSpeakerQuotes(1, form, 2);
            uses.AddSpeakerQuotes(2, form, 1);
        }

        Assert.Equal([(1L, 1L, 2), (2L, 1L, 1)], counted.SpeakerQuotes!);
        Assert.Null(uncounted.SpeakerQuotes);
    }

    [Fact]
    public void EntityOf_NumberedFormId_IsTheEntitySetForTheForm()
    {
        var uses = new FormUses(countSpeakers: true);
        uses.Add(1, "PER", "tám", "Tám", ["Tám"]);
        var vnpt = uses.Add(1, "ORG", "vnpt", "VNPT", ["VNPT"]);
        foreach (var form in uses.Forms())
            uses.SetEntity(form, form.Type == "PER" ? 5 : 6);

        Assert.Equal(6, uses.EntityOf(vnpt));
        Assert.Equal(5, uses.EntityOf(1));
        Assert.Throws<ArgumentException>(() => uses.Add(2, "PER", "lê văn tám", "Lê Văn Tám", ["Lê Văn Tám"], id: 9));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3000)]
    [InlineData(40000)]
    public void Add_ManyForms_EachFoundAgainByTypeAndKeyWithItsIdAliasesAndEntity(int count)
    {
        // Past the initial table, bucket and text sizes: every form is found again after each growth, and a key
        // shared by two types is two forms.
        var uses = new FormUses();
        for (var i = 0; i < count; i++)
        {
            var key = $"tên số {i} {new string('x', i % 40)}";
            Assert.Equal(2L * i + 1, uses.Add(i + 1, "PER", key, key.ToUpperInvariant(), [key, "Ông " + key]));
            Assert.Equal(2L * i + 2, uses.Add(i + 1, "ORG", key, key, [key]));
        }
        for (var i = count - 1; i >= 0; i--)
        {
            var key = $"tên số {i} {new string('x', i % 40)}";
            Assert.Equal(2L * i + 1, uses.Add(count + 1, "PER", key, key, ["Ông " + key]));
        }
        foreach (var form in uses.Forms())
            uses.SetEntity(new NameForm(form.Type, form.Key, form.Name), form.Id * 10);

        Assert.Equal(2 * count, uses.Count);
        var last = $"tên số {count - 1} {new string('x', (count - 1) % 40)}";
        Assert.Equal((2L * count - 1) * 10, uses.EntityOf(("PER", last)));
        Assert.Equal(2L * count * 10, uses.EntityOf(("ORG", last)));
        Assert.Equal(2L * count * 10, uses.EntityOf(2L * count));
        Assert.Throws<KeyNotFoundException>(() => uses.EntityOf(("LOC", last)));
        var aliases = uses.Aliases().Where(a => a.Form == ("PER", last)).Select(a => $"{a.Alias}:{a.Documents}");
        Assert.Equal([$"{last}:1", $"Ông {last}:2"], aliases);
        var forms = uses.Forms().ToList();
        Assert.Equal(last.ToUpperInvariant(), forms[^2].Name); // one spelling each: a tie, ordinal first
    }
}
