using BenchmarkDotNet.Attributes;
using NlpPipeline.Documents;
using NlpPipeline.Text.Sentences;

namespace NlpPipeline.Benchmarks;

/// <summary>The rule sentence splitter on one news article, against a naive split at ". ".</summary>
[MemoryDiagnoser]
public class SentenceSplitterBenchmarks
{
    private readonly string _text = BenchmarkData.ArticleText;
    private readonly RuleSentenceSplitter _splitter = RuleSentenceSplitter.Default;

    [Benchmark(Baseline = true, Description = "naive split at '. '")]
    public int NaiveSplit()
    {
        var count = 0;
        var start = 0;
        int index;
        while ((index = _text.IndexOf(". ", start, StringComparison.Ordinal)) >= 0)
        {
            _ = new Sentence(start, index + 1);
            count++;
            start = index + 2;
        }
        return count;
    }

    [Benchmark(Description = "RuleSentenceSplitter")]
    public int RuleSplit() => _splitter.Split(_text).Length;
}
