using BenchmarkDotNet.Attributes;
using NlpPipeline.Documents;
using NlpPipeline.Text.Segmentation;
using NlpPipeline.Text.Tokenization;

namespace NlpPipeline.Benchmarks;

/// <summary>
/// Word segmentation of plain news text (the seed article repeated to ~20,000 syllables), one core.
/// Divide <see cref="SyllableCount"/> by the mean time for syllables/s; the baseline is the syllable scanner alone.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class SegmentationBenchmarks
{
    private readonly List<SyllableToken> _syllables = new(32_768);
    private readonly List<Token> _words = new(32_768);
    private PerceptronWordSegmenter _segmenter = null!;
    private string _text = string.Empty;

    /// <summary>Syllables in the benchmark text.</summary>
    public int SyllableCount { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var article = File.ReadAllText(FindSample()).Replace("\r\n", "\n", StringComparison.Ordinal);
        var builder = new System.Text.StringBuilder();
        while (builder.Length < 100_000)
            builder.Append(article).Append('\n');
        _text = builder.ToString();
        _segmenter = new PerceptronWordSegmenter();
        SyllableCount = SyllableTokenizer.Tokenize(_text).Count;
        Console.WriteLine($"// benchmark text: {_text.Length} chars, {SyllableCount} syllables");
    }

    private static string FindSample()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "data", "samples", "seed-article.txt");
            if (File.Exists(path))
                return path;
        }
        throw new FileNotFoundException("data/samples/seed-article.txt not found above " + AppContext.BaseDirectory);
    }

    [Benchmark(Baseline = true)]
    public int SyllableTokenizerOnly()
    {
        _syllables.Clear();
        SyllableTokenizer.Tokenize(_text, 0, _syllables);
        return _syllables.Count;
    }

    [Benchmark]
    public int PerceptronSegmenter()
    {
        _words.Clear();
        _segmenter.Segment(_text, 0, _words);
        return _words.Count;
    }
}
