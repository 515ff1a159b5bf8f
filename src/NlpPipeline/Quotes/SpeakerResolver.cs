using System.Collections.Immutable;
using NlpPipeline.Documents;
using NlpPipeline.Entities;

namespace NlpPipeline.Quotes;

/// <summary>
/// Resolves the words naming a quote's source to a speaker: the fullest name of that person in the document (through
/// entity refs when the entity stage ran, else through names found after honorifics and titles), with the title;
/// pronouns and bare titles to the most recent compatible speaker; groups, organisations and documents as themselves.
/// Returns null rather than guess. Stateful over one document: call in text order.
/// </summary>
internal sealed class SpeakerResolver
{
    private readonly string _text;
    private readonly Syllable[] _syl;
    private readonly QuoteLexicon _lex;
    private readonly ImmutableArray<Entity> _entities;
    private readonly HashSet<string> _lowerWords = new(StringComparer.Ordinal);
    // Indices of _entities ordered by start offset, then by index (document order among equal starts), for EntityAt.
    private readonly int[] _byStart;
    private readonly HashSet<int> _entityEnds = [];
    private readonly List<Person> _people = [];
    private readonly List<(SpeakerInfo Info, int Pos)> _speakers = [];

    private sealed record Person(string Name, string[] Keys, int Pos, char Gender, string? Title, string? Ref);

    private readonly PhraseCache _phrases;

    public SpeakerResolver(string text, Syllable[] syllables, QuoteLexicon lexicon, ImmutableArray<Entity> entities, PhraseCache phrases)
    {
        _phrases = phrases;
        _text = text;
        _syl = syllables;
        _lex = lexicon;
        _entities = entities.IsDefault ? [] : entities;
        _byStart = new int[_entities.Length];
        for (var i = 0; i < _byStart.Length; i++)
            _byStart[i] = i;
        var all = _entities;
        Array.Sort(_byStart, (x, y) => all[x].Start != all[y].Start ? all[x].Start.CompareTo(all[y].Start) : x.CompareTo(y));
        foreach (var e in _entities)
        {
            if (e.Type != EntityTypes.Title)
                _entityEnds.Add(e.End);
        }
        foreach (var s in syllables)
        {
            if (!s.Upper)
                _lowerWords.Add(s.Lower);
        }
        IndexPeople();
    }

