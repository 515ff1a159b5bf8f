using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

namespace NlpPipeline.Entities;

/// <summary>Allocation-free 64-bit hashing of syllables and feature tuples; stable across runs and machines.</summary>
internal static class FeatureHash
{
    private const ulong K1 = 0x9E3779B97F4A7C15UL;
    private const ulong K2 = 0xC2B2AE3D27D4EB4FUL;

    /// <summary>Lower-case fold and diacritic-free base letter for each BMP char below 0x2000; built once.</summary>
    private static readonly char[] Lower = BuildLower();
    private static readonly char[] Base = BuildBase();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong h, ulong v) => BitOperations.RotateLeft((h ^ v) * K1, 31) * K2 + 0x165667B19E3779F9UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Final(ulong h)
    {
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 33;
        return h;
    }

    public static ulong Exact(ReadOnlySpan<char> s)
    {
        var h = 0xCBF29CE484222325UL;
        foreach (var c in s)
            h = (h ^ c) * 0x100000001B3UL;
        return Final(h);
    }

    public static ulong LowerCase(ReadOnlySpan<char> s)
    {
        var h = 0xCBF29CE484222325UL;
        foreach (var c in s)
            h = (h ^ ToLower(c)) * 0x100000001B3UL;
        return Final(h);
    }

    /// <summary>Lower-case form without diacritics (<c>Hóa</c>, <c>hoá</c>, <c>HOA</c> → <c>hoa</c>).</summary>
    public static ulong BaseForm(ReadOnlySpan<char> s)
    {
        var h = 0x84222325CBF29CE4UL;
        foreach (var c in s)
            h = (h ^ (c < Base.Length ? Base[c] : c)) * 0x100000001B3UL;
        return Final(h);
    }

    /// <summary>Character classes (X upper, x lower, d digit, other chars as themselves), repeats collapsed.</summary>
    public static ulong Shape(ReadOnlySpan<char> s)
    {
        var h = 0x1234567887654321UL;
        var last = '\0';
        foreach (var c in s)
        {
            var k = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            if (k == last)
                continue;
            last = k;
            h = (h ^ k) * 0x100000001B3UL;
        }
        return Final(h);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char ToLower(char c) => c < Lower.Length ? Lower[c] : char.ToLowerInvariant(c);

    private static char[] BuildLower()
    {
        var map = new char[0x2000];
        for (var c = 0; c < map.Length; c++)
            map[c] = char.ToLowerInvariant((char)c);
        return map;
    }

    private static char[] BuildBase()
    {
        var map = new char[0x2000];
        for (var c = 0; c < map.Length; c++)
        {
            var lower = char.ToLowerInvariant((char)c);
            var b = lower;
            if (lower == 'đ')
                b = 'd';
            else if (!char.IsSurrogate(lower))
            {
                var d = lower.ToString().Normalize(NormalizationForm.FormD);
                if (d.Length > 0)
                    b = d[0];
            }
            map[c] = b;
        }
        return map;
    }
}
