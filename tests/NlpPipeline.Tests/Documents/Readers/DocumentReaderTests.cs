using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using NlpPipeline.Documents;
using NlpPipeline.Documents.Readers;
using NlpPipeline.Resources;

namespace NlpPipeline.Tests.Documents.Readers;

public sealed class DocumentReaderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static List<AnnotatedDocument> ReadAll(params string[] inputs) => [.. new DocumentReader().Read(inputs)];

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
            gzip.Write(data);
        return output.ToArray();
    }

    private static byte[] Tar(params (string Name, byte[] Data)[] entries)
    {
        using var output = new MemoryStream();
        using (var tar = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (name, data) in entries)
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(data) });
        }
        return output.ToArray();
    }

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    [Fact]
    public void Read_SeedArticle_OneArchiveLayoutDocument()
    {
        var docs = ReadAll(RepositoryFiles.SeedArticle);
        var doc = Assert.Single(docs);
        Assert.Null(doc.Error);
        Assert.Equal("seed-article.txt", doc.Document.Id);
        Assert.Equal("2021-11", doc.Document.Date);
        Assert.StartsWith("Dự thảo nghị quyết", doc.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Folder_RecursiveOrdinalOrderKnownExtensionsOnly()
    {
        _temp.File("b.txt", "B");
        _temp.File("a/z.txt", "AZ");
        _temp.File("a/Y.txt", "AY");
        _temp.File("A.txt", "A upper");
        _temp.File("notes.md", "skipped");
        _temp.File("c.jsonl", """{"id":"c1","text":"C1"}""" + "\n" + """{"id":"c2","text":"C2"}""");
        var docs = ReadAll(_temp.Path);
        Assert.Equal(["A.txt", "a/Y.txt", "a/z.txt", "b.txt", "c1", "c2"], docs.Select(d => d.Document.Id));
        Assert.Equal([0L, 1, 2, 3, 4, 5], docs.Select(d => d.Sequence));
        Assert.Equal("a", docs[1].Document.GoldTopic);
        Assert.Null(docs[0].Document.GoldTopic);
    }

    [Fact]
    public void Read_SeveralInputs_SequenceRunsOn()
    {
        var a = _temp.File("a.txt", "A");
        var b = _temp.File("b.jsonl", """{"id":"b1","text":"B"}""");
        Assert.Equal([(0L, "a.txt"), (1L, "b1")], ReadAll(a, b).Select(d => (d.Sequence, d.Document.Id)));
    }

    public static TheoryData<string, byte[]> CompressedCases => new()
    {
        { "doc.txt.gz", Gzip(Utf8("Văn bản nén.")) },
        { "docs.jsonl.gz", Gzip(Utf8("""{"id":"j","text":"Văn bản nén."}""")) },
        { "docs.ndjson", Utf8("""{"id":"j","text":"Văn bản nén."}""") },
        { "docs.tar", Tar(("d/x.txt", Utf8("Văn bản nén."))) },
        { "docs.tar.gz", Gzip(Tar(("d/x.txt", Utf8("Văn bản nén.")))) },
        { "docs.tgz", Gzip(Tar(("d/x.jsonl.gz", Gzip(Utf8("""{"id":"j","text":"Văn bản nén."}"""))))) },
    };

    [Theory]
    [MemberData(nameof(CompressedCases))]
    public void Read_ContainerFormat_DocumentInside(string name, byte[] content)
    {
        var doc = Assert.Single(ReadAll(_temp.File(name, content)));
        Assert.Null(doc.Error);
        Assert.Equal("Văn bản nén.", doc.Text);
    }

    [Fact]
    public void Read_TarArchive_EntryIdsAndTopicFolders()
    {
        var tar = _temp.File("corpus.tar.gz", Gzip(Tar(
            ("data/The thao/a.txt", new UnicodeEncoding(false, true).GetPreamble().Concat(Encoding.Unicode.GetBytes("Bóng đá\r\nhay")).ToArray()),
            ("data/README", Utf8("not a document")),
            ("data/Van hoa/b.txt", Utf8("Âm nhạc")))));
        var docs = ReadAll(tar);
        Assert.Equal(["corpus.tar.gz/data/The thao/a.txt", "corpus.tar.gz/data/Van hoa/b.txt"], docs.Select(d => d.Document.Id));
        Assert.Equal(["The thao", "Van hoa"], docs.Select(d => d.Document.GoldTopic));
        Assert.Equal("Bóng đá\nhay", docs[0].Text);
    }

    public static TheoryData<string, byte[], string> BadFileCases => new()
    {
        { "empty.txt", [], "empty document" },
        { "blank.txt", Utf8(" \n\n "), "empty document" },
        { "junk.txt", [0x00, 0x01, 0xFE, 0x00, 0x13, 0x37, 0x00, 0x00, 0x42, 0x99], "" },
        { "latin1.txt", [0x48, 0xE0, 0x20, 0x4E, 0xF4, 0x69], "invalid UTF-8" },
        { "truncated.txt.gz", Gzip(Utf8(string.Concat(Enumerable.Repeat("Văn bản dài. ", 500))))[..60], "cannot read" },
        { "not-gzip.txt.gz", Utf8("plain text pretending"), "cannot read" },
    };

    [Theory]
    [MemberData(nameof(BadFileCases))]
    public void Read_BadFileBetweenGoodOnes_ErrorRecordInPlace(string name, byte[] content, string reason)
    {
        _temp.File("a-good.txt", "Trước.");
        _temp.File("b-" + name, content);
        _temp.File("c-good.txt", "Sau.");
        var docs = ReadAll(_temp.Path);
        Assert.Equal(["a-good.txt", "b-" + name, "c-good.txt"], docs.Select(d => d.Document.Id));
        Assert.Null(docs[0].Error);
        Assert.NotNull(docs[1].Error);
        Assert.Contains(reason, docs[1].Error, StringComparison.Ordinal);
        Assert.Equal("Sau.", docs[2].Text);
    }

    [Fact]
    public void Read_JsonLinesWithBadLines_ErrorRecordsAndGoodNeighbours()
    {
        var lines = string.Join('\n',
            """{"id":"1","text":"Một."}""",
            """{"id":"2","text":"Hai.""",
            "",
            """{"id":"3","text":"Ba."}""",
            """{"id":"4"}""",
            """{"id":"5","text":"Năm."}""");
        var docs = ReadAll(_temp.File("x.jsonl", lines));
        Assert.Equal(["1", "2", "3", "4", "5"], docs.Select(d => d.Document.Id));
        Assert.Equal([false, true, false, true, false], docs.Select(d => d.Error is not null));
        Assert.Equal("Năm.", docs[4].Text);
    }

    [Fact]
    public void Read_TruncatedGzipJsonLines_GoodLinesThenOneErrorThenNextInput()
    {
        var lines = string.Concat(Enumerable.Range(0, 2000).Select(i => $$"""{"id":"{{i}}","text":"Văn bản số {{i}} với nội dung khá dài để nén."}""" + "\n"));
        var gz = Gzip(Utf8(lines));
        var truncated = _temp.File("a.jsonl.gz", gz[..(gz.Length / 2)]);
        var next = _temp.File("b.txt", "Tiếp theo.");
        var docs = ReadAll(truncated, next);
        Assert.True(docs.Count > 2);
        Assert.All(docs.Take(docs.Count - 2), d => Assert.Null(d.Error));
        Assert.Equal("a.jsonl.gz", docs[^2].Document.Id);
        Assert.Contains("ends in error", docs[^2].Error, StringComparison.Ordinal);
        Assert.Equal("Tiếp theo.", docs[^1].Text);
    }

    [Fact]
    public void Read_TruncatedTarGz_ErrorRecordAfterReadableEntries()
    {
        var entries = Enumerable.Range(0, 50).Select(i => ($"t/{i:00}.txt", Utf8(string.Concat(Enumerable.Repeat($"Bài {i}. ", 200))))).ToArray();
        var gz = Gzip(Tar(entries));
        var docs = ReadAll(_temp.File("t.tar.gz", gz[..(gz.Length / 2)]));
        Assert.Contains("ends in error", docs[^1].Error, StringComparison.Ordinal);
        Assert.Equal("t.tar.gz", docs[^1].Document.Id);
        Assert.StartsWith("t.tar.gz/t/", docs[^2].Document.Id, StringComparison.Ordinal); // the entry cut short, if any, fails on its own
        Assert.InRange(docs.Count, 3, 49);
        Assert.All(docs.Take(docs.Count - 2), d => Assert.Null(d.Error));
    }

    [Fact]
    public void Read_FiftyMegabyteSingleLine_ErrorRecordWithoutHoldingIt()
    {
        var jsonl = Path.Combine(_temp.Path, "big.jsonl");
        var txt = Path.Combine(_temp.Path, "big.txt");
        var chunk = new byte[1024 * 1024];
        chunk.AsSpan().Fill((byte)'a');
        using (var output = File.Create(jsonl))
        using (var plain = File.Create(txt))
        {
            output.Write(Utf8("{\"id\":\"before\",\"text\":\"Trước.\"}\n{\"id\":\"big\",\"text\":\""));
            for (var i = 0; i < 50; i++)
            {
                output.Write(chunk);
                plain.Write(chunk);
            }
            output.Write(Utf8("\"}\n{\"id\":\"after\",\"text\":\"Sau.\"}"));
        }
        var docs = ReadAll(jsonl, txt);
        Assert.Equal(["before", "big.jsonl:2", "after", "big.txt"], docs.Select(d => d.Document.Id));
        Assert.Contains("larger than the limit of 20 MB", docs[1].Error, StringComparison.Ordinal);
        Assert.Contains("larger than the limit", docs[3].Error, StringComparison.Ordinal);
        Assert.Equal("Sau.", docs[2].Text);
    }

    [Fact]
    public void Read_SmallLimit_LargerDocumentRefused()
    {
        var reader = new DocumentReader(new ReaderOptions { MaxDocumentBytes = 100 });
        var docs = reader.Read([_temp.File("a.txt", new string('x', 101)), _temp.File("b.txt.gz", Gzip(Utf8(new string('x', 101)))), _temp.File("c.txt", new string('x', 100))]).ToList();
        Assert.Equal([true, true, false], docs.Select(d => d.Error is not null));
    }

    public static TheoryData<byte[], string, int> StandardInputCases => new()
    {
        { Utf8("Một văn bản."), "-", 1 },
        { Utf8(" {\"id\":\"s1\",\"text\":\"Một.\"}\n{\"id\":\"s2\",\"text\":\"Hai.\"}\n"), "s1", 2 },
        { Gzip(Utf8("{\"id\":\"s1\",\"text\":\"Một.\"}\n")), "s1", 1 },
        { Gzip(Tar(("x/a.txt", Utf8("Một.")))), "-/x/a.txt", 1 },
    };

    [Theory]
    [MemberData(nameof(StandardInputCases))]
    public void Read_StandardInput_FormatSniffed(byte[] input, string firstId, int count)
    {
        var reader = new DocumentReader(openStandardInput: () => new MemoryStream(input));
        var docs = reader.Read(["-"]).ToList();
        Assert.Equal(count, docs.Count);
        Assert.Equal(firstId, docs[0].Document.Id);
        Assert.All(docs, d => Assert.Null(d.Error));
    }

    [Fact]
    public void FindUnreadableInputs_MissingPath_OneLineEach()
    {
        var good = _temp.File("a.txt", "A");
        var problems = DocumentReader.FindUnreadableInputs([good, _temp.Path, "-", Path.Combine(_temp.Path, "missing.txt")]);
        var problem = Assert.Single(problems);
        Assert.StartsWith("input not found: ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_VntcArchive_Utf16CrlfEntriesWithTopics()
    {
        var archive = SharedData.Require("corpora/vntc/VNTC_10Topics_Train_Full.utf16.tar.gz");
        var docs = new DocumentReader().Read([archive]).Take(20).ToList();
        Assert.Equal(20, docs.Count);
        Assert.All(docs, d =>
        {
            Assert.Null(d.Error);
            Assert.DoesNotContain('\r', d.Text);
            Assert.DoesNotContain('\uFEFF', d.Text);
            Assert.Equal("Chinh tri Xa hoi", d.Document.GoldTopic);
            Assert.StartsWith("VNTC_10Topics_Train_Full.utf16.tar.gz/data/vntc/raw/Train_Full/Chinh tri Xa hoi/", d.Document.Id, StringComparison.Ordinal);
        });
        Assert.Contains(docs, d => d.Text.Contains("Việt Nam", StringComparison.Ordinal) || d.Text.Contains("người", StringComparison.Ordinal));
    }
}
