using System.Collections.Immutable;
using NlpPipeline.Documents;
using NlpPipeline.Quotes;

namespace NlpPipeline.Entities;

using QuoteSyllable = NlpPipeline.Quotes.Syllable;

/// <summary>
/// Repairs of the person spans the recogniser tags wrongly in news text, run at the end of the entity stage so that the
/// output's <c>entities</c>, the mention linker's refs and the quote stage's speakers all see the same names:
/// <list type="bullet">
/// <item>a name cut inside a hyphenated syllable runs to its end (<c>Moon Jae|-in</c> → <c>Moon Jae-in</c>);</item>
/// <item>a hyphenated given name written with a spaced dash is one person (<c>Kim Hack - Yong</c>, tagged <c>Kim Hack</c> and
/// <c>Yong</c> or <c>Yong</c> alone);</item>
/// <item>a person tagged after a spaced dash that continues a capitalised place or organisation name is that name
/// (<c>Vườn quốc gia (VQG) Phong Nha – Kẻ Bàng</c>);</item>
/// <item>leading words naming an organisation or place of the document are cut from a person who continues a lower-case
/// phrase (<c>hãng bia Kirin Sato Hiroshi</c> with <c>Kirin</c> → <c>Sato Hiroshi</c>; a single word left must be used alone as
/// a person elsewhere: <c>Nissan Motor</c> stays), and so are leading countries and acronyms (<c>Nga Oleg Syromolotov</c>,
/// <c>VFF Lê Hoài Anh</c>). A cut part that the document tags elsewhere as an organisation or place gets that type.</item>
/// </list>
/// Uses the quote lexicon's family names, name prefixes (countries), word classes and addresses. Immutable, thread-safe.
/// </summary>
public sealed class PersonNameRepair
{
    private static readonly Lazy<PersonNameRepair> LazyDefault = new(() => new PersonNameRepair(QuoteLexicon.Default));

    private readonly QuoteLexicon _lex;

    public PersonNameRepair(QuoteLexicon lexicon) => _lex = lexicon ?? throw new ArgumentNullException(nameof(lexicon));

    public static PersonNameRepair Default => LazyDefault.Value;

