using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using NlpPipeline.Resources;

namespace NlpPipeline.Text.Segmentation;

/// <summary>
/// A trained word-segmentation model: hashed feature weights (2^<see cref="Bits"/> floats) and the word vocabulary
/// mined from the training corpora (ids 1..N, 0 = unknown), which also serves as the dictionary feature.
/// Stored gzip-compressed (fast to inflate) with only the non-zero weights. Immutable; thread-safe.
/// </summary>
public sealed class SegmenterModel
{
    /// <summary>Repository path of the shipped model, embedded in the library.</summary>
    public const string DefaultResource = "models/segmenter-vi.bin";

    private const uint Magic = 0x47455356; // "VSEG"
    private const int FormatVersion = 2;

    private static readonly Lazy<SegmenterModel> DefaultModel = new(() =>
    {
        using var stream = EmbeddedResources.Open(DefaultResource);
        return Load(stream);
    });

    internal SegmenterModel(int bits, float[] weights, IReadOnlyList<string> vocabulary, string description)
    {
        if (weights.Length != 1 << bits)
            throw new ArgumentException("Weight table size must be 2^bits.", nameof(weights));
        Bits = bits;
        Weights = weights;
        Vocabulary = vocabulary;
        Description = description;
        Table = new WordTable(vocabulary);
    }

    /// <summary>The model shipped in <c>models/segmenter-vi.bin</c>, loaded once.</summary>
    public static SegmenterModel Default => DefaultModel.Value;

    public int Bits { get; }

    internal float[] Weights { get; }

    /// <summary>Vocabulary words (lower case, normalised, syllables separated by one space); word id = index + 1.</summary>
    public IReadOnlyList<string> Vocabulary { get; }

    /// <summary>How the model was trained (corpora, epochs, seed), as written by the trainer.</summary>
    public string Description { get; }

    internal WordTable Table { get; }

    /// <summary>Reads a model written by <see cref="Save"/>; throws <see cref="InvalidDataException"/> on a foreign file.</summary>
    public static SegmenterModel Load(Stream stream)
    {
        using var compressed = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new BinaryReader(new BufferedStream(compressed, 1 << 16), Encoding.UTF8);
        if (reader.ReadUInt32() != Magic || reader.ReadInt32() != FormatVersion)
            throw new InvalidDataException("Not a segmenter model of this version.");
        var description = reader.ReadString();
        var bits = reader.ReadInt32();
        var vocabularyCount = reader.ReadInt32();
        var vocabulary = new string[vocabularyCount];
        for (var i = 0; i < vocabularyCount; i++)
            vocabulary[i] = reader.ReadString();
        var weights = new float[1 << bits];
        var nonZero = reader.ReadInt32();
        var deltas = reader.ReadBytes(reader.ReadInt32());
        var values = reader.ReadBytes(nonZero * 2);
        if (values.Length != nonZero * 2)
            throw new InvalidDataException("Truncated segmenter model.");
        var halves = MemoryMarshal.Cast<byte, Half>(values);
        int index = 0, position = 0;
        for (var i = 0; i < nonZero; i++)
        {
            int delta = 0, shift = 0;
            byte b;
            do
            {
                b = deltas[position++];
                delta |= (b & 0x7F) << shift;
                shift += 7;
            }
            while (b >= 0x80);
            index += delta;
            weights[index] = (float)halves[i];
        }
        return new SegmenterModel(bits, weights, vocabulary, description);
    }

    public static SegmenterModel Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    /// <summary>Writes the model; the same model always gives the same bytes.</summary>
    public void Save(Stream stream)
    {
        using var compressed = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(compressed, Encoding.UTF8);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(Description);
        writer.Write(Bits);
        writer.Write(Vocabulary.Count);
        foreach (var word in Vocabulary)
            writer.Write(word);
        var nonZero = 0;
        foreach (var w in Weights)
        {
            if ((Half)w != Half.Zero)
                nonZero++;
        }
        writer.Write(nonZero);
        var deltas = new MemoryStream();
        var values = new MemoryStream();
        using (var deltaWriter = new BinaryWriter(deltas, Encoding.UTF8, leaveOpen: true))
        using (var valueWriter = new BinaryWriter(values, Encoding.UTF8, leaveOpen: true))
        {
            var previous = 0;
            for (var i = 0; i < Weights.Length; i++)
            {
                var h = (Half)Weights[i];
                if (h == Half.Zero)
                    continue;
                deltaWriter.Write7BitEncodedInt(i - previous);
                valueWriter.Write(h);
                previous = i;
            }
        }
        writer.Write((int)deltas.Length);
        writer.Write(deltas.GetBuffer(), 0, (int)deltas.Length);
        writer.Write(values.GetBuffer(), 0, (int)values.Length);
    }

    public void Save(string path)
    {
        using var stream = File.Create(path);
        Save(stream);
    }
}
