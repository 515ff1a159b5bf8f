using System.Collections.Immutable;
using NlpPipeline.Documents;
using NlpPipeline.Entities;

namespace NlpPipeline.Tests.Entities;

public class DocumentConsistencyTests
{
    public static TheoryData<(string Type, string Text)[], string[]> Cases => new()
    {
        // Majority wins for every mention of the same string.
        { [("LOC", "Vinamilk"), ("ORG", "Vinamilk"), ("ORG", "Vinamilk")], ["ORG", "ORG", "ORG"] },
        // A tie keeps each tag.
        { [("PER", "Hồng Hà"), ("LOC", "Hồng Hà")], ["PER", "LOC"] },
        // Different strings are independent; non-model types (TITLE) are left alone.
        { [("PER", "Nga"), ("LOC", "Nga"), ("LOC", "Nga"), ("TITLE", "Nga"), ("PER", "Putin")], ["LOC", "LOC", "LOC", "TITLE", "PER"] },
        { [("ORG", "Bộ Y tế")], ["ORG"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Apply_RepeatedSurface_TakesMajorityType((string Type, string Text)[] tagged, string[] expected)
    {
        var builder = ImmutableArray.CreateBuilder<Entity>();
        var offset = 0;
        foreach (var (type, text) in tagged)
        {
            builder.Add(new Entity(type, offset, offset + text.Length, text));
            offset += text.Length + 1;
        }
        var before = builder.Select(e => (e.Start, e.End, e.Text)).ToArray();

        DocumentConsistency.Apply(builder);

        Assert.Equal(expected, builder.Select(e => e.Type).ToArray());
        Assert.Equal(before, builder.Select(e => (e.Start, e.End, e.Text)).ToArray());
    }
}
