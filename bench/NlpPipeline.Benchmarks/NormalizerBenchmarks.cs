using System.Text;
using BenchmarkDotNet.Attributes;
using NlpPipeline.Text;

namespace NlpPipeline.Benchmarks;

/// <summary>The normalised view and diacritic folding of one article, against lower-casing alone.</summary>
[MemoryDiagnoser]
public class NormalizerBenchmarks
{
    private readonly string _text = BenchmarkData.ArticleText;
    private char[] _buffer = [];

    [GlobalSetup]
    public void Setup() => _buffer = new char[_text.Length];

    [Benchmark(Baseline = true, Description = "ToLowerInvariant")]
    public int Lower() => _text.ToLowerInvariant().Length;

    [Benchmark(Description = "Normalize (string)")]
    public int Normalize() => VietnameseNormalizer.Normalize(_text).Length;

    [Benchmark(Description = "Normalize (span, no allocation)")]
    public int NormalizeSpan()
    {
        VietnameseNormalizer.Normalize(_text, _buffer);
        return _buffer.Length;
    }

    [Benchmark(Description = "FoldDiacritics (span)")]
    public int Fold() => VietnameseNormalizer.FoldDiacritics(_text, _buffer);

    [Benchmark(Description = "FormD + strip marks")]
    public int FoldByDecomposition()
    {
        var decomposed = _text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
                builder.Append(c);
        }
        return builder.Length;
    }
}
