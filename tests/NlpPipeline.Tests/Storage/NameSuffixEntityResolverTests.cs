using NlpPipeline.Storage;

namespace NlpPipeline.Tests.Storage;

public sealed class NameSuffixEntityResolverTests
{
    public static TheoryData<string[], string[]> Cases => new()
    {
        // names seen (PER) -> resulting entities, each "canonical: forms" sorted
        { ["Oleg Syromolotov", "Syromolotov"], ["Oleg Syromolotov: oleg syromolotov|syromolotov"] },
        { ["Nguyễn Xuân Phúc", "Xuân Phúc", "Phúc"], ["Nguyễn Xuân Phúc: nguyễn xuân phúc|phúc|xuân phúc"] },
        { ["Nguyễn Văn An", "Trần Văn An", "An"], ["An: an", "Nguyễn Văn An: nguyễn văn an", "Trần Văn An: trần văn an"] },
        // "Văn An" ends both full names: ambiguous too.
        { ["Nguyễn Văn An", "Trần Văn An", "Văn An"], ["Nguyễn Văn An: nguyễn văn an", "Trần Văn An: trần văn an", "Văn An: văn an"] },
        // Diacritics distinguish names: Ân is not An.
        { ["Lê Văn Ân", "An"], ["An: an", "Lê Văn Ân: lê văn ân"] },
        // Only whole words count: "Tin" does not end "Martin".
        { ["Martin", "Tin"], ["Martin: martin", "Tin: tin"] },
        // Case and spacing are not identity.
        { ["Rex  Tillerson", "rex tillerson", "TILLERSON"], ["Rex  Tillerson: rex tillerson|tillerson"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Resolve_PersonNames_MergesOnlyUnambiguousShortForms(string[] names, string[] expected)
    {
        var forms = names.Select(n => new NameForm("PER", SearchText.NameKey(n), n));

        var entities = NameSuffixEntityResolver.Resolve(forms);

        Assert.Equal(expected, entities
            .Select(e => e.Name + ": " + string.Join('|', e.Forms.Select(f => f.Key).Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal));
    }

    public static TheoryData<string[], string[]> TitledCases => new()
    {
        // names seen as "Name/title;title" (PER) -> resulting entities
        // Conflicting titles: a same-surname pair stays apart.
        { ["Rex Tillerson/Bộ trưởng Tài chính", "Tillerson/Ngoại trưởng"], ["Rex Tillerson: rex tillerson", "Tillerson: tillerson"] },
        // A title that is a word-prefix of the other fits.
        { ["Oleg Syromolotov/Thứ trưởng Ngoại giao Nga", "Syromolotov/Thứ trưởng"], ["Oleg Syromolotov: oleg syromolotov|syromolotov"] },
        // One side without titles: no evidence against.
        { ["Oleg Syromolotov", "Syromolotov/Thứ trưởng"], ["Oleg Syromolotov: oleg syromolotov|syromolotov"] },
        // Same name and same title merges; the full name whose title conflicts is not a candidate.
        { ["Nguyễn Văn An/Bộ trưởng", "Trần Văn An/Giám đốc", "An/bộ trưởng"], ["Nguyễn Văn An: an|nguyễn văn an", "Trần Văn An: trần văn an"] },
        // "Former" set aside: a former president held the title; "cựu" alone is no evidence.
        { ["Fidel Ramos/cựu Tổng thống Philippines", "Ramos/Tổng thống"], ["Fidel Ramos: fidel ramos|ramos"] },
        { ["Fidel Ramos/cựu", "Ramos/Tổng thống"], ["Fidel Ramos: fidel ramos|ramos"] },
        // Shared title words that are not a prefix do not fit: "Phó Thủ tướng" is not "Thủ tướng".
        { ["Nguyễn Xuân Phúc/Thủ tướng", "Xuân Phúc/Phó Thủ tướng"], ["Nguyễn Xuân Phúc: nguyễn xuân phúc", "Xuân Phúc: xuân phúc"] },
    };

    [Theory]
    [MemberData(nameof(TitledCases))]
    public void Resolve_TitlesAsEvidence_KeepConflictsApartAndSettleAmbiguity(string[] seen, string[] expected)
    {
        var forms = seen.Select(s => s.Split('/')).Select(p => new NameForm("PER", SearchText.NameKey(p[0]), p[0])
        {
            Titles = p.Length > 1 ? p[1].Split(';').Select(SearchText.NameKey).ToHashSet() : null,
        });

        var entities = NameSuffixEntityResolver.Resolve(forms);

        Assert.Equal(expected, entities
            .Select(e => e.Name + ": " + string.Join('|', e.Forms.Select(f => f.Key).Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Resolve_ShortNameOfAnotherType_IsNotMerged()
    {
        var entities = NameSuffixEntityResolver.Resolve([
            new NameForm("ORG", "bộ ngoại giao nga", "Bộ Ngoại giao Nga"),
            new NameForm("LOC", "nga", "Nga"),
        ]);

        Assert.Equal(2, entities.Count);
    }

    [Fact]
    public void Resolve_InputOrder_DoesNotChangeTheResult()
    {
        var names = new[] { "Syromolotov", "Oleg Syromolotov", "An", "Nguyễn Văn An", "Trần Văn An", "Lê Văn Tám" };
        string Run(IEnumerable<string> order) => string.Join(";", NameSuffixEntityResolver
            .Resolve(order.Select(n => new NameForm("PER", SearchText.NameKey(n), n)))
            .Select(e => e.Slug + "=" + string.Join('|', e.Forms.Select(f => f.Key))));

        Assert.Equal(Run(names), Run(names.Reverse()));
    }

    public static TheoryData<string, string> Folds => new()
    {
        { "an ninh mạng", "an ninh mang" },
        { "Đặng Thị Ngọc Thịnh", "dang thi ngoc thinh" },
        { "ĐỘC LẬP", "doc lap" },
        { "Nguyễn", "nguyen" },
        { "Moskva", "moskva" },
        { "", "" },
    };

    [Theory]
    [MemberData(nameof(Folds))]
    public void Fold_VietnameseText_RemovesEveryMarkIncludingDStroke(string text, string expected) =>
        Assert.Equal(expected, SearchText.Fold(text));

    [Theory]
    [InlineData("Nguyễn Xuân Phúc", "nguyen-xuan-phuc")]
    [InlineData("  Đà   Nẵng ", "da-nang")]
    [InlineData("Oleg Syromolotov", "oleg-syromolotov")]
    [InlineData("Владимир Путин", "x")]
    [InlineData("A日本b 東京 c-d", "ab-c-d")]
    [InlineData("WTO (2007)", "wto-2007")]
    [InlineData("", "x")]
    [InlineData("...", "x")]
    public void Slug_Names_FoldedAsciiWordsJoinedByDash(string text, string expected) =>
        Assert.Equal(expected, SearchText.Slug(text));

    [Fact]
    public void Resolve_SameFormTwice_KeepsOrdinalFirstNameAndUnitesTitles()
    {
        var entity = Assert.Single(NameSuffixEntityResolver.Resolve(
        [
            new NameForm("PER", "lê văn tám", "Lê văn Tám") { Titles = new HashSet<string> { "bộ trưởng" } },
            new NameForm("PER", "lê văn tám", "Lê Văn Tám") { Titles = new HashSet<string> { "thứ trưởng" } },
            new NameForm("PER", "lê văn tám", "Lê Văn Tám"),
        ]));
        var form = Assert.Single(entity.Forms);
        Assert.Equal("Lê Văn Tám", form.Name);
        Assert.Equal(["bộ trưởng", "thứ trưởng"], form.Titles!.Order(StringComparer.Ordinal));
    }
}