    /// <summary>
    /// A person name as a speaker or index shows it: a spaced dash inside a hyphenated given name closed up
    /// (<c>Kim Hack - Yong</c> → <c>Kim Hack-Yong</c>).
    /// </summary>
    public static string DisplayName(string personText)
    {
        if (personText.IndexOfAny(['-', '–']) < 0)
            return personText;
        var parts = personText.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var sb = new System.Text.StringBuilder(personText.Length);
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i] is "-" or "–" && i > 0 && i + 1 < parts.Length && char.IsUpper(parts[i + 1][0]))
            {
                sb.Append('-').Append(parts[++i]);
                continue;
            }
            if (sb.Length > 0)
                sb.Append(' ');
            sb.Append(parts[i]);
        }
        return sb.ToString();
    }

    /// <summary>The entities with person spans repaired (see the class summary), sorted by start; others unchanged.</summary>
    public ImmutableArray<Entity> Apply(string text, ImmutableArray<Entity> entities)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (entities.IsDefaultOrEmpty || !entities.Any(e => e.Type == EntityTypes.Person) && !entities.Any(e => IsBody(e)
                && entities.Any(x => IsBody(x) && x.Text.Length < e.Text.Length && e.Text.StartsWith(x.Text + " ", StringComparison.OrdinalIgnoreCase))))
            return entities;
        var run = new Run(text, TextUnits.Syllabify(text), _lex, [.. entities.OrderBy(e => e.Start).ThenBy(e => e.End)]);
        return run.Repair();
    }

    /// <summary>Two or more characters, all capitals or digits, at least two capitals: <c>VFF</c>, <c>PC67</c>, <c>MTTQVN</c>.</summary>
    internal static bool IsAcronym(ReadOnlySpan<char> w)
    {
        var caps = 0;
        foreach (var c in w)
        {
            if (char.IsUpper(c))
                caps++;
            else if (!char.IsDigit(c))
                return false;
        }
        return caps >= 2;
    }

    private static bool IsBody(Entity e) => e.Type is EntityTypes.Organization or EntityTypes.Location;

    private sealed class Run(string text, QuoteSyllable[] syl, QuoteLexicon lex, List<Entity> entities)
    {
        public ImmutableArray<Entity> Repair()
        {
            SplitGluedPersons();
            var i = 0;
            while (i < entities.Count)
            {
                var e = entities[i];
                if (e.Type != EntityTypes.Person)
                {
                    i++;
                    continue;
                }
                e = entities[i] = IntoHyphenatedSyllable(e);
                if (HyphenatedGivenName(e) is int hs)
                {
                    entities.RemoveAll(x => x.Type == EntityTypes.Person && x.Start >= hs && x.End <= e.Start);
                    i = entities.IndexOf(e);
                    entities[i] = e with { Start = hs, Text = text[hs..e.End] };
                    i++;
                    continue;
                }
                if (NameBeforeDash(e) is var (ds, type))
                {
                    entities.RemoveAll(x => !ReferenceEquals(x, e) && x.Start >= ds && x.End <= e.End);
                    i = entities.IndexOf(e);
                    entities[i] = e with { Type = type, Start = ds, Text = text[ds..e.End] };
                    i++;
                    continue;
                }
                var start = StartWithoutAddress(e);
                if (start == e.Start)
                    start = StartWithoutBodyWords(e);
                start = StartWithoutNamePrefixes(e, start);
                if (start > e.Start)
                {
                    entities[i] = e with { Start = start, Text = text[start..e.End] };
                    var cut = text[e.Start..start].TrimEnd();
                    var named = entities.FirstOrDefault(x => x.Type is EntityTypes.Organization or EntityTypes.Location
                        && string.Equals(x.Text, cut, StringComparison.OrdinalIgnoreCase));
                    if (named is not null)
                    {
                        entities.Insert(i, new Entity(named.Type, e.Start, e.Start + cut.Length, cut) { Confidence = e.Confidence });
                        i++;
                    }
                }
                i++;
            }
            return [.. entities.OrderBy(e => e.Start).ThenBy(e => e.End).ThenBy(e => e.Type, StringComparer.Ordinal)];
        }

        /// <summary>
        /// <c>người phát ngôn Điện Kremlin Dmitry Peskov</c> tagged as one place: an organisation or place after a title word
        /// whose text is another organisation or place of the document followed by two to four capitalised words (no
        /// acronym, none inside an organisation or place of the document) is that body and a person.
        /// </summary>
        private void SplitGluedPersons()
        {
            for (var i = 0; i < entities.Count; i++)
            {
                var e = entities[i];
                if (e.Type is not (EntityTypes.Organization or EntityTypes.Location) || !AfterTitleWord(e.Start))
                    continue;
                var body = entities.Where(x => x.Type is EntityTypes.Organization or EntityTypes.Location && x.Text.Length < e.Text.Length
                        && e.Text.StartsWith(x.Text, StringComparison.OrdinalIgnoreCase) && e.Text[x.Text.Length] == ' ')
                    .MaxBy(x => x.Text.Length);
                if (body is null)
                    continue;
                var rest = e.Text[body.Text.Length..].TrimStart();
                var words = rest.Split(' ');
                if (words.Length is < 2 or > 4 || !words.All(w => char.IsUpper(w[0]) && w.Skip(1).Any(char.IsLower))
                    || entities.Any(x => x.Type is EntityTypes.Organization or EntityTypes.Location && x != e
                        && words.Any(w => Keys(x.Text).Contains(w.ToLowerInvariant()))))
                    continue;
                var ps = e.End - rest.Length;
                entities[i] = new Entity(body.Type, e.Start, e.Start + body.Text.Length, text[e.Start..(e.Start + body.Text.Length)]) { Confidence = e.Confidence };
                entities.Insert(i + 1, new Entity(EntityTypes.Person, ps, e.End, rest) { Confidence = e.Confidence });
                i++;
            }
        }

        // A title source word (người phát ngôn, Bộ trưởng) ends right before pos.
        private bool AfterTitleWord(int pos)
        {
            var k = FirstSyllableAt(pos) - 1;
            if (k < 0 || syl[k].End > pos || !Adjacent(k))
                return false;
            for (var j = Math.Max(0, k - lex.MaxSourceLength + 1); j <= k; j++)
            {
                if (MatchAt(j, k + 1, lex.MaxSourceLength, lex.Sources.ContainsKey) == k - j + 1
                    && lex.Sources[string.Join(' ', syl[j..(k + 1)].Select(x => x.Lower))].Class == SourceClass.Title)
                    return true;
            }
            return false;
        }

        /// <summary><c>Moon Jae|-in</c>: a person ending inside a hyphenated syllable whose rest is lower case runs to its end.</summary>
        private Entity IntoHyphenatedSyllable(Entity e)
        {
            var k = FirstSyllableAt(e.End) - 1;
            if (k >= 0 && syl[k].Start < e.End && e.End < syl[k].End && e.End + 1 < syl[k].End && text[e.End] == '-'
                && char.IsLower(text[e.End + 1]))
                return e with { End = syl[k].End, Text = text[e.Start..syl[k].End] };
            return e;
        }

        /// <summary>
        /// A one-word person after a spaced dash that ends a family name of the surname list and one more capitalised
        /// syllable (<c>Kim Hack - Yong</c>) is the last part of a hyphenated given name: the start of the whole name; else null.
        /// </summary>
        private int? HyphenatedGivenName(Entity per)
        {
            var k = FirstSyllableAt(per.Start) - 1;
            if (k < 1 || per.Text.Contains(' ') || syl[k].End > per.Start || !syl[k].Upper || !syl[k - 1].Upper || !Adjacent(k - 1)
                || !lex.Surnames.Contains(syl[k - 1].Lower)
                || lex.WordClasses.ContainsKey(syl[k - 1].Lower + " " + syl[k].Lower)
                || text.AsSpan(syl[k].End, per.Start - syl[k].End).Trim() is not ("-" or "–")
                || k >= 2 && Adjacent(k - 2) && syl[k - 2].Upper && !lex.NamePrefixes.Contains(syl[k - 2].Lower) && !InPlaceOrOrganisation(k - 2))
                return null;
            return syl[k - 1].Start;
        }

        /// <summary>
        /// A person that continues a capitalised name after a spaced dash (<c>Vườn quốc gia (VQG) Phong Nha – Kẻ Bàng</c>) is the
        /// second half of a place or organisation name: its start (back to an organisation or place entity before it, across a
        /// bracketed acronym) and type (that entity's, else ORG); null for a person, or a Vietnamese name (<c>... – Nguyễn Văn A</c>).
        /// </summary>
        private (int Start, string Type)? NameBeforeDash(Entity per)
        {
            var k = FirstSyllableAt(per.Start) - 1;
            if (k < 0 || syl[k].End > per.Start || !syl[k].Upper || lex.Surnames.Contains(per.Text.Split(' ')[0].ToLowerInvariant())
                || text.AsSpan(syl[k].End, per.Start - syl[k].End) is var gap && (gap.Trim() is not ("–" or "-") || gap.Length < 3))
                return null;
            var start = k;
            while (start > 0 && Adjacent(start - 1) && syl[start - 1].Upper)
                start--;
            // "Nguyễn Minh Bàn - Tư Bàn", "Phúc - Lộc - Thọ": a person before the dash makes a pair of people.
            if (MatchAt(start, k + 1, lex.MaxSourceLength, lex.Sources.ContainsKey) > 0
                || entities.Any(e => e.Type == EntityTypes.Person && e.Start < syl[k].End && syl[start].Start < e.End))
                return null;
            foreach (var e in entities)
            {
                if (e.Type is EntityTypes.Organization or EntityTypes.Location && e.End <= syl[start].Start && e.End >= syl[start].Start - 12
                    && text.AsSpan(e.End, syl[start].Start - e.End).Trim() is var between
                    && (between.IsEmpty || between[0] == '(' && between[^1] == ')' && IsAcronym(between[1..^1])))
                    return (e.Start, e.Type);
            }
            var inner = entities.FirstOrDefault(e => e.Type is EntityTypes.Organization or EntityTypes.Location && e.Start <= syl[start].Start
                && syl[k].End <= e.End);
            return inner is null ? null : (inner.Start, inner.Type);
        }

        /// <summary>
        /// The start of person <paramref name="per"/> after a leading address tagged into it (<c>Bé Ánh Hoàng</c>, <c>Ông Nguyễn
        /// Văn A</c>), when two words or more are left (<c>Bà Triệu</c> is a name).
        /// </summary>
        private int StartWithoutAddress(Entity per)
        {
            var (words, offsets) = Words(per);
            var n = TitleLexicon.Default.MatchHonorific(words, 0);
            return n > 0 && words.Length - n >= 2 && char.IsUpper(text[offsets[n]]) ? offsets[n] : per.Start;
        }

        /// <summary>
        /// The start of person <paramref name="per"/> without leading words that name an organisation or place of the document
        /// holding none of the other words, when the person continues a lower-case phrase (<c>hãng bia Kirin Sato Hiroshi</c>).
        /// A name opening a sentence, following a verb or an address (<c>bà Chelsea Clinton</c>), or starting with a family
        /// name, is kept whole; a word also used alone as a person (<c>Saddam</c>) is the person's own.
        /// </summary>
        private int StartWithoutBodyWords(Entity per)
        {
            var (words, offsets) = Words(per);
            var k = FirstSyllableAt(per.Start) - 1;
            if (words.Length < 2 || k < 0 || syl[k].End > per.Start || syl[k].Upper || !Adjacent(k) || lex.Surnames.Contains(words[0])
                || lex.WordClasses.TryGetValue(syl[k].Lower, out var wc) && wc == 'V'
                || lex.Sources.TryGetValue(syl[k].Lower, out var address) && address is { Class: SourceClass.Honorific, Gender: not '\0' })
                return per.Start;
            for (var n = words.Length - 1; n >= 1; n--)
            {
                var lead = words[..n];
                if (!char.IsUpper(text[offsets[n]])
                    || entities.Any(e => e.Type == EntityTypes.Person && Keys(e.Text).AsSpan().SequenceEqual(lead))
                    || n == words.Length - 1 && !UsedAloneAsPerson(words[n], lead[0]))
                    continue;
                foreach (var e in entities)
                {
                    if (e.Type is EntityTypes.Organization or EntityTypes.Location && (e.End <= per.Start || e.Start >= per.End)
                        && BodyNameAt(e.Text, lead) && !words[n..].Any(Keys(e.Text).Contains))
                        return offsets[n];
                }
            }
            return per.Start;
        }

        // A single word left after the cut must name a person elsewhere without the cut words ("Luke" beside "Harvard Luke";
        // "C.Fabregas" beside "Fabregas"), or the cut would make a name of the tail of a mis-tagged body (Nissan Motor → Motor).
        private bool UsedAloneAsPerson(string word, string lead)
        {
            var bare = word[(word.LastIndexOf('.') + 1)..];
            return entities.Any(e => e.Type == EntityTypes.Person && Keys(e.Text) is var keys
                && (Array.IndexOf(keys, word) >= 0 || Array.IndexOf(keys, bare) >= 0) && Array.IndexOf(keys, lead) < 0);
        }

        // The capitalised words lead open the name of an organisation or place: its whole text (Ukraina, Microsoft), its
        // capitalised part after a lower-case head word (Đại học Harvard), or the first words of that part after a head in
        // sentence case (Asahi of Tập đoàn Asahi Group Holdings); not words before a lower-case one (Thanh niên) or after other
        // capitalised ones (Văn phòng Luật sư Tan Lim).
        private static bool BodyNameAt(string entityText, string[] lead)
        {
            var words = entityText.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var p = 0; p + lead.Length <= words.Length; p++)
            {
                var match = true;
                for (var j = 0; j < lead.Length && match; j++)
                    match = char.IsUpper(words[p + j][0]) && string.Equals(words[p + j].ToLowerInvariant(), lead[j], StringComparison.Ordinal);
                if (match && (p == 0 || char.IsLower(words[p - 1][0]))
                    && (p + lead.Length == words.Length || char.IsUpper(words[p + lead.Length][0]) && (p == 0 || words[1..p].All(w => char.IsLower(w[0])))))
                    return true;
            }
            return false;
        }

        /// <summary>The start of the person from <paramref name="from"/> on without leading acronyms and countries (<c>Slovenia
        /// Miro Cerar</c>, <c>VFF Lê Hoài Anh</c>); never the whole name.</summary>
        private int StartWithoutNamePrefixes(Entity per, int from)
        {
            var (all, offsets) = Words(per);
            var start = Array.IndexOf(offsets, from);
            // "Chị Anh Đào": after an address the capitalised words are the person's own name.
            var k = FirstSyllableAt(per.Start) - 1;
            if (from == per.Start && k >= 0 && Adjacent(k) && lex.Sources.TryGetValue(syl[k].Lower, out var address)
                && address is { Class: SourceClass.Honorific, Gender: not '\0' })
                return from;
            // "ĐẶNG VƯƠNG HƯNG": in a name written in capitals a word in capitals is no acronym.
            var capitals = !per.Text.Any(char.IsLower);
            while (start < all.Length - 1)
            {
                var word = text[offsets[start]..(start + 1 < all.Length ? offsets[start + 1] : per.End)].TrimEnd();
                if (!capitals && IsAcronym(word))
                {
                    start++;
                    continue;
                }
                var best = 0;
                for (var n = 1; n <= lex.MaxNamePrefixLength && start + n < all.Length; n++)
                {
                    if (lex.NamePrefixes.Contains(string.Join(' ', all, start, n)))
                        best = n;
                }
                // "Mỹ Linh": after a one-word country a single word left must be used alone as a person elsewhere, as after a
                // body's name ("Thái Lan Thaksin" is cut).
                if (best == 0 || best == 1 && start + best == all.Length - 1 && !UsedAloneAsPerson(all[^1], all[start]))
                    break;
                start += best;
            }
            return offsets[start];
        }

        // The space-separated words of an entity, lower-cased, and the offset of each.
        private (string[] Words, int[] Offsets) Words(Entity e)
        {
            var words = new List<string>();
            var offsets = new List<int>();
            for (var p = e.Start; p < e.End;)
            {
                if (text[p] == ' ')
                {
                    p++;
                    continue;
                }
                var end = text.IndexOf(' ', p, e.End - p);
                if (end < 0)
                    end = e.End;
                words.Add(text[p..end].ToLowerInvariant());
                offsets.Add(p);
                p = end;
            }
            return ([.. words], [.. offsets]);
        }

        // Lower-case words of a name, split at spaces and dashes, brackets and commas trimmed.
        private static string[] Keys(string name) =>
            name.Split([' ', '-', '–'], StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim('(', ')', '[', ']', ',', ';', ':').ToLowerInvariant())
                .Where(s => s.Length > 0).ToArray();

        private bool InPlaceOrOrganisation(int k) =>
            entities.Any(e => e.Type is EntityTypes.Location or EntityTypes.Organization && e.Start <= syl[k].Start && syl[k].Start < e.End);

        private bool Adjacent(int i) =>
            i >= 0 && i + 1 < syl.Length && text.AsSpan(syl[i].End, syl[i + 1].Start - syl[i].End).Trim().IsEmpty;

        private int FirstSyllableAt(int pos)
        {
            int lo = 0, hi = syl.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (syl[mid].Start < pos)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            return lo;
        }

        // The length of the longest phrase of adjacent syllables from i (before limit, up to maxLen) that contains accepts; 0 if none.
        private int MatchAt(int i, int limit, int maxLen, Func<string, bool> contains)
        {
            var best = 0;
            var phrase = "";
            for (var n = 1; n <= maxLen && i + n <= limit; n++)
            {
                if (n > 1 && !Adjacent(i + n - 2))
                    break;
                phrase = n == 1 ? syl[i].Lower : phrase + " " + syl[i + n - 1].Lower;
                if (contains(phrase))
                    best = n;
            }
            return best;
        }
    }
}