    /// <summary>The first entity, in document order, that starts exactly at offset <paramref name="start"/> and is of one of the types; or null.</summary>
    private Entity? EntityAt(int start, params ReadOnlySpan<string> types)
    {
        int lo = 0, hi = _byStart.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_entities[_byStart[mid]].Start < start)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (var i = lo; i < _byStart.Length && _entities[_byStart[i]] is var e && e.Start == start; i++)
        {
            if (types.Contains(e.Type))
                return e;
        }
        return null;
    }

    /// <summary>True when the word is written in lower case somewhere in the document (so it is not a name).</summary>
    public bool IsCommonWord(string lower) => _lowerWords.Contains(lower);

    public void NoteSpeaker(SpeakerInfo info, int pos) => _speakers.Add((info, pos));

    /// <summary>True when some person of the document has this (lower-case) syllable in their name.</summary>
    public bool NamesPerson(string lower) => _people.Any(p => Array.IndexOf(p.Keys, lower) >= 0);

    private (int Start, int End)[] _quoted = [];

    /// <summary>The spans of the quotes found: a person named inside one is not introduced to the reader as a new speaker.</summary>
    public void SetQuotedSpans(IEnumerable<(int Start, int End)> spans) => _quoted = [.. spans];

    // ---------------------------------------------------------------- people of the document

    private void IndexPeople()
    {
        var titlesByPerson = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var t in _entities)
        {
            if (t.Type == EntityTypes.Title && t.PersonRef is not null)
                titlesByPerson.TryAdd(t.PersonRef, t.Text);
        }
        foreach (var e in _entities)
        {
            if (e.Type != EntityTypes.Person)
                continue;
            // A mis-tagged phrase ("Việc Triều Tiên") starts with a word written in lower case elsewhere.
            var first = e.Text.Split(' ')[0].ToLowerInvariant();
            if (_lowerWords.Contains(first) && !_lex.Surnames.Contains(first))
                continue;
            var title = e.Ref is not null && titlesByPerson.TryGetValue(e.Ref, out var t) ? t : null;
            AddPerson(PersonNameRepair.DisplayName(e.Text), e.Start, GenderBefore(e.Start), title, e.Ref);
        }
        // Names after an honorific or a title: "ông Jeffrey Eberhardt", "Thứ trưởng Ngoại giao Nga Oleg Syromolotov".
        for (var i = 0; i < _syl.Length; i++)
        {
            var n = MatchAt(i, _syl.Length, _lex.MaxSourceLength, _lex.Sources.ContainsKey);
            if (n == 0)
                continue;
            var word = _lex.Sources[Phrase(i, i + n - 1)];
            if (word.Class is not (SourceClass.Honorific or SourceClass.Title) || InPlaceOrOrganisation(i))
                continue;
            var k = i + n;
            if (k >= _syl.Length || !Adjacent(k - 1))
                continue;
            // A title's complement: "Ngoại giao Nga", "Bộ GTVT" (case-insensitive, from the name-prefix list).
            var runFirst = k;
            while (runFirst < _syl.Length && Adjacent(runFirst - 1)
                   && MatchAt(runFirst, _syl.Length, _lex.MaxNamePrefixLength, _lex.NamePrefixes.Contains) is var m and > 0)
                runFirst += m;
            // "Chủ tịch nước Trần Đại Quang", "chuyên gia Mỹ về vũ khí hạt nhân Joe Cirincione": a title's or occupation's
            // lower-case complement runs up to a person entity.
            if (runFirst < _syl.Length && !_syl[runFirst].Upper && (word.Class == SourceClass.Title || IsOccupation(word, i, n))
                && PersonEntityAhead(runFirst) is var pe and >= 0)
                runFirst = pe;
            var runLast = runFirst - 1;
            while (runLast + 1 < _syl.Length && Adjacent(runLast) && _syl[runLast + 1].Upper)
                runLast++;
            if (runLast < runFirst || runFirst >= _syl.Length || !_syl[runFirst].Upper || EndsInsideWord(runLast))
                continue;
            // "Chủ tịch Nước Trần Văn Minh": a capitalised common noun completes the title; the name follows it.
            // "Chủ tịch Nước cho biết": a complement alone names nobody.
            if (word.Class == SourceClass.Title && CommonNounComplement(runFirst, runLast) is var cn and > 0)
            {
                if (runFirst + cn > runLast)
                    continue;
                if (_lex.Surnames.Contains(_syl[runFirst + cn].Lower))
                    runFirst += cn;
            }
            if (ExtractName(runFirst, runLast) is not var (a, b))
                continue;
            // The entity stage's person inside the run is the name ("Thị trưởng London Sadiq Khan", "Huỳnh Trung Phong-Trưởng").
            var inner = PersonEntityIn(a, b);
            if (inner is not null)
                a = FirstSyllableAt(inner.Start);
            // "Chánh văn phòng HĐND TP Đà Nẵng": a place or organisation after the title is no name.
            else if (word.Class == SourceClass.Title && IsTitleComplement(runFirst, a))
                continue;
            var name = inner is null ? _text[_syl[a].Start.._syl[b].End] : PersonNameRepair.DisplayName(inner.Text);
            string? title = null;
            if (word.Class == SourceClass.Title)
                title = _text[_syl[i].Start.._syl[Math.Max(i, a - 1)].End];
            else if (AppositiveTitle(i) is { } app)
                title = app;
            else if (TitleAfter(b) is { } after)
                title = after;
            else if (IsOccupation(word, i, n))
                title = _text[_syl[i].Start.._syl[i + n - 1].End];
            var gender = word.Gender != '\0' ? word.Gender : GenderBefore(_syl[i].Start);
            AddPerson(name, _syl[a].Start, gender, title, inner?.Ref);
            // "Trung tá Huỳnh Trung Phong-Trưởng phòng CSGT ...": a rank before the name and an office after it; the person
            // holds both, so a later bare "trưởng phòng" finds them.
            // Only a glued office: after ", " the next words may be the next person's title ("X, Tổng thống Litva Y và ...").
            if (word.Class == SourceClass.Title && inner is not null && GluedTitleAfter(inner) is { } office)
                AddPerson(name, _syl[a].Start, gender, office, inner?.Ref);
            i = b;
        }
    }

    /// <summary>
    /// The length of a capitalised common noun of the word-class table opening the run from k to b (<c>Nước</c> in
    /// <c>Chủ tịch Nước</c>) that names nobody of the document and holds no person entity; 0 when there is none.
    /// </summary>
    private int CommonNounComplement(int k, int b)
    {
        for (var n = Math.Min(3, b - k + 1); n >= 1; n--)
        {
            var word = string.Join(' ', Enumerable.Range(k, n).Select(x => _syl[x].Lower));
            if (_lex.WordClasses.TryGetValue(word, out var c))
                return c == 'N' && Enumerable.Range(k, n).All(x => !NamesPerson(_syl[x].Lower)) && PersonEntityIn(k, k + n - 1) is null ? n : 0;
        }
        return 0;
    }

    /// <summary>
    /// The first syllable of a person entity within six syllables from k, reached with no punctuation, cue or "của" on the
    /// way; else -1.
    /// </summary>
    private int PersonEntityAhead(int k)
    {
        for (var j = k; j < _syl.Length && j < k + 7; j++)
        {
            if (j > k && !Adjacent(j - 1))
                return -1;
            if (_syl[j].Upper && EntityAt(_syl[j].Start, EntityTypes.Person) is not null)
                return j;
            if (_syl[j].Lower == "của" || MatchAt(j, _syl.Length, _lex.MaxCueLength, _lex.Cues.ContainsKey) > 0)
                return -1;
        }
        return -1;
    }

    /// <summary>The first person entity lying inside syllables [a, b], or null.</summary>
    private Entity? PersonEntityIn(int a, int b)
    {
        foreach (var e in _entities)
        {
            if (e.Type == EntityTypes.Person && e.Start >= _syl[a].Start && e.End <= _syl[b].End)
                return e;
        }
        return null;
    }

    /// <summary>
    /// The name found at syllable <paramref name="name"/> of a capitalised run starting at <paramref name="run"/> lies in a
    /// place or organisation entity, so it completes a title; not when a family name opens it after other words
    /// (<c>Bộ NNPTNT | Trần Thanh Nam</c>, tagged as one organisation).
    /// </summary>
    private bool IsTitleComplement(int run, int name) =>
        InPlaceOrOrganisation(name) && !(name > run && _lex.Surnames.Contains(_syl[name].Lower));

    /// <summary>Syllable i lies inside a place or organisation entity: "Bà" in "Bà Rịa - Vũng Tàu" is no honorific.</summary>
    public bool InPlaceOrOrganisation(int i)
    {
        var pos = _syl[i].Start;
        foreach (var e in _entities)
        {
            if (e.Type is EntityTypes.Location or EntityTypes.Organization && e.Start <= pos && pos < e.End)
                return true;
        }
        return false;
    }

    private void AddPerson(string name, int pos, char gender, string? title, string? entityRef)
    {
        var keys = Keys(name);
        // A Vietnamese name's middle word tells the gender when no address does: "Nguyễn Thị Lan" (f), "Trần Văn Minh" (m).
        if (gender == '\0' && keys.Length >= 3 && _lex.Surnames.Contains(keys[0]))
            gender = keys[1] switch { "thị" => 'f', "văn" => 'm', _ => '\0' };
        _people.Add(new Person(name, keys, pos, gender, title, entityRef));
    }

    // The lower-case words of a name or title, split at spaces and dashes, brackets and commas trimmed ("(PC67" -> "pc67").
    private static string[] Keys(string name) =>
        name.Split([' ', '-', '–'], StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim(KeyTrim).ToLowerInvariant())
            .Where(s => s.Length > 0).ToArray();

    private static readonly char[] KeyTrim = ['(', ')', '[', ']', ',', ';', ':'];

    /// <summary>"Đại diện đặc biệt của ..., ông X": the title segment before the comma.</summary>
    private string? AppositiveTitle(int honorific)
    {
        if (honorific == 0)
            return null;
        var gap = _text.AsSpan(_syl[honorific - 1].End, _syl[honorific].Start - _syl[honorific - 1].End);
        if (!gap.Contains(','))
            return null;
        var k = honorific - 1;
        while (k > 0)
        {
            var g = _text.AsSpan(_syl[k - 1].End, _syl[k].Start - _syl[k - 1].End);
            if (g.IndexOfAny(",.;:\n") >= 0)
                break;
            k--;
        }
        var n = MatchAt(k, honorific, _lex.MaxSourceLength, _lex.Sources.ContainsKey);
        if (n == 0 || _lex.Sources[Phrase(k, k + n - 1)].Class != SourceClass.Title)
            return null;
        return _text[_syl[k].Start.._syl[honorific - 1].End];
    }

    /// <summary>"ông X, Tổng cục trưởng Tổng cục Đường bộ, ...": the title segment after the name.</summary>
    private string? TitleAfter(int nameLast)
    {
        if (nameLast + 1 >= _syl.Length)
            return null;
        var gap = _text.AsSpan(_syl[nameLast].End, _syl[nameLast + 1].Start - _syl[nameLast].End);
        if (!gap.Contains(',') && gap.IndexOfAny("-–") < 0)
            return null;
        var k = nameLast + 1;
        var n = MatchAt(k, _syl.Length, _lex.MaxSourceLength, _lex.Sources.ContainsKey);
        if (n == 0 || _lex.Sources[Phrase(k, k + n - 1)].Class != SourceClass.Title)
            return null;
        var e = k;
        while (e + 1 < _syl.Length && Adjacent(e) && e - k < 14)
            e++;
        return _text[_syl[k].Start.._syl[e].End];
    }

    /// <summary>
    /// "Huỳnh Trung Phong-Trưởng phòng CSGT đường bộ": a title glued to the end of a person entity by a hyphen (one syllable
    /// for the splitter), through the words adjacent to it (up to 14); null when the words after the hyphen open no title.
    /// </summary>
    private string? GluedTitleAfter(Entity per)
    {
        var k = FirstSyllableAt(per.End) - 1;
        if (k < 0 || _syl[k].Start >= per.End || per.End + 1 >= _syl[k].End || _text[per.End] != '-' || !char.IsUpper(_text[per.End + 1]))
            return null;
        var e = k;
        while (e + 1 < _syl.Length && Adjacent(e) && e - k < 14)
            e++;
        var end = _syl[e].End;
        // "... đường sắt (PC67-Công an TP.HCM)": a bracket right after belongs to the title.
        if (_text.AsSpan(end).TrimStart(' ') is ['(', ..] rest && rest.IndexOf(')') is var close and > 0 and < 40 && rest[..close].IndexOf('\n') < 0)
            end = _text.Length - rest.Length + close + 1;
        var title = _text[(per.End + 1)..end];
        var words = QuoteLexicon.Key(title).Split(' ');
        for (var n = Math.Min(words.Length, _lex.MaxSourceLength); n >= 1; n--)
        {
            if (_lex.Sources.TryGetValue(string.Join(' ', words, 0, n), out var w))
                return w.Class == SourceClass.Title ? title : null;
        }
        return null;
    }

    private char GenderBefore(int pos)
    {
        var i = FirstSyllableAt(pos) - 1;
        if (i < 0)
            return '\0';
        return _syl[i].Lower switch
        {
            "ông" or "anh" or "ngài" => 'm',
            "bà" or "chị" or "cô" => 'f',
            _ => '\0',
        };
    }

    /// <summary>
    /// The name inside a capitalised run: leading countries, ministries and bodies dropped (<c>Nga Oleg Syromolotov</c> →
    /// <c>Oleg Syromolotov</c>); a Vietnamese family name starts the name when the run is long.
    /// </summary>
    public (int, int)? ExtractName(int first, int last)
    {
        var a = first;
        while (a <= last)
        {
            var n = MatchAt(a, last + 1, _lex.MaxNamePrefixLength, _lex.NamePrefixes.Contains);
            if (n == 0)
                break;
            a += n;
        }
        // "VFF Lê Hoài Anh", "MTTQVN Trần Thanh Mẫn": an organisation's acronym before a name is not part of it.
        while (a < last && IsAcronymSyllable(a))
            a++;
        if (last - a + 1 > 4)
        {
            for (var k = a; k <= last; k++)
            {
                if (_lex.Surnames.Contains(_syl[k].Lower) && last - k + 1 is >= 2 and <= 4)
                {
                    a = k;
                    break;
                }
            }
        }
        if (a > last)
            return null;
        if (a == last && (_lex.NamePrefixes.Contains(_syl[a].Lower) || IsAcronymSyllable(a)))
            return null;
        return (a, last);
    }

    private bool IsAcronymSyllable(int k) => IsAcronym(_text.AsSpan(_syl[k].Start, _syl[k].End - _syl[k].Start));

    private static bool IsAcronym(ReadOnlySpan<char> w) => PersonNameRepair.IsAcronym(w);

    /// <summary>
    /// A capitalised run that ends inside a word: its last syllable and the lower-case one after it make a word of the
    /// word-class table (<c>Phòng Đào | tạo</c>, <c>Trường CĐ Kỹ | thuật</c>, <c>Trung | ương</c>), so the run is part of an
    /// organisation's or place's name written in sentence case, not a person's name. Not when the lower-case syllable
    /// opens a cue or a longer word itself (<c>Ông Nguyễn Văn An | bình luận</c>).
    /// </summary>
    private bool EndsInsideWord(int last) =>
        last + 1 < _syl.Length && Adjacent(last) && !_syl[last + 1].Upper
        && _lex.WordClasses.ContainsKey(_syl[last].Lower + " " + _syl[last + 1].Lower)
        && MatchAt(last + 1, _syl.Length, _lex.MaxCueLength, _lex.Cues.ContainsKey) == 0
        && WordClassAt(last + 1, _syl.Length - 1).Length <= 1;

    /// <summary>The longest word of the word-class table (up to 3 syllables) starting at syllable k and ending by b: its class and length.</summary>
    private (char Class, int Length) WordClassAt(int k, int b)
    {
        for (var n = Math.Min(3, b - k + 1); n >= 1; n--)
        {
            if (_lex.WordClasses.TryGetValue(Phrase(k, k + n - 1), out var c))
                return (c, n);
        }
        return ('\0', 0);
    }

    // ---------------------------------------------------------------- resolution

    public SpeakerInfo? Resolve(int mentionStart, int mentionEnd, int quotePos)
    {
        var info = ResolveMention(mentionStart, mentionEnd, quotePos);
        // "một quan chức an ninh", "một vị phụ huynh": an unnamed source keeps its article (its fullest span).
        if (info is { Resolution: SpeakerResolution.Group } && _text.AsSpan(mentionStart, mentionEnd - mentionStart).TrimStart() is var m
            && m.StartsWith("một ", StringComparison.OrdinalIgnoreCase) && !m.StartsWith("một số", StringComparison.OrdinalIgnoreCase)
            && !info.Name.StartsWith("một", StringComparison.OrdinalIgnoreCase) && m[4..].TrimStart().StartsWith(info.Name.Split(' ')[0], StringComparison.Ordinal))
            info = info with { Name = m[..4].ToString() + info.Name };
        // "đại diện Vụ Chính sách Thuế" after "đại diện Vụ Chính sách Thuế, Tổng cục Thuế": an unnamed source's fullest span is
        // the longest earlier speaker it opens (not an indefinite "một", a new individual).
        if (info is { Resolution: SpeakerResolution.Group } && !info.Name.StartsWith("một", StringComparison.OrdinalIgnoreCase)
            && _speakers.Where(x => x.Info.Kind == info.Kind && x.Info.Name.Length > info.Name.Length + 1
                    && x.Info.Name.StartsWith(info.Name, StringComparison.OrdinalIgnoreCase) && x.Info.Name[info.Name.Length] is ',' or ' ')
                .Select(x => x.Info).MaxBy(x => x.Name.Length) is { } fuller)
            info = info with { Name = fuller.Name };
        if (info is null or { Kind: "PER", Resolution: not SpeakerResolution.Group })
            return info;
        if (info.Kind == "ORG" && quotePos >= mentionEnd && TitleOfOrganisation(mentionStart, quotePos) is { } holder)
            return holder;
        if (AppositivePerson(mentionStart, mentionEnd, quotePos) is { } person)
            return person;
        // An unnamed description or body that ends its mention keeps its place tail (QUOTES.md: a group's fullest span).
        return _text.AsSpan(mentionStart, mentionEnd - mentionStart).TrimEnd().EndsWith(info.Name, StringComparison.Ordinal)
               && PlaceTailEnd(mentionEnd) is int tailEnd
            ? info with { Name = info.Name + _text[mentionEnd..tailEnd].TrimEnd() }
            : info;
    }

    /// <summary>
    /// The end of a place tail right after an unnamed description or body that ends its mention, when a cue or a comma follows
    /// the tail: <c>ở|tại|trong</c> and up to six words (<c>Các tài xế taxi ở London cáo buộc</c>, <c>một quan chức an ninh
    /// trong chính phủ Nhật Bản nhận định</c>), or a bracketed name that is no acronym (<c>lãnh đạo công an phường Trung Hòa
    /// (Cầu Giấy) cho biết</c>; <c>(IS)</c>, <c>(VKS)</c> are not taken). Null when there is none.
    /// </summary>
    private static readonly HashSet<string> TimeOrOccasion = new(StringComparer.Ordinal)
        { "ngày", "hôm", "sáng", "trưa", "chiều", "tối", "đêm", "tuần", "tháng", "năm", "khi", "lúc", "thời", "cuộc", "buổi", "phiên", "lần", "dịp", "đó", "này" };

    private int? PlaceTailEnd(int mentionEnd)
    {
        var k = FirstSyllableAt(mentionEnd);
        if (k <= 0 || k >= _syl.Length)
            return null;
        int last;
        var gap = _text.AsSpan(_syl[k - 1].End, _syl[k].Start - _syl[k - 1].End).Trim();
        if (gap.IsEmpty && _syl[k].Lower is "ở" or "tại" or "trong")
        {
            last = k;
            while (last + 1 < _syl.Length && last - k < 6 && Adjacent(last)
                   && MatchAt(last + 1, _syl.Length, _lex.MaxCueLength, _lex.Cues.ContainsKey) == 0)
                last++;
            // A time or an occasion ("trong ngày 20/9", "tại cuộc họp báo") is no place of the source.
            if (last == k || Enumerable.Range(k + 1, last - k).Any(x => char.IsDigit(_text[_syl[x].Start]) || TimeOrOccasion.Contains(_syl[x].Lower)))
                return null;
        }
        else if (gap is "(")
        {
            var close = _text.IndexOf(')', _syl[k].Start);
            last = close < 0 ? -1 : FirstSyllableAt(close) - 1;
            if (last <= k || last - k > 6 || _text.AsSpan(_syl[k].Start, close - _syl[k].Start).IndexOfAny("(,.;:\n") >= 0
                || !_text[_syl[k].Start..close].Any(char.IsLower))
                return null;
            var after = _text.AsSpan(close + 1, (last + 1 < _syl.Length ? _syl[last + 1].Start : _text.Length) - close - 1).Trim();
            if (after is not ("" or ","))
                return null;
            return after.IsEmpty && (last + 1 >= _syl.Length || MatchAt(last + 1, _syl.Length, _lex.MaxCueLength, _lex.Cues.ContainsKey) == 0)
                ? null : close + 1;
        }
        else
            return null;
        var next = last + 1 < _syl.Length ? _text.AsSpan(_syl[last].End, _syl[last + 1].Start - _syl[last].End).Trim() : ",";
        return next is "," || (next.IsEmpty && MatchAt(last + 1, _syl.Length, _lex.MaxCueLength, _lex.Cues.ContainsKey) > 0)
            ? _syl[last].End : null;
    }

    /// <summary>
    /// A title, body or description standing in apposition to a named person names that person: before it
    /// (<c>ông X - phó chánh án Tòa án ... - cho biết</c>, <c>Ông X, Trung đoàn trưởng ... cho biết</c>, <c>Theo ông X, một
    /// thương lái ... cho biết</c>) or after it up to the cue (<c>Chủ tịch Ủy ban X, Trưởng ban Y Trần Thanh Mẫn khẳng định,</c>,
    /// <c>Vụ phó Vụ X (Bộ Y) Nguyễn Văn Sáng cho rằng</c>). Null when no person stands so.
    /// </summary>
    private SpeakerInfo? AppositivePerson(int mentionStart, int mentionEnd, int quotePos)
    {
        // Only a source before its content ("X, <title> cho biết ..."); "..., ông Mack, theo ABC." names ABC.
        if (quotePos < mentionEnd)
            return null;
        Person? before = null, after = null;
        foreach (var p in _people)
        {
            if (p.Pos < mentionStart && p.Pos >= mentionStart - 200 && (before is null || p.Pos > before.Pos))
                before = p;
            else if (p.Pos >= mentionEnd && p.Pos < quotePos && p.Pos <= mentionEnd + 120 && (after is null || p.Pos < after.Pos))
                after = p;
        }
        if (before is not null && NameEnd(before) is var be && be < mentionStart
            && ApposGap(_text.AsSpan(be, mentionStart - be), ",-–") is var sep and >= 0 && FirstSyllableAt(be + sep + 1) is var k
            && !HasTheoOrCue(k, FirstSyllableAt(mentionStart))
            && k < _syl.Length && (_syl[k].Lower == "một" || !_lex.Marker("quantifier").Contains(_syl[k].Lower))
            && (!_syl[k].Upper || EntityAt(_syl[k].Start, EntityTypes.Title) is not null
                || MatchAt(k, _syl.Length, _lex.MaxSourceLength, _lex.Sources.ContainsKey) is var n and > 0
                && _lex.Sources[Phrase(k, k + n - 1)].Class is SourceClass.Title or SourceClass.Honorific
                || SentenceCaseTitle(k)))
            return PersonSpeaker(before.Name, before.Pos, before.Ref, before.Gender, before.Name);
        if (after is not null && NameEnd(after) is var ae && ae <= quotePos && quotePos - ae <= 30
            && _text.AsSpan(mentionEnd, after.Pos - mentionEnd) is var fwd && fwd.IndexOfAny(",(") >= 0 && fwd.IndexOfAny(".:;!?\n\"“”") < 0
            && !HasTheoOrCue(FirstSyllableAt(mentionEnd), FirstSyllableAt(after.Pos)))
            return PersonSpeaker(after.Name, after.Pos, after.Ref, after.Gender, after.Name);
        return null;
    }

    // "Trưởng bản Ón": a capitalised title syllable (the first of a known title) before a lower-case one that is no source
    // word of its own, at syllable k, is a title written in sentence case though the lexicon lacks it.
    private bool SentenceCaseTitle(int k) =>
        k + 1 < _syl.Length && _syl[k].Upper && !_syl[k + 1].Upper && Adjacent(k) && _lex.TitleStarts.Contains(_syl[k].Lower)
        && MatchAt(k, _syl.Length, _lex.MaxSourceLength, _lex.Sources.ContainsKey) == 0;

    /// <summary>
    /// "Trưởng phòng Kiểm định xe cơ giới, Cục Đăng kiểm Việt Nam thông tin, ...", "Thiếu tá X, Đội phó Đội ... cho biết": a
    /// sentence opening with a title (and name), a comma and the organisation mention names that person, or the person seen
    /// earlier with that title; null when the title names nobody.
    /// </summary>
    private SpeakerInfo? TitleOfOrganisation(int mentionStart, int quotePos)
    {
        var m = FirstSyllableAt(mentionStart);
        if (m < 2 || _text.AsSpan(_syl[m - 1].End, mentionStart - _syl[m - 1].End).Trim() is not ",")
            return null;
        var j = m - 1;
        while (j > 0 && Adjacent(j - 1))
            j--;
        if (j > 0 && _text.AsSpan(_syl[j - 1].End, _syl[j].Start - _syl[j - 1].End).IndexOfAny(".!?\n") < 0)
            return null;
        var n = MatchAt(j, m, _lex.MaxSourceLength, _lex.Sources.ContainsKey);
        if (n == 0 || _lex.Sources[Phrase(j, j + n - 1)].Class != SourceClass.Title)
            return null;
        return ResolveMention(_syl[j].Start, _syl[m - 1].End, quotePos) is { Kind: "PER", Resolution: not SpeakerResolution.Group } holder
            ? holder : null;
    }

    // A "theo" or a cue among syllables [from, to): the phrase is a source of its own ("bà X, theo Bangkok Post, là ...").
    // A cue syllable opening a longer word is none ("khai" in "đơn vị khai thác vận tải").
    private bool HasTheoOrCue(int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (_syl[k].Lower == "theo"
                || MatchAt(k, to, _lex.MaxCueLength, _lex.Cues.ContainsKey) is var n and > 0 && WordClassAt(k, to - 1).Length <= n)
                return true;
        }
        return false;
    }

    // Offset of the gap's first separator when it opens the gap (after spaces) and no sentence end, colon or quotation mark
    // follows; else -1.
    private static int ApposGap(ReadOnlySpan<char> gap, string separators)
    {
        var at = gap.Length - gap.TrimStart().Length;
        if (at >= gap.Length || separators.IndexOf(gap[at]) < 0 || gap.IndexOfAny(".:;!?\n\"“”") >= 0)
            return -1;
        return at;
    }

    // End offset of the capitalised run naming p at p.Pos.
    private int NameEnd(Person p)
    {
        var k = FirstSyllableAt(p.Pos);
        if (k >= _syl.Length)
            return p.Pos;
        while (k + 1 < _syl.Length && _syl[k + 1].Upper && Adjacent(k))
            k++;
        return _syl[k].End;
    }

    private SpeakerInfo? ResolveMention(int mentionStart, int mentionEnd, int quotePos)
    {
        var a = FirstSyllableAt(mentionStart);
        var b = FirstSyllableAt(mentionEnd) - 1;
        if (b < a)
            return null;
        // "Phía bà Melania không chấp nhận ..., cho rằng": a mention cut to "phía" alone is the side named right after it.
        if (a == b && _syl[a].Lower == "phía" && a + 1 < _syl.Length && Adjacent(a))
        {
            var k = a + 1 + MatchAt(a + 1, _syl.Length, _lex.MaxSourceLength, _lex.Sources.ContainsKey);
            var e = k - 1;
            while (e + 1 < _syl.Length && _syl[e + 1].Upper && Adjacent(e))
                e++;
            if (e >= k)
                b = e;
        }
        while (a < b && (_syl[a].Lower is "phía" or "cả" || (_syl[a].Lower == "một" && _syl[a + 1].Lower != "số")))
            a++;
        // "Tổ chức Nhà nước | Hồi giáo (IS)": a mention cut inside an organisation or place entity runs to the entity's end.
        foreach (var e in _entities)
        {
            if (e.Type is EntityTypes.Organization or EntityTypes.Location && char.IsUpper(_text[e.Start]) && e.Start >= _syl[a].Start && e.Start < _syl[b].End
                && e.End > _syl[b].End && (quotePos < mentionStart || e.End <= quotePos) && FirstSyllableAt(e.End) - 1 is var eb && eb > b)
                b = eb;
        }
        // "cảnh sát Anh cho biết (đã cáo buộc ...)": a mention stops before a cue that follows an entity, unless the cue is
        // part of a source word ("Người phát ngôn").
        for (var k = a + 1; k <= b; k++)
        {
            if (_syl[k - 1].Upper && !_syl[k].Upper && _entityEnds.Contains(_syl[k - 1].End)
                && MatchAt(k, b + 1, _lex.MaxCueLength, _lex.Cues.ContainsKey) is var cn and > 0
                && WordClassAt(k, b).Length <= cn && !InSourceWord(k, a))
            {
                b = k - 1;
                break;
            }
        }
        var mention = _text[_syl[a].Start.._syl[b].End];
        // "Hầu hết các bị cáo", "hai chiến sĩ cảnh sát": a quantified people or group noun with no name is an unnamed
        // group (a leading "một" is dropped above, as the dev gold does: "nguồn tin cảnh sát").
        // A name after a plain noun only qualifies the group ("Các tay súng Taliban"); after an address it is the people.
        var qn = MatchAt(a, b, 3, _lex.Marker("quantifier").Contains);
        var qh = qn > 0 ? MatchAt(a + qn, b + 1, _lex.MaxSourceLength, _lex.Sources.ContainsKey) : 0;
        if (qn > 0 && !_syl[a + qn].Upper
            && (qh > 0
                    ? _lex.Sources[Phrase(a + qn, a + qn + qh - 1)].Class is SourceClass.Honorific or SourceClass.Group
                    : WordClassAt(a + qn, b).Class == 'N')
            && (qh == 0 || PersonEntityIn(a, b) is null))
            return new SpeakerInfo(mention, "OTHER", SpeakerResolution.Group);

        // Entities first.
        var span = (_syl[a].Start, _syl[b].End);
        var per = PersonEntityIn(a, b);
        var headLen = MatchAt(a, b + 1, _lex.MaxSourceLength, _lex.Sources.ContainsKey);
        SourceWord? head = headLen > 0 ? _lex.Sources[Phrase(a, a + headLen - 1)] : null;
        // "vị trưởng phòng PC67": the classifier "vị" before a title heads that title.
        if (headLen == 0 && _syl[a].Lower == "vị" && a < b && MatchAt(a + 1, b + 1, _lex.MaxSourceLength, _lex.Sources.ContainsKey) is var vn and > 0
            && _lex.Sources[Phrase(a + 1, a + vn)] is { Class: SourceClass.Title } vt)
            (head, headLen) = (vt, vn + 1);
        // "Đại diện VKS", "đại diện (của) Công ty X": an unnamed representative of an organisation; its fullest span, as
        // QUOTES.md asks of an unnamed source, with the organisation's ref.
        if (headLen > 0 && a + headLen <= b && Phrase(a, a + headLen - 1) is "đại diện" or "người đại diện")
        {
            var rest = a + headLen + (_syl[a + headLen].Lower == "của" && a + headLen < b ? 1 : 0);
            if (ResolveMention(_syl[rest].Start, _syl[b].End, quotePos) is { Kind: "ORG" } organisation)
                return new SpeakerInfo(mention, "ORG", SpeakerResolution.Group) { Ref = organisation.Ref };
        }
        if (head is { Class: SourceClass.Pronoun or SourceClass.OrgPronoun or SourceClass.GroupPronoun } pro && headLen == b - a + 1)
            return ResolvePronoun(pro, quotePos, demonstrative: _syl[b].Lower == "này", noun: b > a && _syl[b].Lower == "này" ? Phrase(a, b - 1).ToLowerInvariant() : null);
        // An occupation alone ("luật sư", "tỷ phú"): the person named earlier with it as title or right after it,
        // else the unnamed noun phrase itself (QUOTES.md: an unnamed source is its fullest span, kind OTHER).
        if (head is { Class: SourceClass.Honorific } occ && headLen == b - a + 1 && IsOccupation(occ, a, headLen))
            return ResolveBareTitle(a, b, mention, quotePos) is { Resolution: not SpeakerResolution.Group } holder ? holder
                : NamedAfterOccupation(mention, quotePos) ?? new SpeakerInfo(mention, "OTHER", SpeakerResolution.Group);
        // "ngài Đại sứ", "ông Bộ trưởng": an address before a title alone is that title's holder.
        if (head is { Class: SourceClass.Honorific } && a + headLen <= b
            && MatchAt(a + headLen, b + 1, _lex.MaxSourceLength, _lex.Sources.ContainsKey) is var tn and > 0 && a + headLen + tn - 1 == b
            && _lex.Sources[Phrase(a + headLen, b)].Class == SourceClass.Title
            && ResolveBareTitle(a + headLen, b, _text[_syl[a + headLen].Start.._syl[b].End], quotePos) is { Resolution: not SpeakerResolution.Group } titled)
            return titled;
        if (head is { Class: SourceClass.Honorific } hon && headLen == b - a + 1)
            return ResolvePronoun(new SourceWord(SourceClass.Pronoun, hon.Gender), quotePos);
        // "Các tay súng Taliban": a group head and a plain noun; a (mis-tagged) name after them only qualifies the group.
        if (head is { Class: SourceClass.Group } && a + headLen <= b && !_syl[a + headLen].Upper
            && MatchAt(a + headLen, b + 1, _lex.MaxSourceLength, _lex.Sources.ContainsKey) == 0 && WordClassAt(a + headLen, b).Class == 'N')
            return new SpeakerInfo(mention, "OTHER", SpeakerResolution.Group);
        // "Phát ngôn viên Taliban này": a demonstrative title refers back to a person named before it, whatever body (or
        // mis-tagged name) it holds.
        if (head is { Class: SourceClass.Title } && b > a + headLen - 1 && _syl[b].Lower == "này")
            return ResolvePronoun(new SourceWord(SourceClass.Pronoun, '\0'), Math.Min(quotePos, _syl[a].Start), demonstrative: true,
                noun: Phrase(a, a + headLen - 1));
        // "con gái của bà Liliane Bettencourt", "luật sư của ông X": a lower-case noun and "của" before a person (and their
        // address or title) name someone else, unnamed: the whole span.
        if (per is not null && OfPerson(a, FirstSyllableAt(per.Start)))
            return new SpeakerInfo(mention, "PER", SpeakerResolution.Group);
        // "chính quyền Tổng thống Mỹ Donald Trump": a lower-case organisation head before a person is that person's body.
        // Not a head read as a title right before the name ("thanh tra Kathryn Anderson") or opening a longer word ("sở dĩ").
        if (per is not null && head is { Class: SourceClass.OrgHead } && !_syl[a].Upper && FirstSyllableAt(per.Start) > a + headLen
            && WordClassAt(a, b).Length <= headLen)
            return new SpeakerInfo(mention, "ORG", SpeakerResolution.Group) { Ref = per.Ref };
        if (per is not null)
            return PersonSpeaker(PersonNameRepair.DisplayName(per.Text), per.Start, per.Ref, head?.Gender ?? '\0', mention);
        // "sách Thiên Nam ngữ lục": a book is named by its title, as a paper by its name after "tờ".
        if (head is { Class: SourceClass.DocumentHead } && Phrase(a, a + headLen - 1) == "sách" && a + headLen <= b && _syl[a + headLen].Upper)
            return new SpeakerInfo(_text[_syl[a + headLen].Start.._syl[b].End], "OTHER", SpeakerResolution.Name);
        if (head is { Class: SourceClass.Group or SourceClass.DocumentHead })
            return new SpeakerInfo(mention, "OTHER", SpeakerResolution.Group);
        if (head is { Class: SourceClass.OrgHead })
        {
            // "hãng tin CNN", "tờ China Daily": the paper's name; "Bộ Ngoại giao Nga": the whole.
            if (Phrase(a, a + headLen - 1) is "tờ" or "báo" or "hãng tin" or "hãng thông tấn" or "trang" or "kênh" or "đài" or "tờ báo"
                && a + headLen <= b && _syl[a + headLen].Upper && AllUpper(a + headLen, b) && !IsPlace(a + headLen, b))
                return new SpeakerInfo(_text[_syl[a + headLen].Start.._syl[b].End], "ORG", SpeakerResolution.Name);
            // "cơ quan đánh giá tín dụng Standard & Poor's": a lower-case head and description, then the name.
            if (!_syl[a].Upper && _syl[b].Upper)
            {
                var k = b;
                while (k - 1 > a && _syl[k - 1].Upper)
                    k--;
                // "quân đội Nga", "chính quyền quân sự Thái Lan", "báo chí Pháp": a body of a place is that body, the
                // whole span (QUOTES.md: a group's fullest span), not the place.
                if (!_syl[k - 1].Upper && AllLower(a, k - 1) && !IsPlace(k, b))
                    return new SpeakerInfo(_text[_syl[k].Start.._syl[b].End], "ORG", SpeakerResolution.Name);
            }
            var org = _entities.FirstOrDefault(e => e.Type is EntityTypes.Organization && e.Start <= span.Item1 && e.End >= span.Item2);
            // "Theo công ty luật, ..." after "Công ty luật Pirc-Musar": a lower-case organisation noun alone is the
            // organisation last named with it.
            // "cảnh sát" after the speaker "Cảnh sát Anh": the last organisation speaker whose name opens with the noun.
            if (org is null && AllLower(a, b) && _speakers.LastOrDefault(x => x.Pos < span.Item1 && x.Info.Kind == "ORG"
                    && x.Info.Name.Length > mention.Length + 1 && x.Info.Name.StartsWith(mention + " ", StringComparison.OrdinalIgnoreCase)).Info is { } spoke)
                return spoke with { Resolution = SpeakerResolution.Pronoun };
            if (org is null && AllLower(a, b) && NamedWithNoun(mention, span.Item1) is { } named)
                return new SpeakerInfo(FullestEntity(named), "ORG", SpeakerResolution.Pronoun) { Ref = named.Ref };
            if (org is null && AllLower(a, b) && BodyOfPlace(a + MatchAt(a, b, _lex.MaxSourceLength, _lex.BodyHeads.Contains), b, span.Item1) is { } body)
                return new SpeakerInfo(body, "ORG", SpeakerResolution.Pronoun);
            return new SpeakerInfo(mention, "ORG", SpeakerResolution.Name) { Ref = org?.Ref };
        }
        // "Tổng Giám đốc Uber" inside the entity stage's title "Tổng Giám đốc Uber tại London" linked to Tom Elvidge.
        if (head is { Class: SourceClass.Title } && LinkedTitleHolder(span.Item1, span.Item2) is { } linked)
            return PersonSpeaker(linked.Name, linked.Pos, linked.Ref, linked.Gender, mention);
        if (head is { Class: SourceClass.Honorific or SourceClass.Title } h)
        {
            var run = FirstNameRun(a + headLen, b);
            // "Bí thư huyện Tây Trà", "lãnh đạo công an phường Trung Hòa": a place or organisation after a title is the
            // title's complement, not the holder's name; unless a family name opens a name after it ("Bộ X Trần Thanh Nam").
            if (h.Class == SourceClass.Title && run is var (r0, r9) && ExtractName(r0, r9) is var (p0, _) && IsTitleComplement(r0, p0))
                run = null;
            // "Chủ tịch Nước", "Bộ trưởng Tài chính": a title's complement written capitalised that is a common noun of the
            // word-class table, names nobody of the document and holds no person entity, is no holder's name.
            if (h.Class == SourceClass.Title && run is var (c0, c9) && CommonNounComplement(c0, c9) == c9 - c0 + 1)
                run = null;
            // "Bà mẹ Thái Nguyên": an address and a description from a place name nobody new; like the address alone.
            if (h.Class == SourceClass.Honorific && a + headLen <= b && !_syl[a + headLen].Upper
                && Enumerable.Range(a + headLen, b - a - headLen + 1).FirstOrDefault(x => _syl[x].Upper) is var p1 and > 0 && IsPlace(p1, b))
                return ResolvePronoun(new SourceWord(SourceClass.Pronoun, h.Gender), quotePos);
            if (run is var (r1, r2) && ExtractName(r1, r2) is var (n1, n2))
                return PersonSpeaker(_text[_syl[n1].Start.._syl[n2].End], _syl[n1].Start, null, h.Gender, mention);
            // "nhà thiết kế nổi tiếng" after "nhà thiết kế Ralph Lauren": the person named earlier with that occupation.
            if (h.Class == SourceClass.Honorific && _syl[b].Lower != "này" && IsOccupation(h, a, headLen)
                && ResolveBareTitle(a, a + headLen - 1, Phrase(a, a + headLen - 1), quotePos) is { Resolution: not SpeakerResolution.Group } holder)
                return holder;
            // "Thầy giáo trẻ": an address with a modifier or two that are no nouns or verbs refers back like the address alone.
            if (h is { Class: SourceClass.Honorific, Gender: not '\0' } && b - (a + headLen) < 2 && AllModifiers(a + headLen, b))
                return ResolvePronoun(new SourceWord(SourceClass.Pronoun, h.Gender), quotePos);
            if (h.Class == SourceClass.Honorific)
            {
                // "chuyên gia này" is a pronoun; "bà con" and the like are not sources we can name.
                return b > a + headLen - 1 && _syl[b].Lower == "này"
                    ? ResolvePronoun(new SourceWord(SourceClass.Pronoun, h.Gender), quotePos)
                    : new SpeakerInfo(mention, "OTHER", SpeakerResolution.Group);
            }
            return ResolveBareTitle(a, b, mention, quotePos);
        }
        // A capitalised name with no head word.
        if (_syl[a].Upper)
        {
            var org = _entities.FirstOrDefault(e => e.Type is EntityTypes.Organization or EntityTypes.Location && e.Start <= span.Item1 && e.End >= span.Item2);
            if (org is not null)
                return new SpeakerInfo(FullestEntity(org), "ORG", SpeakerResolution.Name) { Ref = org.Ref };
            if (_syl[b].Lower == "này" && b > a)
                return ResolvePronoun(new SourceWord(SourceClass.OrgPronoun, '\0'), quotePos);
            // "Spencer buồn rầu (nói)": a name followed by a manner word or two.
            var e2 = b;
            while (e2 > a && !_syl[e2].Upper)
                e2--;
            if (e2 < b && AllUpper(a, e2) && b - e2 <= 3 && !EndsInsideWord(e2))
            {
                b = e2;
                mention = _text[_syl[a].Start.._syl[b].End];
            }
            if (AllUpper(a, b) && !_lex.NamePrefixes.Contains(LowerKey(mention)))
            {
                if (FindPerson(Keys(mention)) is not null)
                    return PersonSpeaker(mention, _syl[a].Start, null, '\0', mention);
                if (b > a && TitledBefore(Keys(mention), quotePos) is { } holder)
                    return holder;
                // An unknown capitalised name: a person unless it is an acronym (CNN, KCNA).
                var acronym = mention.All(ch => !char.IsLetter(ch) || char.IsUpper(ch));
                return new SpeakerInfo(mention, acronym ? "ORG" : "PER", SpeakerResolution.Name);
            }
            return new SpeakerInfo(mention, "ORG", SpeakerResolution.Name);
        }
        if (_syl[b].Lower == "này" && b > a)
            return ResolvePronoun(new SourceWord(SourceClass.Pronoun, '\0'), quotePos);
        return new SpeakerInfo(mention, "OTHER", SpeakerResolution.Group);
    }

    // "của" stands right before syllable p (past an address or title ending there), after lower-case syllables from a (the
    // first may open the sentence) that name no place or organisation.
    private bool OfPerson(int a, int p)
    {
        var k = p - 1;
        for (var n = Math.Min(_lex.MaxSourceLength, k - a); n >= 1; n--)
        {
            if (_lex.Sources.TryGetValue(Phrase(k - n + 1, k), out var w) && w.Class is SourceClass.Honorific or SourceClass.Title)
            {
                k -= n;
                break;
            }
        }
        if (k - 1 < a || _syl[k].Lower != "của" || !Adjacent(k) || !AllLower(a + 1, k) || InPlaceOrOrganisation(a))
            return false;
        // The head names people: an address or kinship word (honorifics.txt: con gái, vợ), an occupation, title or group;
        // not a speech or document noun ("lời của ông X", "hướng dẫn của X" are X's).
        var keys = Enumerable.Range(a, k - a).Select(x => (string?)_syl[x].Lower).ToList();
        return TitleLexicon.Default.MatchHonorific(keys, 0) > 0
            || MatchAt(a, k, _lex.MaxSourceLength, _lex.Sources.ContainsKey) is var head and > 0
               && _lex.Sources[Phrase(a, a + head - 1)].Class is SourceClass.Honorific or SourceClass.Title or SourceClass.Group;
    }

    // Syllable k lies inside a source word (title, honorific, group) starting at or after syllable a.
    private bool InSourceWord(int k, int a)
    {
        for (var j = Math.Max(a, k - _lex.MaxSourceLength + 1); j <= k; j++)
        {
            if (MatchAt(j, _syl.Length, _lex.MaxSourceLength, _lex.Sources.ContainsKey) is var n and > 0 && j + n > k)
                return true;
        }
        return false;
    }

    private static string LowerKey(string s) => QuoteLexicon.Key(s);

    /// <summary>Syllables [k, b] name a place: a location entity or a country of the name-prefix list.</summary>
    private bool IsPlace(int k, int b) =>
        _lex.NamePrefixes.Contains(LowerKey(_text[_syl[k].Start.._syl[b].End]))
        || EntityAt(_syl[k].Start, EntityTypes.Location) is { } place && place.End == _syl[b].End;

    // Syllables [a, b] are lower-case words of the word-class table's 'other' class (adjectives: trẻ, già, khiêm tốn), not "này".
    private bool AllModifiers(int a, int b)
    {
        for (var k = a; k <= b;)
        {
            if (_syl[k].Upper || _syl[k].Lower == "này" || WordClassAt(k, b) is not ('O', var n))
                return false;
            k += n;
        }
        return true;
    }

    private bool AllLower(int a, int b)
    {
        for (var k = a; k <= b; k++)
        {
            if (_syl[k].Upper)
                return false;
        }
        return true;
    }

    private bool AllUpper(int a, int b)
    {
        for (var k = a; k <= b; k++)
        {
            if (!_syl[k].Upper && !char.IsDigit(_syl[k].Lower[0]))
                return false;
        }
        return true;
    }

    /// <summary>The first capitalised run after a head word, past countries and ministries (<c>Ngoại giao Nga</c>).</summary>
    private (int, int)? FirstNameRun(int a, int b)
    {
        var k = a;
        while (k <= b && !_syl[k].Upper)
        {
            // "Phát ngôn viên của Berlin": what follows "của" is the body the title belongs to, not the holder's name.
            if (_syl[k].Lower == "của")
                return null;
            k++;
        }
        while (k <= b && MatchAt(k, b + 1, _lex.MaxNamePrefixLength, _lex.NamePrefixes.Contains) is var m and > 0)
            k += m;
        if (k > b || !_syl[k].Upper)
            return null;
        var e = k;
        while (e + 1 <= b && _syl[e + 1].Upper && Adjacent(e))
            e++;
        return EndsInsideWord(e) ? null : (k, e);
    }

    private SpeakerInfo PersonSpeaker(string name, int pos, string? entityRef, char gender, string mention)
    {
        var keys = Keys(name);
        var person = entityRef is not null ? FullestByRef(entityRef) : null;
        person ??= FindPerson(keys);
        var fullName = person?.Name ?? name;
        if (person is not null && Keys(person.Name).Length < keys.Length)
            fullName = name;
        var title = person is null ? null : _people.Where(p => p.Title is not null && SameName(p, fullName)).Select(p => p.Title).FirstOrDefault();
        var g = gender != '\0' ? gender : person?.Gender ?? '\0';
        if (g == '\0')
            g = _people.Where(p => SameName(p, fullName) && p.Gender != '\0').Select(p => p.Gender).FirstOrDefault();
        var resolution = string.Equals(fullName, name, StringComparison.Ordinal) && mention.EndsWith(name, StringComparison.Ordinal)
            ? SpeakerResolution.Name : SpeakerResolution.Alias;
        return new SpeakerInfo(fullName, "PER", resolution) { Ref = entityRef ?? person?.Ref, Title = title, Gender = g };
    }

    /// <summary>The person that a title entity covering [start, end) is linked to by the entity stage, or null.</summary>
    private Person? LinkedTitleHolder(int start, int end)
    {
        foreach (var t in _entities)
        {
            if (t.Type == EntityTypes.Title && t.PersonRef is { } personRef && t.Start <= start && end <= t.End)
                return FullestByRef(personRef);
        }
        return null;
    }

    private static bool SameName(Person p, string fullName) => string.Equals(p.Name, fullName, StringComparison.Ordinal)
        || Contains(Keys(fullName), p.Keys);

    private Person? FullestByRef(string entityRef)
    {
        Person? best = null;
        foreach (var p in _people)
        {
            if (p.Ref == entityRef && (best is null || p.Keys.Length > best.Keys.Length))
                best = p;
        }
        // A wider name of another ref that only adds words at the end is another person when this one has two words or more
        // ("Ánh Hoàng Anh", the sister of "Ánh Hoàng"); a single word, or a name the wider one ends with (a Vietnamese short
        // form, "Quỳnh Phương" of "Nguyễn Thị Quỳnh Phương"), may still be a short form the linker left apart.
        return best is null ? null
            : FindPerson(best.Keys) is { } wider && wider.Keys.Length > best.Keys.Length
              && (wider.Ref is null || wider.Ref == entityRef || best.Keys.Length == 1
                  || wider.Keys.AsSpan(wider.Keys.Length - best.Keys.Length).SequenceEqual(best.Keys)) ? wider : best;
    }

    /// <summary>The person of the document with the most syllables whose name contains <paramref name="keys"/> contiguously.</summary>
    private Person? FindPerson(string[] keys)
    {
        Person? best = null;
        foreach (var p in _people)
        {
            if (Contains(p.Keys, keys) && (best is null || p.Keys.Length > best.Keys.Length))
                best = p;
        }
        return best;
    }

    private static bool Contains(string[] hay, string[] needle)
    {
        if (needle.Length == 0 || needle.Length > hay.Length)
            return false;
        for (var i = 0; i + needle.Length <= hay.Length; i++)
        {
            var ok = true;
            for (var j = 0; j < needle.Length && ok; j++)
                ok = string.Equals(hay[i + j], needle[j], StringComparison.Ordinal);
            if (ok)
                return true;
        }
        return false;
    }

    /// <summary>
    /// "Theo cảnh sát" after "Cảnh sát Anh", "cơ quan công an" after "Công an quận Thủ Đức": the body noun of syllables a..b,
    /// written capitalised before <paramref name="pos"/> and opening an organisation entity or followed (past up to two
    /// lower-case syllables) by a place or organisation entity, is that body; of the latest such span, its fullest earlier form holding all its words. Null if none.
    /// </summary>
    private string? BodyOfPlace(int a, int b, int pos)
    {
        var n = b - a + 1;
        string? latest = null;
        var spans = new List<string>();
        for (var k = 0; k + n < _syl.Length && _syl[k].End <= pos; k++)
        {
            if (!_syl[k].Upper || Enumerable.Range(0, n).Any(x => _syl[k + x].Lower != _syl[a + x].Lower))
                continue;
            // The entity stage's organisation opening with the noun ("Công an quận Thủ Đức" tagged whole).
            var whole = EntityAt(_syl[k].Start, EntityTypes.Organization);
            if (whole is not null && whole.End > _syl[k + n - 1].End && whole.End <= pos)
            {
                spans.Add(latest = whole.Text);
                continue;
            }
            var j = k + n;
            while (j < k + n + 2 && j < _syl.Length && !_syl[j].Upper && Adjacent(j - 1))
                j++;
            if (j >= _syl.Length || !Adjacent(j - 1) || !_syl[j].Upper)
                continue;
            var e = EntityAt(_syl[j].Start, EntityTypes.Location, EntityTypes.Organization);
            if (e is null || e.End > pos)
                continue;
            spans.Add(latest = _text[_syl[k].Start..e.End]);
        }
        if (latest is null)
            return null;
        var words = Keys(latest);
        return spans.Where(x => Keys(x) is var w && words.All(w.Contains)).MaxBy(x => x.Length);
    }

    private string FullestEntity(Entity e)
    {
        if (e.Ref is null)
            return e.Text;
        var best = e.Text;
        foreach (var x in _entities)
        {
            if (x.Ref == e.Ref && x.Type == e.Type && x.Text.Length > best.Length)
                best = x.Text;
        }
        return best;
    }

    /// <summary>The person named last before <paramref name="pos"/> within the same or previous sentence (about 400 characters), or null.</summary>
    public SpeakerInfo? NearestPerson(int pos)
    {
        Person? last = null;
        foreach (var p in _people)
        {
            if (p.Pos < pos && p.Pos >= pos - 400 && (last is null || p.Pos > last.Pos))
                last = p;
        }
        (SpeakerInfo Info, int Pos)? sp = _speakers.Count == 0 ? null : _speakers.Where(s => s.Pos < pos && s.Pos >= pos - 400 && s.Info.Kind == "PER")
            .Select(s => ((SpeakerInfo, int)?)s).LastOrDefault();
        if (sp is { } recent && (last is null || recent.Pos >= last.Pos))
            return recent.Info with { Resolution = SpeakerResolution.Pronoun };
        if (last is null)
            return null;
        return PronounSpeaker(last);
    }

    private SpeakerInfo? ResolvePronoun(SourceWord pro, int pos, bool demonstrative = false, string? noun = null)
    {
        // "chuyên gia này": the person last described as a "chuyên gia" in the sentence naming them.
        if (demonstrative && pro.Class == SourceClass.Pronoun && noun is not null and not ("người" or "nhân vật" or "vị")
            && DescribedPerson(noun, pos) is { } described)
            return described;
        // "chuyên gia này", "người này": the person introduced last, even when not yet quoted.
        if (demonstrative && pro.Class == SourceClass.Pronoun)
        {
            Person? latest = null;
            foreach (var p in _people)
            {
                if (p.Pos < pos && !InQuote(p.Pos) && (latest is null || p.Pos > latest.Pos))
                    latest = p;
            }
            var lastSpeakerPos = _speakers.Where(x => x.Pos < pos && x.Info.Kind == "PER").Select(x => x.Pos).DefaultIfEmpty(-1).Max();
            if (latest is not null && latest.Pos > lastSpeakerPos)
            {
                return PronounSpeaker(latest);
            }
        }
        // "Từ năm lên 7, ... cậu bé Howard Schultz. “...”, ông chia sẻ.": a person introduced after the last compatible
        // speaker, in the text around the quotes rather than inside one, and within about a paragraph, is the one meant.
        if (pro.Class == SourceClass.Pronoun && !demonstrative)
        {
            var lastSpeakerPos = _speakers.Where(x => x.Pos < pos && x.Info.Kind == "PER" && GenderFits(pro.Gender, x.Info.Gender))
                .Select(x => x.Pos).DefaultIfEmpty(-1).Max();
            Person? introduced = null;
            foreach (var p in _people)
            {
                if (p.Pos < pos && p.Pos > lastSpeakerPos && p.Pos >= pos - 400 && GenderFits(pro.Gender, p.Gender)
                    && !InQuote(p.Pos) && (introduced is null || p.Pos > introduced.Pos))
                    introduced = p;
            }
            if (introduced is not null && lastSpeakerPos >= 0)
            {
                return PronounSpeaker(SubjectOver(introduced, pro.Gender));
            }
        }
        for (var i = _speakers.Count - 1; i >= 0; i--)
        {
            var (info, at) = _speakers[i];
            if (at > pos)
                continue;
            var ok = pro.Class switch
            {
                SourceClass.OrgPronoun => info.Kind == "ORG",
                SourceClass.GroupPronoun => info.Kind is "OTHER" or "ORG",
                _ => info.Kind == "PER" && (pro.Gender == '\0' || info.Gender == '\0' || info.Gender == pro.Gender),
            };
            if (ok)
                return info with { Resolution = SpeakerResolution.Pronoun };
        }
        // "Tờ này" with no paper quoted yet: the organisation last named right after "tờ".
        if (pro.Class == SourceClass.OrgPronoun && noun is not null)
            return NamedAfterNoun(noun, pos);
        if (pro.Class != SourceClass.Pronoun)
            return null;
        // No earlier speaker: the most recent person named before.
        Person? last = null;
        foreach (var p in _people)
        {
            if (p.Pos < pos && (pro.Gender == '\0' || p.Gender == '\0' || p.Gender == pro.Gender) && (last is null || p.Pos > last.Pos))
                last = p;
        }
        if (last is null)
            return null;
        return PronounSpeaker(SubjectOver(last, pro.Gender));
    }

    private bool InQuote(int pos) => _quoted.Any(q => pos >= q.Start && pos < q.End);

    /// <summary>
    /// A pronoun refers to the subject of the sentence rather than to an object: the first person of p's sentence, outside
    /// quotes and of a fitting gender, whose name is followed by a verb before any comma and before p (<c>Saul có một thông
    /// điệp về Saddam Hussein. Ông ta ...</c>, <c>Không chỉ Silva, ngay cả Chủ tịch X đã gặp Cavani và Neymar. Ông ...</c>
    /// gives X); else p.
    /// </summary>
    private Person SubjectOver(Person p, char gender)
    {
        var from = _text.LastIndexOfAny(['.', '!', '?', '\n'], Math.Max(0, p.Pos - 1)) + 1;
        var end = FirstSyllableAt(p.Pos);
        foreach (var q in _people.Where(q => q.Pos >= from && q.Pos < p.Pos).OrderBy(q => q.Pos))
        {
            if (!GenderFits(gender, q.Gender) || InQuote(q.Pos) || Contains(q.Keys, p.Keys) || Contains(p.Keys, q.Keys))
                continue;
            for (var k = FirstSyllableAt(NameEnd(q)); k < end; k++)
            {
                if (_text.AsSpan(_syl[k - 1].End, _syl[k].Start - _syl[k - 1].End).IndexOfAny(",;:(") >= 0)
                    break;
                if (!_syl[k].Upper && _lex.WordClasses.TryGetValue(_syl[k].Lower, out var c) && c == 'V')
                    return q;
            }
        }
        return p;
    }

    /// <summary>A person referred back to: the fullest name the document gives them, with title, ref and gender.</summary>
    private SpeakerInfo PronounSpeaker(Person p)
    {
        var full = FindPerson(p.Keys) ?? p;
        return new SpeakerInfo(full.Name, "PER", SpeakerResolution.Pronoun) { Title = full.Title ?? p.Title, Ref = full.Ref, Gender = p.Gender };
    }

    /// <summary>The latest person before <paramref name="pos"/> whose sentence calls them <paramref name="noun"/>, or null.</summary>
    private SpeakerInfo? DescribedPerson(string noun, int pos) => LatestPerson(pos, p =>
    {
        var from = _text.LastIndexOfAny(['.', '\n'], p.Pos) + 1;
        var sentence = _text.AsSpan(from, SentenceEnd(p.Pos) - from);
        return IsWordAt(sentence, sentence.IndexOf(noun, StringComparison.OrdinalIgnoreCase), noun.Length);
    });

    /// <summary>
    /// The person last named before pos right after <paramref name="noun"/> (<c>tỷ phú Larry Ellison</c>) or described
    /// by it in a copula (<c>Ellison hiện là một tỷ phú</c>), or null.
    /// </summary>
    private SpeakerInfo? NamedAfterOccupation(string noun, int pos) => LatestPerson(pos, p =>
    {
        var after = _text.AsSpan(p.Pos, SentenceEnd(p.Pos) - p.Pos);
        var copula = after.IndexOf(" là ", StringComparison.Ordinal);
        return copula >= 0 && IsWordAt(after[copula..], after[copula..].IndexOf(noun, StringComparison.OrdinalIgnoreCase), noun.Length)
            || EndsWithWord(_text.AsSpan(0, p.Pos).TrimEnd(), noun);
    });

    /// <summary>The organisation entity that last stands right after <paramref name="noun"/> (<c>tờ X</c>) before pos, or null.</summary>
    private SpeakerInfo? NamedAfterNoun(string noun, int pos)
    {
        Entity? best = null;
        foreach (var e in _entities)
        {
            if (e.Type == EntityTypes.Organization && e.Start < pos && EndsWithWord(_text.AsSpan(0, e.Start).TrimEnd(), noun))
                best = e;
        }
        return best is null ? null : new SpeakerInfo(FullestEntity(best), "ORG", SpeakerResolution.Pronoun) { Ref = best.Ref };
    }

    // The organisation entity named last before pos whose name opens with the whole words of noun, or null.
    private Entity? NamedWithNoun(string noun, int pos)
    {
        Entity? best = null;
        foreach (var e in _entities)
        {
            if (e.Type == EntityTypes.Organization && e.End <= pos && e.Text.Length > noun.Length
                && e.Text.StartsWith(noun, StringComparison.OrdinalIgnoreCase) && !char.IsLetter(e.Text[noun.Length]))
                best = e;
        }
        return best;
    }

    // The latest person named before pos for whom test holds, as a referred-back speaker; or null.
    private SpeakerInfo? LatestPerson(int pos, Func<Person, bool> test)
    {
        Person? best = null;
        foreach (var p in _people)
        {
            if (p.Pos < pos && (best is null || p.Pos > best.Pos) && test(p))
                best = p;
        }
        return best is null ? null : PronounSpeaker(best);
    }

    // End of the sentence (full stop or line end) holding position i.
    // A full stop inside a word ("TP.HCM", "H.T.B") ends nothing.
    private int SentenceEnd(int i)
    {
        for (var to = _text.IndexOfAny(['.', '\n'], i); to >= 0; to = _text.IndexOfAny(['.', '\n'], to + 1))
        {
            if (_text[to] == '\n' || to + 1 >= _text.Length || !char.IsLetterOrDigit(_text[to + 1]))
                return to;
        }
        return _text.Length;
    }

    // [at, at + length) of s is whole words (no letter on either side); false for at < 0.
    private static bool IsWordAt(ReadOnlySpan<char> s, int at, int length) =>
        at >= 0 && (at == 0 || !char.IsLetter(s[at - 1])) && (at + length == s.Length || !char.IsLetter(s[at + length]));

    private static bool EndsWithWord(ReadOnlySpan<char> s, string word) =>
        s.EndsWith(word, StringComparison.OrdinalIgnoreCase) && IsWordAt(s, s.Length - word.Length, word.Length);

    /// <summary>An honorific that names an occupation (<c>nhà thiết kế</c>, <c>chuyên gia</c>), not an address (<c>ông</c>, <c>chị</c>).</summary>
    private bool IsOccupation(SourceWord word, int i, int n) =>
        word is { Class: SourceClass.Honorific, Gender: '\0' }
        && Phrase(i, i + n - 1) is not ("ông" or "bà" or "anh" or "chị" or "cô" or "cụ" or "chú" or "bác" or "em" or "bạn");

    private static bool GenderFits(char wanted, char known) => wanted == '\0' || known == '\0' || wanted == known;

    /// <summary>"Ngoại trưởng Trung Quốc", "vị Thứ trưởng": the holder named earlier with that title, else the title as the source.</summary>
    private SpeakerInfo ResolveBareTitle(int a, int b, string mention, int pos)
    {
        var key = Keys(mention).Where(k => k != "vị").ToArray();
        // The speaker most recently quoted with this title ("Thứ trưởng bộ GTVT" after "Thứ trưởng Bộ GTVT X cho biết").
        for (var i = _speakers.Count - 1; i >= 0; i--)
        {
            var (info, at) = _speakers[i];
            if (at <= pos && info.Kind == "PER" && info.Title is { } t && TitleMatches(Keys(t), key, a, b))
                return info with { Resolution = SpeakerResolution.Title };
        }
        Person? best = null;
        foreach (var p in _people)
        {
            if (p.Title is null || p.Pos > pos)
                continue;
            var tk = Keys(p.Title);
            if (Contains(tk, key) || (key.Length >= 2 && tk.Length >= 2 && tk[0] == key[0] && tk[1] == key[1] && key.Skip(2).All(tk.Contains)))
                best = p;
        }
        if (best is null)
        {
            var headLen = MatchAt(a, b + 1, _lex.MaxSourceLength, _lex.Sources.ContainsKey);
            var headKey = key.Take(Math.Max(1, headLen - (Keys(mention)[0] == "vị" ? 1 : 0))).ToArray();
            foreach (var p in _people)
            {
                if (p.Title is null || p.Pos > pos || !Keys(p.Title).Take(headKey.Length).SequenceEqual(headKey))
                    continue;
                var tk = Keys(p.Title);
                if (tk.Length > headKey.Length && !key.Skip(headKey.Length).All(tk.Contains))
                    continue;
                best = p;
            }
        }
        if (best is null)
        {
            // The title's head alone ("Thứ trưởng"): the last speaker who held it.
            for (var i = _speakers.Count - 1; i >= 0; i--)
            {
                var s = _speakers[i].Info;
                if (s.Title is not null && key.Length <= 2 && Keys(s.Title).Take(key.Length).SequenceEqual(key))
                    return s with { Resolution = SpeakerResolution.Title };
            }
            // "Nhà lãnh đạo Mỹ" after "Tổng thống Mỹ Donald Trump": the leader of a place or body is the one person seen
            // with a title ending in it; none when two people share such titles.
            var lead = MatchAt(a, b + 1, _lex.MaxSourceLength, _lex.Sources.ContainsKey);
            if (lead > 0 && a + lead <= b && Phrase(a, a + lead - 1) is "nhà lãnh đạo" or "người đứng đầu")
            {
                var of = Keys(_text[_syl[a + lead].Start.._syl[b].End]);
                var holders = _people.Where(p => p.Title is not null && p.Pos <= pos && Keys(p.Title) is var tk
                        && tk.Length > of.Length && tk.AsSpan(tk.Length - of.Length).SequenceEqual(of))
                    .Select(p => FindPerson(p.Keys) ?? p).DistinctBy(p => p.Name).ToList();
                if (holders is [var only])
                    return new SpeakerInfo(only.Name, "PER", SpeakerResolution.Title) { Title = only.Title, Ref = only.Ref, Gender = only.Gender };
            }
            // A headline's title ("Trưởng Phòng CSGT TP HCM: ...") is the first person introduced after it with that title
            // in apposition, all its words in the same sentence ("X, Trưởng Phòng CSGT Đường bộ, ... Công an TP HCM, ...").
            if (_text.LastIndexOf('\n', _syl[a].Start) < 0 && HeadlineTitleHolder(key, pos) is { } later)
                return PersonSpeaker(later.Name, later.Pos, later.Ref, later.Gender, mention) with { Resolution = SpeakerResolution.Title };
            return new SpeakerInfo(mention, "PER", SpeakerResolution.Group);
        }
        var full = FindPerson(best.Keys) ?? best;
        return new SpeakerInfo(full.Name, "PER", SpeakerResolution.Title) { Title = best.Title, Ref = full.Ref ?? best.Ref, Gender = best.Gender };
    }

    /// <summary>
    /// <c>CEO Facebook</c> after <c>Giám đốc điều hành (CEO) Facebook Mark Zuckerberg</c>: two or more capitalised words that
    /// all stand in the title of exactly one person named before pos are that person; null otherwise.
    /// </summary>
    private SpeakerInfo? TitledBefore(string[] key, int pos)
    {
        var holders = _people.Where(p => p.Title is not null && p.Pos < pos && Keys(p.Title) is var tk && key.All(tk.Contains))
            .Select(p => FindPerson(p.Keys) ?? p).DistinctBy(p => p.Name).ToList();
        return holders is [var only]
            ? new SpeakerInfo(only.Name, "PER", SpeakerResolution.Title) { Title = only.Title, Ref = only.Ref, Gender = only.Gender }
            : null;
    }

    // The first person named after pos whose name is followed by ", " or a dash and the title words of key, in order, within
    // the sentence; or null.
    private Person? HeadlineTitleHolder(string[] key, int pos)
    {
        Person? first = null;
        foreach (var p in _people)
        {
            if (p.Pos > pos && (first is null || p.Pos < first.Pos) && NameEnd(p) is var end
                && (_text.AsSpan(end, SentenceEnd(end) - end) is var after && after.TrimStart().Length > 0
                    && after.TrimStart()[0] is ',' or '-' or '–' && InOrder(Keys(after.ToString().Replace(",", " ")), key)
                    || p.Title is { } office && InOrder(Keys(office), key)))
                first = p;
        }
        return first;
    }

    // Every word of needle occurs in hay, in order (other words between allowed); the first one right at hay's start.
    private static bool InOrder(string[] hay, string[] needle)
    {
        if (needle.Length == 0 || hay.Length == 0 || hay[0] != needle[0])
            return false;
        var j = 0;
        foreach (var w in hay)
        {
            if (j < needle.Length && w == needle[j])
                j++;
        }
        return j == needle.Length;
    }

    private bool TitleMatches(string[] title, string[] key, int a, int b)
    {
        if (Contains(title, key))
            return true;
        var headLen = MatchAt(a, b + 1, _lex.MaxSourceLength, _lex.Sources.ContainsKey);
        var h = Math.Max(1, headLen - (key.Length < Keys(_text[_syl[a].Start.._syl[b].End]).Length ? 1 : 0));
        return title.Length >= h && title.Take(h).SequenceEqual(key.Take(h)) && key.Skip(h).All(title.Contains);
    }

    // ---------------------------------------------------------------- syllable helpers

    private int FirstSyllableAt(int pos) => _phrases.FirstSyllableAt(pos);

    private bool Adjacent(int i) => _phrases.Adjacent(i);

    private string Phrase(int first, int last) => _phrases.Phrase(first, last);

    private int MatchAt(int i, int limit, int maxLen, Func<string, bool> contains) =>
        _phrases.MatchAt(_lex.StartWords, i, limit, maxLen, contains);
}
