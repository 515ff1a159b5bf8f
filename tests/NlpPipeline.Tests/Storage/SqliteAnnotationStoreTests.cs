using Microsoft.Data.Sqlite;
using NlpPipeline.Documents;
using NlpPipeline.Storage;

namespace NlpPipeline.Tests.Storage;

public sealed class SqliteAnnotationStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private SqliteAnnotationStore NewStore(string name = "store.db") => SqliteAnnotationStore.Open(_dir.File(name));

    private static readonly string[] SyromolotovStatements =
    [
        "việc Moskva và Washington cùng dự thảo nghị quyết về không gian mang cho thấy hai nước sẵn sàng chịu trách nhiệm và nhất trí về những vấn đề cấp bách nhất, kể cả trong lĩnh vực an ninh mạng",
        "trong bối cảnh quan hệ Nga-Mỹ không có nhiều cải thiện, việc hai bên cùng nhau xây dựng nội dung nghị quyết tại Đại hội đồng Liên hợp quốc là một động thái chính trị quan trọng, đặc biệt là nghị quyết trong lĩnh vực an ninh mạng",
        "sức mạnh thực sự của ngoại giao là vượt qua các bất đồng cơ bản và tìm ra những giải pháp thực tiễn có thể chấp nhận được",
        "Nga luôn sẵn sàng cho một cuộc đối thoại cân bằng, phi chính trị hóa với Mỹ về các vấn đề an ninh mạng quốc tế, trên cơ sở song phương cũng như quốc tế",
    ];

    [Fact]
    public void SqliteProcessConfigure_AfterSQLiteStarted_RefusedAndStoresWorkAsBefore()
    {
        using var store = NewStore();

        Assert.False(SqliteProcess.Configure());
        store.Index([SeedArticleFixture.Load()]);
        Assert.Equal(4, store.FindQuotes(new QuoteQuery { Speaker = "Syromolotov" }).Count);
    }

    public static TheoryData<string> SyromolotovForms => new() { "Syromolotov", "Oleg Syromolotov", "syromolotov", "OLEG SYROMOLOTOV" };

    [Theory]
    [MemberData(nameof(SyromolotovForms))]
    public void FindQuotes_SeedArticleBySpeaker_ReturnsSyromolotovsFourStatements(string speaker)
    {
        var doc = SeedArticleFixture.Load();
        using var store = NewStore();
        store.Index([doc]);

        var hits = store.FindQuotes(new QuoteQuery { Speaker = speaker });

        Assert.Equal(SyromolotovStatements, hits.Select(h => h.Content));
        Assert.All(hits, h => Assert.Equal(h.Content, doc.Text[h.Start..h.End]));
        Assert.All(hits, h => Assert.Equal("Oleg Syromolotov", h.Speaker));
        Assert.Equal(["đánh giá", "cho rằng", "nhấn mạnh", "khẳng định"], hits.Select(h => h.Cue));
    }

    [Fact]
    public void Index_SameDocumentsTwice_LeavesIdenticalRows()
    {
        var docs = new[] { SeedArticleFixture.Load(), Doc("b.txt", "2022-03", ("Oleg Syromolotov", "ông Oleg Syromolotov", null, "Ông Oleg Syromolotov nói hai nước cần đối thoại.")) };
        using var store = NewStore();
        store.Index(docs);
        var first = TableCounts(store);
        var firstHits = store.FindQuotes(new QuoteQuery());

        store.Index(docs);
        store.Index(docs.Reverse());

        Assert.Equal(first, TableCounts(store));
        Assert.Equal(firstHits, store.FindQuotes(new QuoteQuery()));
        Assert.Equal("ok", store.CheckIntegrity());
    }

    // Batch sizes: the repeat in the next batch, in the same batch, or in a batch after one without it.
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(1)]
    public void Index_DocumentRepeatedWithinOneLoadIntoEmptyStore_KeepsItsLastVersionOnly(int batchSize)
    {
        var first = Doc("a.txt", "2021-01", ("Lê Văn Tám", "ông Lê Văn Tám", null, "Ông Lê Văn Tám nói giá lúa tăng mạnh."));
        var other = Doc("b.txt", "2021-02", ("Tám", "ông Tám", null, "Ông Tám nói trời mưa."));
        var last = Doc("a.txt", "2021-01", ("Trần Văn Tám", "ông Trần Văn Tám", null, "Ông Trần Văn Tám nói giá cà phê giảm."));
        using var once = NewStore("once.db");
        using var repeated = NewStore("repeated.db");
        once.Index([other, last]);

        repeated.Index([first, other, last], batchSize);

        Assert.Equal(TableCounts(once), TableCounts(repeated));
        Assert.Equal(once.FindQuotes(new QuoteQuery()), repeated.FindQuotes(new QuoteQuery()));
        Assert.Equal(once.People(), repeated.People(), new SummaryComparer());
        Assert.Empty(repeated.FindQuotes(new QuoteQuery { About = "gia lua" }));
        Assert.Equal(StoreSchema.PerDocumentIndexes.Select(i => i.Name).Order(StringComparer.Ordinal), Indexes(repeated));
        Assert.Equal("ok", repeated.CheckIntegrity());
    }

    [Fact]
    public void ResolveEntities_AfterALoadIntoEmptyStore_RebuildsTheSameEntities()
    {
        using var store = NewStore();
        store.Index([
            SeedArticleFixture.Load(),
            Doc("b.txt", "2022-03", ("Syromolotov", "Thứ trưởng Syromolotov", "Thứ trưởng", "Thứ trưởng Syromolotov nói Nga sẵn sàng đối thoại.")),
            Doc("c.txt", "2022-04", ("Nguyễn Văn An", "ông Nguyễn Văn An", null, "Ông Nguyễn Văn An nói mùa màng tốt.")),
            Doc("d.txt", "2022-05", ("An", "ông An", null, "Ông An nói giá tăng.")),
        ]);
        var loaded = Canonical(store);

        store.ResolveEntities();

        Assert.Equal(loaded, Canonical(store));
        Assert.Contains("Oleg Syromolotov|Syromolotov|2", loaded);
    }

    [Fact]
    public void Index_IntoEmptyStore_SpeakerCountsGatheredWhilePreparingEqualTheCountsFromTheRows()
    {
        using var store = NewStore();
        store.Index([
            SeedArticleFixture.Load(),
            Doc("b.txt", "2022-03", ("Syromolotov", "Thứ trưởng Syromolotov", "Thứ trưởng", "Thứ trưởng Syromolotov nói Nga sẵn sàng đối thoại.")),
            // Two forms of one entity speak in one document: it counts once among the entity's documents.
            Doc("c.txt", "2022-04",
                ("Oleg Syromolotov", "ông Oleg Syromolotov", null, "Ông Oleg Syromolotov nói một điều."),
                ("Syromolotov", "ông Syromolotov", null, "Ông Syromolotov nói thêm một điều.")),
            Doc("d.txt", "2022-05", ("Nguyễn Văn An", "ông Nguyễn Văn An", null, "Ông Nguyễn Văn An nói giá tăng.")),
        ]);
        const string Counts = "SELECT name, quotes, documents FROM entities WHERE quotes > 0 ORDER BY id";
        var loaded = Rows(store, Counts);

        store.ResolveEntities(); // counts them from the quote rows

        Assert.Equal(loaded, Rows(store, Counts));
        Assert.Contains("Oleg Syromolotov|7|3", loaded);
        Assert.Contains("Nguyễn Văn An|1|1", loaded);
    }

    [Fact]
    public void LastPhases_IndexThenResolve_ListsEachCallsPhasesInOrder()
    {
        using var store = NewStore();
        store.Index([Doc("a.txt", "2021-01", ("Lê Văn Tám", "ông Lê Văn Tám", null, "Ông Lê Văn Tám nói giá lúa tăng mạnh."))]);
        var resolve = new[]
        {
            "resolve: resolver (managed; after a load, the wait for it)", "resolve: clear canonical tables + write entities, forms (names made alongside)",
            "resolve: write names + name FTS", "resolve: speaker counts", "resolve: canonical index build", "resolve: commit",
        };
        // A load into an empty store plans resolution alongside the index rebuild; on its own, resolution reads the uses back.
        Assert.Equal(["batches (parse wait + document writes)", "of which quote FTS inserts", "per-document index rebuild (resolver alongside)",
            "alongside: the resolver's plan, on another thread", .. resolve, "WAL checkpoint"],
            store.LastPhases.Select(p => p.Phase));
        Assert.All(store.LastPhases, p => Assert.True(p.Elapsed >= TimeSpan.Zero));

        Assert.Equal((1000L, -65536L), (store.Scalar<long>("PRAGMA wal_autocheckpoint"), store.Scalar<long>("PRAGMA cache_size")));

        store.ResolveEntities();
        Assert.Equal(["resolve: read form uses", .. resolve], store.LastPhases.Select(p => p.Phase));
    }

    // Each document entity with its form's id, type and key: "document|name|form id|type|key".
    private const string EntityForms = """
        SELECT d.key, de.name, f.id, f.type, f.form_key FROM doc_entities de JOIN documents d ON d.id = de.doc_id
        JOIN forms f ON f.id = de.form_id ORDER BY d.key, de.name
        """;

    [Fact]
    public void Index_DocumentsIndexedAgainIntoAStoreWithDocuments_KeepTheirFormIdsAndAnswers()
    {
        var docs = new[]
        {
            SeedArticleFixture.Load(),
            Doc("b.txt", "2022-03", ("Syromolotov", "Thứ trưởng Syromolotov", "Thứ trưởng", "Thứ trưởng Syromolotov nói Nga sẵn sàng đối thoại.")),
            Doc("c.txt", "2022-04", ("Nguyễn Văn An", "ông Nguyễn Văn An", null, "Ông Nguyễn Văn An nói mùa màng tốt.")),
        };
        using var store = NewStore();
        store.Index(docs);
        var forms = Rows(store, EntityForms);
        var hits = store.FindQuotes(new QuoteQuery { Speaker = "Syromolotov" });
        var profile = store.Person("Syromolotov")!;

        store.Index(docs.Reverse());

        Assert.Equal(forms, Rows(store, EntityForms));
        Assert.Equal(hits, store.FindQuotes(new QuoteQuery { Speaker = "Syromolotov" }));
        Assert.Equal(5, hits.Count);
        Assert.Equal(profile.Aliases, store.Person("Syromolotov")!.Aliases);
        Assert.Equal(profile.Titles, store.Person("Syromolotov")!.Titles);
        Assert.Equal("ok", store.CheckIntegrity());
    }

    [Fact]
    public void ResolveEntities_AfterADocumentIsDeleted_DropsTheFormsOnlyItHad()
    {
        using var store = NewStore();
        store.Index([
            Doc("a.txt", "2021-01", ("Lê Văn Tám", "ông Lê Văn Tám", null, "Ông Lê Văn Tám nói giá lúa tăng mạnh.")),
            Doc("b.txt", "2021-02", ("Trần Văn Bảy", "ông Trần Văn Bảy", null, "Ông Trần Văn Bảy nói trời mưa.")),
        ]);
        var kept = Rows(store, EntityForms).Where(r => r.StartsWith("b.txt|", StringComparison.Ordinal)).ToList();

        store.Delete("a.txt");
        store.ResolveEntities();

        Assert.Equal(kept, Rows(store, EntityForms));
        Assert.Equal(Rows(store, "SELECT DISTINCT form_id FROM doc_entities ORDER BY 1"), Rows(store, "SELECT id FROM forms ORDER BY 1"));
        Assert.Equal(Rows(store, "SELECT id FROM forms ORDER BY 1"), Rows(store, "SELECT form_id FROM entity_forms ORDER BY 1"));
        store.Index([Doc("a.txt", "2021-01", ("Lê Văn Tám", "ông Lê Văn Tám", null, "Ông Lê Văn Tám nói giá lúa tăng mạnh."))]);
        Assert.Single(store.FindQuotes(new QuoteQuery { Speaker = "Lê Văn Tám" }));
    }

    [Fact]
    public void CheckIntegrity_DocumentEntityWithoutItsForm_ReportsOrphans()
    {
        using var store = NewStore();
        store.Index([Doc("a.txt", "2021-01", ("Lê Văn Tám", "ông Lê Văn Tám", null, "Ông Lê Văn Tám nói giá lúa tăng mạnh."))]);
        Assert.Equal("ok", store.CheckIntegrity());

        // As a load with foreign keys off could leave it, were the writer wrong.
        using (var cmd = store.Command("PRAGMA foreign_keys = OFF; DELETE FROM entity_forms; DELETE FROM forms; PRAGMA foreign_keys = ON;", null))
            cmd.ExecuteNonQuery();

        Assert.EndsWith("orphan or malformed rows", store.CheckIntegrity(), StringComparison.Ordinal);
    }

    [Fact]
    public void Index_IntoEmptyStore_NumbersFormsAsFirstSeenAndLooksThemUpOnceADocumentRepeats()
    {
        var a = Doc("a.txt", "2021-01", ("Lê Văn Tám", "ông Lê Văn Tám", null, "Ông Lê Văn Tám nói giá lúa tăng mạnh."));
        var b = Doc("b.txt", "2021-02", ("Trần Văn Bảy", "ông Trần Văn Bảy", null, "Ông Trần Văn Bảy nói trời mưa."),
            ("Lê Văn Tám", "ông Lê Văn Tám", null, "Ông Lê Văn Tám nói thêm."));
        var c = Doc("c.txt", "2021-03", ("Phạm Thị Hoa", "bà Phạm Thị Hoa", null, "Bà Phạm Thị Hoa nói giá giảm."));
        using var fresh = NewStore("fresh.db");
        using var repeated = NewStore("repeated.db");

        fresh.Index([a, b]);
        // a again (third) ends the numbering while preparing: c's new form is looked up and added after it.
        repeated.Index([a, b, a, c], batchSize: 1);

        Assert.Equal(["a.txt|Lê Văn Tám|1|PER|lê văn tám", "b.txt|Lê Văn Tám|1|PER|lê văn tám", "b.txt|Trần Văn Bảy|2|PER|trần văn bảy"],
            Rows(fresh, EntityForms));
        Assert.Equal(["1", "2", "3"], Rows(repeated, "SELECT id FROM forms ORDER BY 1"));
        // Foreign keys, not checked during such a load, hold, and are checked again after it.
        Assert.Empty(Rows(repeated, "PRAGMA foreign_key_check"));
        Assert.Equal(["1"], Rows(repeated, "PRAGMA foreign_keys"));
        Assert.Equal("c.txt|Phạm Thị Hoa|3|PER|phạm thị hoa", Rows(repeated, EntityForms)[^1]);
        Assert.Single(repeated.FindQuotes(new QuoteQuery { Speaker = "Phạm Thị Hoa" }));
        Assert.Equal("ok", repeated.CheckIntegrity());
    }

    [Fact]
    public async Task PlanResolution_AliasesEqualUnderTheDefaultComparer_AreOneNameSpeltAsFirstSeenInComparerOrder()
    {
        var uses = new FormUses();
        const string Composed = "Lê Văn Tám", Decomposed = "Le\u0302 Va\u0306n Ta\u0301m";
        uses.Add(1, "PER", "lê văn tám", Composed, ["Ông Tám", Composed, "LÊ VĂN TÁM"]);
        uses.Add(2, "PER", "lê văn tám", Composed, [Decomposed, "Ông Tám"]);
        uses.Add(3, "PER", "tám", "Tám", ["Tám", Decomposed]);
        Assert.Equal(0, Comparer<string>.Default.Compare(Composed, Decomposed));

        var names = await SqliteAnnotationStore.PlanResolution(uses).Names;

        // "Tám" joins "Lê Văn Tám": its decomposed alias (document 3) is counted under the composed spelling too.
        var expected = new[] { (1L, Composed, 3L), (1L, "LÊ VĂN TÁM", 1L), (1L, "Ông Tám", 2L), (1L, "Tám", 1L) }
            .OrderBy(n => n.Item2, Comparer<string>.Default).ToList();
        Assert.Equal(expected, names.Select(n => (n.Entity, n.Alias, n.Documents)));
    }

    [Fact]
    public void Index_ChangedDocument_ReplacesItsOldRows()
    {
        using var store = NewStore();
        store.Index([Doc("a.txt", "2021-01", ("Lê Văn Tám", "ông Lê Văn Tám", null, "Ông Lê Văn Tám nói giá lúa tăng mạnh."))]);
        store.Index([Doc("a.txt", "2021-01", ("Lê Văn Tám", "ông Lê Văn Tám", null, "Ông Lê Văn Tám nói giá cà phê giảm."))]);

        Assert.Empty(store.FindQuotes(new QuoteQuery { About = "gia lua" }));
        Assert.Single(store.FindQuotes(new QuoteQuery { About = "ca phe" }));
        Assert.Equal((1L, 1L), (store.Counts().Documents, store.Counts().Quotes));
    }

    [Fact]
    public void Index_FullNameInOneArticleShortFormInAnother_MergesIntoOneEntityWithTitleHistory()
    {
        using var store = NewStore();
        store.Index([
            SeedArticleFixture.Load(),
            Doc("later.txt", "2022-03", ("Syromolotov", "Thứ trưởng Syromolotov", "Thứ trưởng", "Thứ trưởng Syromolotov nói Nga sẵn sàng đối thoại.")),
        ]);

        var people = store.People().Where(p => p.Name.Contains("Syromolotov", StringComparison.Ordinal)).ToList();
        var profile = store.Person("Syromolotov");

        var person = Assert.Single(people);
        Assert.Equal(5, person.Quotes);
        Assert.NotNull(profile);
        Assert.Equal("Oleg Syromolotov", profile.Name);
        Assert.Contains(profile.Aliases, a => a.Name == "Syromolotov");
        Assert.Contains(profile.Titles, t => t is { Title: "Thứ trưởng Ngoại giao Nga", FirstSeen: "2021-11", LastSeen: "2021-11" });
        Assert.Contains(profile.Titles, t => t is { Title: "Thứ trưởng", FirstSeen: "2021-11", LastSeen: "2022-03", Documents: 2 });
        Assert.Equal("2022-03", profile.Quotes[^1].Date);
        // Entities mentioned inside his quotes, counted in mention spans (Moskva: once, in the first statement).
        Assert.Contains(profile.TalksAbout, a => a is { Name: "Moskva", Count: 1 });
        Assert.DoesNotContain(profile.TalksAbout, a => a.Name.Contains("Syromolotov", StringComparison.Ordinal));
    }

    [Fact]
    public void Index_ShortNameSharedByTwoPeople_IsNotMergedIntoEither()
    {
        using var store = NewStore();
        store.Index([
            Doc("a.txt", "2020-01", ("Nguyễn Văn An", "ông Nguyễn Văn An", null, "Ông Nguyễn Văn An nói mùa màng tốt.")),
            Doc("b.txt", "2020-02", ("Trần Văn An", "ông Trần Văn An", null, "Ông Trần Văn An nói thị trường ổn định.")),
            Doc("c.txt", "2020-03", ("An", "ông An", null, "Ông An nói giá tăng.")),
        ]);

        var people = store.People();

        Assert.Equal(["An", "Nguyễn Văn An", "Trần Văn An"], people.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.All(people, p => Assert.Equal(1, p.Quotes));
    }

    [Theory]
    [InlineData("Ngoại trưởng", 2)]
    [InlineData("Bộ trưởng", 1)]
    public void Index_SurnameWithTitleInAnotherArticle_MergesOnlyWhenTheTitlesFit(string shortTitle, int people)
    {
        using var store = NewStore();
        store.Index([
            Doc("a.txt", "2020-01", ("Rex Tillerson", "Bộ trưởng Tài chính Rex Tillerson", "Bộ trưởng Tài chính", "Bộ trưởng Tài chính Rex Tillerson nói thuế sẽ giảm.")),
            Doc("b.txt", "2020-02", ("Tillerson", shortTitle + " Tillerson", shortTitle, shortTitle + " Tillerson nói hai nước nên hợp tác.")),
        ]);
        var resolvedWhileLoading = store.People();

        store.ResolveEntities();

        Assert.Equal(people, store.People().Count);
        Assert.Equal(resolvedWhileLoading, store.People(), new SummaryComparer());
    }

    [Fact]
    public void Index_ShortNameSeenBeforeFullName_MergesTheSameAsAfter()
    {
        var early = Doc("a.txt", "2020-01", ("Tillerson", "ông Tillerson", null, "Ông Tillerson nói hai nước nên hợp tác."));
        var late = Doc("b.txt", "2020-05", ("Rex Tillerson", "Ngoại trưởng Rex Tillerson", "Ngoại trưởng", "Ngoại trưởng Rex Tillerson nói Mỹ sẵn sàng."));
        using var forward = NewStore("forward.db");
        using var backward = NewStore("backward.db");
        forward.Index([early]);
        forward.Index([late]);
        backward.Index([late]);
        backward.Index([early]);

        Assert.Equal(forward.People(), backward.People(), new SummaryComparer());
        Assert.Equal("Rex Tillerson", Assert.Single(forward.People()).Name);
    }

    public static TheoryData<string, int> FoldedSearches => new()
    {
        { "an ninh mang", 3 },        // an ninh mạng
        { "AN NINH MẠNG", 3 },
        { "dam bao", 1 },             // đảm bảo: đ folds to d
        { "Đảm bảo", 1 },
        { "dam bao, an ninh", 1 },    // both phrases
        { "ninh an", 0 },             // a phrase keeps word order
    };

    [Theory]
    [MemberData(nameof(FoldedSearches))]
    public void FindQuotes_AboutFoldedText_MatchesWhateverDiacriticsTheArticleUsed(string about, int expected)
    {
        using var store = NewStore();
        store.Index([
            SeedArticleFixture.Load(),
            Doc("d.txt", "2021-12", ("Đặng Thị Ngọc Thịnh", "bà Đặng Thị Ngọc Thịnh", null, "Bà Đặng Thị Ngọc Thịnh nói cần đảm bảo an ninh lương thực.")),
        ]);

        Assert.Equal(expected, store.FindQuotes(new QuoteQuery { About = about }).Count);
    }

    [Theory]
    [InlineData("Dang Thi Ngoc Thinh")]
    [InlineData("dang thi")]
    [InlineData("Đặng Thị Ngọc Thịnh")]
    public void FindQuotes_SpeakerWithoutDiacritics_FindsSpeakerWrittenWithThem(string speaker)
    {
        using var store = NewStore();
        store.Index([Doc("d.txt", "2021-12", ("Đặng Thị Ngọc Thịnh", "bà Đặng Thị Ngọc Thịnh", null, "Bà Đặng Thị Ngọc Thịnh nói cần đảm bảo an ninh lương thực."))]);

        Assert.Equal("Đặng Thị Ngọc Thịnh", Assert.Single(store.FindQuotes(new QuoteQuery { Speaker = speaker })).Speaker);
    }

    [Fact]
    public void FindQuotes_TopicDatesMentionsAndLimit_FilterTogether()
    {
        using var store = NewStore();
        store.Index([
            SeedArticleFixture.Load(),
            Doc("b.txt", "2022-03", ("Oleg Syromolotov", "ông Oleg Syromolotov", null, "Ông Oleg Syromolotov nói hai nước cần đối thoại.")),
        ]);

        Assert.Equal(7, store.FindQuotes(new QuoteQuery { Topic = "the-gioi" }).Count);
        Assert.Single(store.FindQuotes(new QuoteQuery { Speaker = "Syromolotov", From = "2022" }));
        Assert.Equal(4, store.FindQuotes(new QuoteQuery { Speaker = "Syromolotov", To = "2021-11" }).Count);
        Assert.Equal(2, store.FindQuotes(new QuoteQuery { Speaker = "Syromolotov", Limit = 2 }).Count);
        // Quotes whose content mentions Moskva: Syromolotov's first statement only.
        Assert.Equal(SyromolotovStatements[0], Assert.Single(store.FindQuotes(new QuoteQuery { Mentions = "Moskva" })).Content);
        Assert.Empty(store.FindQuotes(new QuoteQuery { Speaker = "Syromolotov", About = "khủng bố" }));
    }

    [Fact]
    public void FindQuotes_BroadSpeakerName_ListsTheSameQuotesWhicheverPlanItUses()
    {
        // Many speakers share "Văn": with a small limit the store walks quotes in listing order instead of sorting.
        var docs = Enumerable.Range(0, 40).Select(i => Doc($"{i:D2}.txt", $"2020-{i % 12 + 1:D2}",
            ($"Lê Văn T{i}", $"ông Lê Văn T{i}", null, $"Ông Lê Văn T{i} nói điều số {i}."))).ToList();
        using var store = NewStore();
        store.Index(docs);

        var all = store.FindQuotes(new QuoteQuery { Speaker = "Van", Limit = 0 });
        var page = store.FindQuotes(new QuoteQuery { Speaker = "Van", Limit = 5 });

        Assert.Equal(40, all.Count);
        Assert.Equal(all.Take(5), page);
        Assert.Equal(["2020-01", "2020-01", "2020-01", "2020-01", "2020-02"], page.Select(h => h.Date));
        Assert.Equal(page, store.FindQuotes(new QuoteQuery { About = "dieu so", Limit = 5 }));
        Assert.Equal(all, store.FindQuotes(new QuoteQuery { About = "dieu so", Limit = 0 }));
        Assert.Equal(page, store.FindQuotes(new QuoteQuery { Speaker = "Van", About = "dieu so", Limit = 5 }));
        Assert.Equal(all.Where(h => string.CompareOrdinal(h.Date, "2020-03") >= 0).Take(2), store.FindQuotes(new QuoteQuery { Speaker = "Van", About = "dieu so", From = "2020-03", Limit = 2 }));
    }

    [Fact]
    public void Index_SourceThrowsInSecondBatch_KeepsFirstBatchAndNothingOfTheSecond()
    {
        using var store = NewStore();
        List<string>? duringLoad = null;
        IEnumerable<AnnotatedDocument> Source()
        {
            for (var i = 0; i < 5; i++)
            {
                if (i == 3)
                {
                    // A reader sees the first batch, and the load's index set: the indexes a load fills in key order
                    // (doc_id, and the document-entity ids that titles and quote speakers point to).
                    using var reader = SqliteAnnotationStore.Open(_dir.File("store.db"), readOnly: true);
                    Assert.Equal(2L, reader.Counts().Documents);
                    duringLoad = Indexes(reader);
                    throw new IOException("disk gone");
                }
                yield return Doc($"{i}.txt", "2020-01", ("Lê Văn Tám", "ông Lê Văn Tám", null, $"Ông Lê Văn Tám nói điều số {i}."));
            }
        }

        Assert.Throws<IOException>(() => store.Index(Source(), batchSize: 2));
        // The background checkpointer of the load has ended with it.
        Assert.False(Assert.IsType<WalCheckpointer>(store.LastCheckpointer).IsRunning);

        Assert.Equal(["doc_entities_doc", "quotes_doc", "quotes_speaker", "titles_doc", "titles_entity", "topics_doc"], duringLoad);
        Assert.Equal((2L, 2L), (store.Counts().Documents, store.Counts().Quotes));
        // The load's WAL and cache settings are undone.
        Assert.Equal((1000L, -65536L), (store.Scalar<long>("PRAGMA wal_autocheckpoint"), store.Scalar<long>("PRAGMA cache_size")));
        Assert.Equal(StoreSchema.PerDocumentIndexes.Select(i => i.Name).Order(StringComparer.Ordinal), Indexes(store));
        Assert.Equal("ok", store.CheckIntegrity());
    }

    [Fact]
    public void IndexBatch_FailingMidBatch_RollsTheWholeBatchBack()
    {
        using var store = NewStore();
        store.Index([Doc("keep.txt", "2020-01", ("Lê Văn Tám", "ông Lê Văn Tám", null, "Ông Lê Văn Tám nói một."))]);
        var bad = Doc("bad.txt", "2020-01", ("Lê Văn Tám", "ông Lê Văn Tám", null, "Ông Lê Văn Tám nói hai.")) with { Quotes = [new Quote("indirect", 0, 1, null!)] };

        Assert.ThrowsAny<Exception>(() => store.IndexBatch([Doc("ok.txt", "2020-01", ("A B", "ông A B", null, "Ông A B nói ba.")), bad]));

        Assert.Equal((1L, 1L), (store.Counts().Documents, store.Counts().Quotes));
        Assert.Equal("ok", store.CheckIntegrity());
    }

    [Fact]
    public void IndexJsonLines_SameDocumentsAsIndex_WritesTheSameRowsAndEntities()
    {
        var docs = new[]
        {
            SeedArticleFixture.Load(),
            Doc("b.txt", "2022-03", ("Oleg Syromolotov", "ông Oleg Syromolotov", "Thứ trưởng", "Ông Oleg Syromolotov nói hai nước cần đối thoại.")),
            Doc("c.txt", "2022-04", ("Syromolotov", "ông Syromolotov", null, "Ông Syromolotov nói vậy."), ("Lê Văn Tám", "ông Lê Văn Tám", null, "Ông Lê Văn Tám nói khác.")),
        };
        var path = _dir.File("docs.jsonl");
        File.WriteAllBytes(path, [.. docs.SelectMany(d => AnnotatedDocumentJson.ToUtf8Line(d, includeTokens: false).Append((byte)'\n'))]);
        using var direct = NewStore("direct.db");
        using var lines = NewStore("lines.db");

        var directStats = direct.Index(docs, batchSize: 2);
        var lineStats = lines.IndexJsonLines([path], (_, _, ex) => throw ex, batchSize: 2);

        Assert.Equal(directStats, lineStats);
        Assert.Equal((3, 2), (lineStats.Documents, lineStats.Batches));
        Assert.Equal(Canonical(direct), Canonical(lines));
        const string rows = """
            SELECT d.key, f.type, de.name, f.form_key, de.aliases, de.mentions, d.text_length FROM doc_entities de JOIN documents d ON d.id = de.doc_id
                JOIN forms f ON f.id = de.form_id
            UNION ALL SELECT d.key, q.type, q.content, q.speaker_name, coalesce(e.name, ''), q.start, q.confidence FROM quotes q JOIN documents d ON d.id = q.doc_id
                LEFT JOIN doc_entities de ON de.id = q.speaker_entity_id LEFT JOIN entity_forms ef ON ef.form_id = de.form_id
                LEFT JOIN entities e ON e.id = ef.entity_id
            """;
        Assert.Equal(Rows(direct, rows), Rows(lines, rows));
        Assert.Contains(Rows(lines, rows), r => r.Contains("Syromolotov", StringComparison.Ordinal));
    }

    [Fact]
    public void Index_IntoEmptyStore_BackgroundCheckpointerEndsWithTheLoad()
    {
        using var store = NewStore();
        store.Index(Enumerable.Range(0, 6).Select(i => Doc($"{i}.txt", "2020-01", ("Lê Văn Tám", "ông Lê Văn Tám", null, $"Ông Lê Văn Tám nói điều số {i}."))), batchSize: 2);

        Assert.False(Assert.IsType<WalCheckpointer>(store.LastCheckpointer).IsRunning);
        // The load has been copied into the database file: it holds every page of the store.
        Assert.Equal(store.Scalar<long>("PRAGMA page_count") * store.Scalar<long>("PRAGMA page_size"), new FileInfo(_dir.File("store.db")).Length);
        Assert.Equal(6L, store.Counts().Documents);
    }

    [Fact]
    public void ResolveEntities_AfterALoadAndAgain_KeepsEveryCanonicalIndexConsistentWithItsTable()
    {
        using var store = NewStore();
        store.Index(Enumerable.Range(0, 5).Select(i => Doc($"{i}.txt", "2020-01",
            ("Lê Văn Tám", i % 2 == 0 ? "ông Lê Văn Tám" : "ông Tám", null, $"Ông Tám nói điều số {i}."),
            ($"Nguyễn Văn {(char)('A' + i)}", $"ông Nguyễn Văn {(char)('A' + i)}", null, "Ông ấy nói thêm."))), batchSize: 2);

        for (var pass = 0; pass < 2; pass++)
        {
            Assert.Equal(3L, store.Scalar<long>("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN ('entities_quotes', 'entity_forms_entity', 'entity_names_entity')"));
            // The integrity check compares every index with its table.
            Assert.Equal("ok", store.CheckIntegrity());
            Assert.True(store.Scalar<long>("SELECT count(*) FROM entity_names") > 5);
            store.ResolveEntities();
        }
    }

    [Fact]
    public void WalCheckpointer_WriterCommitsWithAutoCheckpointOff_CopiesTheWalIntoTheDatabaseFile()
    {
        var path = _dir.File("ckpt.db");
        using var writer = new SqliteConnection($"Data Source={path};Pooling=False");
        writer.Open();
        using (var cmd = writer.CreateCommand())
        {
            cmd.CommandText = "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; CREATE TABLE t(x TEXT);"
                + "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) INSERT INTO t SELECT hex(randomblob(500)) FROM n;";
            cmd.ExecuteNonQuery();
        }
        var before = new FileInfo(path).Length;

        using var checkpointer = new WalCheckpointer(path);
        checkpointer.Committed();
        Assert.True(SpinWait.SpinUntil(() => checkpointer.Checkpoints > 0, TimeSpan.FromSeconds(30)));
        checkpointer.Stop();

        Assert.False(checkpointer.IsRunning);
        Assert.True(new FileInfo(path).Length > before + 500_000, $"database file {new FileInfo(path).Length} bytes, {before} before");
    }

    [Fact]
    public void Index_TopicAlternatives_StoredAsOneJsonColumnOfTheDocument()
    {
        using var store = NewStore();
        var topic = new TopicAssignment("the-thao", 0.75)
        {
            Alternatives = [new TopicScore("kinh-te", 0.125), new TopicScore("xa \"hoi\"", 0.0625)],
            Subtopics = ["bong-da"],
        };
        store.Index([
            Doc("a.txt", "2021-01", ("Lê Văn Tám", "ông Lê Văn Tám", null, "Ông Lê Văn Tám nói một.")) with { Topic = topic },
            Doc("b.txt", "2021-01", ("Lê Văn Tám", "ông Lê Văn Tám", null, "Ông Lê Văn Tám nói hai.")),
        ]);

        Assert.Equal(["a.txt|kinh-te|0.125", "a.txt|xa \"hoi\"|0.0625"], Rows(store, """
            SELECT d.key, a.value ->> 'label', a.value ->> 'score' FROM documents d CROSS JOIN json_each(d.topic_alternatives) a ORDER BY d.key, a.key
            """));
        Assert.Equal(["a.txt|1|0", "b.txt|0|1"], Rows(store, "SELECT key, topic_alternatives IS NOT NULL, topic_alternatives IS NULL FROM documents ORDER BY key"));
        Assert.Equal(["bong-da|subtopic", "the-thao|label"], Rows(store, "SELECT label, kind FROM topics ORDER BY label"));
    }

    [Fact]
    public void Open_StoreOfAnOlderSchema_IsRefusedWithAMessage()
    {
        var path = _dir.File("old.db");
        using (var store = SqliteAnnotationStore.Open(path))
        {
            using var cmd = store.Command("UPDATE store_meta SET value = '6' WHERE key = 'schema_version'", null);
            cmd.ExecuteNonQuery();
        }

        var error = Assert.Throws<InvalidOperationException>(() => SqliteAnnotationStore.Open(path));
        Assert.Contains($"store schema 6; this build reads schema {StoreSchema.Version}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_ForWriting_DropsTheIndexesNoQueryUses()
    {
        var path = _dir.File("earlier.db");
        using (var store = SqliteAnnotationStore.Open(path))
        {
            store.Index([Doc("a.txt", "2021-01", ("Lê Văn Tám", "ông Lê Văn Tám", null, "Ông Lê Văn Tám nói giá tăng."))]);
            // As an earlier build of schema 7 made them.
            using var cmd = store.Command("CREATE INDEX documents_order ON documents(sort_date, key); CREATE INDEX topics_label ON topics(label, kind);", null);
            cmd.ExecuteNonQuery();
        }
        using (var reader = SqliteAnnotationStore.Open(path, readOnly: true))
            Assert.Equal(2L, reader.Scalar<long>("SELECT count(*) FROM sqlite_master WHERE name IN ('documents_order', 'topics_label')"));

        using var writer = SqliteAnnotationStore.Open(path);

        Assert.Equal(0L, writer.Scalar<long>("SELECT count(*) FROM sqlite_master WHERE name IN ('documents_order', 'topics_label')"));
        Assert.Single(writer.FindQuotes(new QuoteQuery { Speaker = "Tám", From = "2021" }));
    }

    [Fact]
    public void Open_WriterInsideTransaction_ReaderStillReadsCommittedState()
    {
        var path = _dir.File("wal.db");
        using var writer = SqliteAnnotationStore.Open(path);
        writer.Index([SeedArticleFixture.Load()]);
        using var reader = SqliteAnnotationStore.Open(path, readOnly: true);
        Assert.Equal("wal", writer.Scalar<string>("PRAGMA journal_mode"));

        using var transaction = writer.Connection.BeginTransaction();
        using (var insert = writer.Connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO documents(key, text_length, sort_date) VALUES ('pending', 0, '~')";
            insert.ExecuteNonQuery();
        }

        Assert.Equal(1L, reader.Counts().Documents);
        Assert.Equal(4, reader.FindQuotes(new QuoteQuery { Speaker = "Syromolotov" }).Count);
        transaction.Rollback();
    }

    private static AnnotatedDocument Doc(string id, string date, params (string Speaker, string Mention, string? Title, string Sentence)[] sentences) =>
        StoreDocs.Make(id, date, sentences);

    private static List<string> Indexes(SqliteAnnotationStore store)
    {
        var names = StoreSchema.PerDocumentIndexes.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        using var cmd = store.Command("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name", null);
        using var reader = cmd.ExecuteReader();
        var found = new List<string>();
        while (reader.Read())
            found.Add(reader.GetString(0));
        return [.. found.Where(names.Contains).Order(StringComparer.Ordinal)];
    }

    // The rows of sql, each row's columns joined by '|'.
    private static List<string> Rows(SqliteAnnotationStore store, string sql)
    {
        using var cmd = store.Command(sql, null);
        using var reader = cmd.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return rows;
    }

    // Every entity with each of its searchable names and their document counts: "entity|name|documents".
    private static List<string> Canonical(SqliteAnnotationStore store)
    {
        using var cmd = store.Command("SELECT e.name, n.name, n.documents FROM entity_names n JOIN entities e ON e.id = n.entity_id", null);
        using var reader = cmd.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add($"{reader.GetString(0)}|{reader.GetString(1)}|{reader.GetInt64(2)}");
        return [.. rows.Order(StringComparer.Ordinal)];
    }

    private static string TableCounts(SqliteAnnotationStore store) => string.Join(",",
        new[] { "documents", "forms", "doc_entities", "titles", "quotes", "topics", "entities", "entity_forms", "entity_names" }
            .Select(t => $"{t}={store.Scalar<long>($"SELECT count(*) FROM {t}")}")
        .Append($"mentions={store.Scalar<long>("SELECT total(json_array_length(mentions)) FROM doc_entities")}")
        .Append($"fts={store.Scalar<long>("SELECT count(*) FROM quote_fts WHERE quote_fts MATCH 'an'")}"));

    private sealed class SummaryComparer : IEqualityComparer<SpeakerSummary>
    {
        public bool Equals(SpeakerSummary? x, SpeakerSummary? y) =>
            x is not null && y is not null && x.Name == y.Name && x.Quotes == y.Quotes && x.Titles.SequenceEqual(y.Titles);

        public int GetHashCode(SpeakerSummary obj) => obj.Name.GetHashCode(StringComparison.Ordinal);
    }
}
