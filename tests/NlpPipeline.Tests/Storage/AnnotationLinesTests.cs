using NlpPipeline.Storage;

namespace NlpPipeline.Tests.Storage;

public sealed class AnnotationLinesTests
{
    // Counts around the capacity, and a capacity of one.
    [Theory]
    [InlineData(0, 64)]
    [InlineData(1, 64)]
    [InlineData(15, 64)]
    [InlineData(16, 64)]
    [InlineData(17, 64)]
    [InlineData(1000, 64)]
    [InlineData(100, 1)]
    public void Prefetch_AnySource_SameItemsInOrder(int count, int capacity) =>
        Assert.Equal(Enumerable.Range(0, count), AnnotationLines.Prefetch(Enumerable.Range(0, count), capacity));

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(16)]
    [InlineData(40)]
    public void Prefetch_SourceFails_ItemsBeforeComeFirstThenTheException(int before)
    {
        static IEnumerable<int> Failing(int n)
        {
            for (var i = 0; i < n; i++)
                yield return i;
            throw new InvalidDataException("line " + n);
        }
        var seen = new List<int>();

        var ex = Assert.Throws<InvalidDataException>(() =>
        {
            foreach (var item in AnnotationLines.Prefetch(Failing(before), 64))
                seen.Add(item);
        });

        Assert.Equal(Enumerable.Range(0, before), seen);
        Assert.Equal("line " + before, ex.Message);
    }

    [Fact]
    public void Prefetch_ConsumerStopsEarly_ProducerStops()
    {
        var produced = 0;
        IEnumerable<int> Endless()
        {
            for (var i = 0; ; i++)
            {
                produced = i;
                yield return i;
            }
        }

        // Disposing the enumeration waits for the producer, which read at most the capacity (and the item it holds) ahead.
        Assert.Equal(Enumerable.Range(0, 20), AnnotationLines.Prefetch(Endless(), 64).Take(20));
        Assert.InRange(produced, 19, 20 + 64 + 1);
    }
}
