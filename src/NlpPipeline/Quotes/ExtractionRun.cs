using NlpPipeline.Documents;
using NlpPipeline.Text.Sentences;

namespace NlpPipeline.Quotes;

/// <summary>The work of <see cref="QuoteExtractor"/> on one document: rules over sentences, then speaker resolution.</summary>
internal sealed partial class ExtractionRun
{
    private readonly AnnotatedDocument _doc;
    private readonly string _text;
    private readonly QuoteLexicon _lex;
    private readonly Syllable[] _syl;
    private readonly List<(int Start, int End)> _paragraphs;
    private readonly List<QuoteMarks> _marks = [];
    private readonly List<(int Start, int End)> _sentences = [];
    private readonly List<CueHit> _hits = [];
    private readonly List<QuoteCandidate> _found = [];
    private readonly SpeakerResolver _resolver;
    private readonly PhraseCache _phrases;

    private readonly record struct CueHit(int First, int Last, CueFrame Frame);

    public ExtractionRun(AnnotatedDocument doc, QuoteLexicon lexicon)
    {
        _doc = doc;
        _text = doc.Text;
        _lex = lexicon;
        _syl = TextUnits.Syllabify(_text);
        _phrases = new PhraseCache(_text, _syl);
        _paragraphs = TextUnits.Paragraphs(_text);
        TextUnits.FindQuoteMarks(_text, _paragraphs, _marks);
        _marks.Sort((a, b) => a.Open.CompareTo(b.Open));
        BuildSentences();
        FindCues();
        _resolver = new SpeakerResolver(_text, _syl, lexicon, doc.Entities, _phrases);
    }

    public List<QuoteCandidate> Run()
    {
        FindInterviewAnswers();
        foreach (var sentence in _sentences)
            ProcessSentence(sentence.Start, sentence.End);
        ProcessLeftoverQuotations();
        _found.RemoveAll(AsksQuestion);
        _found.Sort((a, b) => a.Start.CompareTo(b.Start));
        ResolveSpeakers();
        return Deduplicate();
    }

    // ---------------------------------------------------------------- units

    /// <summary>True when the text before <paramref name="end"/> ends in a single capital letter and a full stop (<c>H.R.</c>, <c>J.</c>).</summary>
    private bool EndsWithInitial(int end)
    {
        var i = end;
        while (i > 0 && char.IsWhiteSpace(_text[i - 1]))
            i--;
        return i >= 2 && _text[i - 1] == '.' && char.IsUpper(_text[i - 2]) && (i == 2 || !TextUnits.IsWordChar(_text[i - 3]));
    }

    private void BuildSentences()
    {
        // Without a sentence stage before it, the quote stage splits with the same splitter.
        var sentences = _doc.Sentences.IsDefaultOrEmpty ? RuleSentenceSplitter.Default.Split(_text) : _doc.Sentences;
        var raw = new List<(int Start, int End)>(sentences.Length);
        foreach (var s in sentences)
            raw.Add((s.Start, s.End));
        raw.Sort();
        // Merge sentences that a quotation spans, so a quoted passage and its attribution stay in one unit.
        foreach (var s in raw)
        {
            if (_sentences.Count > 0)
            {
                var last = _sentences[^1];
                // An unclosed quotation runs only to its paragraph end; a closed one may span paragraphs.
                var spanned = _marks.Any(m => m.Open < s.Start && QuoteEnd(m) > s.Start && m.Open >= last.Start
                                              && (m.Close >= 0 || !_text.AsSpan(last.End, Math.Max(0, s.Start - last.End)).Contains('\n')));
                if (spanned)
                {
                    _sentences[^1] = (last.Start, Math.Max(last.End, s.End));
                    continue;
                }
            }
            _sentences.Add(s);
        }
    }

    private static int QuoteEnd(QuoteMarks m) => m.Close >= 0 ? m.Close + 1 : m.ContentEnd;

    private int FirstSyllableAt(int pos) => _phrases.FirstSyllableAt(pos);

    /// <summary>True when only spaces separate syllables i and i+1.</summary>
    private bool Adjacent(int i) => _phrases.Adjacent(i);

    private string Phrase(int first, int last) => _phrases.Phrase(first, last);

    /// <summary>Length of the longest entry of <paramref name="set"/> starting at syllable i (adjacent syllables only), 0 if none.</summary>
    private int MatchAt(int i, int limit, int maxLen, Func<string, bool> contains) =>
        _phrases.MatchAt(_lex.StartWords, i, limit, maxLen, contains);

    /// <summary>Length of the longest entry ending at syllable j (adjacent syllables only), 0 if none.</summary>
    private int MatchEndingAt(int j, int floor, int maxLen, Func<string, bool> contains)
    {
        if (!_lex.EndWords.Contains(_syl[j].Lower))
            return 0;
        var best = 0;
        for (var n = 1; n <= maxLen && j - n + 1 >= floor; n++)
        {
            if (_phrases.Get(j - n + 1, n) is not { } phrase)
                break;
            if (contains(phrase))
                best = n;
        }
        return best;
    }

    private bool InsideQuotation(int pos, int minSyllables)
    {
        foreach (var m in _marks)
        {
            if (pos >= m.ContentStart && pos < m.ContentEnd && SyllablesIn(m.ContentStart, m.ContentEnd) >= minSyllables)
                return true;
        }
        return false;
    }

    private int SyllablesIn(int start, int end) => FirstSyllableAt(end) - FirstSyllableAt(start);

    private void FindCues()
    {
        for (var i = 0; i < _syl.Length;)
        {
            var n = MatchAt(i, _syl.Length, _lex.MaxCueLength, _lex.Cues.ContainsKey);
            if (n == 0)
            {
                // A finding of a body or document (marker role bodycue): a bare clause, not a verb, adverb or `được` after
                // it, nor a plain noun-phrase object; the source is checked in TryCue.
                var b = MatchAt(i, _syl.Length, 2, _lex.Marker("bodycue").Contains);
                if (b > 0 && !InsideQuotation(_syl[i].Start, 4) && OnTokenBoundaries(_syl[i].Start, _syl[i + b - 1].End) && !IntentionOnly(i, i + b - 1))
                    _hits.Add(new CueHit(i, i + b - 1, CueFrame.Bare | CueFrame.ObjectFirst | CueFrame.BodyOnly));
                i += Math.Max(b, 1);
                continue;
            }
            var not = MatchAt(i, _syl.Length, 4, _lex.Marker("notcue").Contains);
            if (not > n)
            {
                i += not;
                continue;
            }
            // A capitalised cue right after a capitalised word is part of a name ("ông Trần Quốc Bảo"), and so is one that
            // opens no sentence or lies in a person entity ("anh Bảo", "Bảo cũng ..."); a cue that ends a longer word of the
            // word classes is part of that word ("câu hỏi", as QuoteCueMiner.CountUses counts), and so is one that ends a
            // source word ("Một số nhà phân tích cho rằng").
            var inName = i > 0 && _syl[i].Upper && _syl[i - 1].Upper && Adjacent(i - 1)
                || i > 0 && Adjacent(i - 1) && WordClassLength(i - 1, i + n) == n + 1 && _lex.WordClasses[_phrases.Get(i - 1, n + 1)!] == 'N'
                || _syl[i].Upper && (!OpensSentence(_syl[i].Start) || InsidePersonEntity(_syl[i].Start))
                || i > 0 && MatchEndingAt(i + n - 1, 0, _lex.MaxSourceLength, _lex.Sources.ContainsKey) > n
                || ModifiesUnnamedSource(i, n);
            var frame = _lex.Cues[Phrase(i, i + n - 1)];
            if (!inName && !InsideQuotation(_syl[i].Start, 4) && OnTokenBoundaries(_syl[i].Start, _syl[i + n - 1].End)
                && ((frame & CueFrame.SubjectClause) == 0 || !IntentionOnly(i, i + n - 1)))
                _hits.Add(new CueHit(i, i + n - 1, frame));
            i += n;
        }
    }

    /// <summary>
    /// The cue from i (n syllables) right after an occupation or group word (<c>chuyên gia</c>, <c>giới</c>, <c>một số chuyên
    /// gia</c>; no address) is that source's modifier when another cue follows within three syllables in the same clause:
    /// <c>Giới chuyên gia phân tích (công nghệ) dự báo</c>, <c>một số chuyên gia phân tích lại cho rằng</c>.
    /// </summary>
    private bool ModifiesUnnamedSource(int i, int n)
    {
        if (i == 0 || !Adjacent(i - 1) || !Adjacent(i + n - 1)
            || MatchEndingAt(i - 1, 0, _lex.MaxSourceLength, p => _lex.Sources.TryGetValue(p, out var w)
                && w is { Class: SourceClass.Group } or { Class: SourceClass.Honorific, Gender: '\0' }) == 0)
            return false;
        for (var j = i + n; j < i + n + 3 && j < _syl.Length; j++)
        {
            if (MatchAt(j, _syl.Length, _lex.MaxCueLength, _lex.Cues.ContainsKey) > 0)
                return true;
            if (!Adjacent(j))
                return false;
        }
        return false;
    }

    /// <summary>A cue of frame S (<c>mong muốn</c>) from <paramref name="first"/> to <paramref name="last"/> states the source's
    /// own intention, not words: a negation right before it (<c>không hề mong muốn</c>), or a verb, an adverb (word classes)
    /// or <c>được</c> right after it (<c>mong muốn hợp tác</c>, <c>mong muốn được đi học</c>).</summary>
    private bool IntentionOnly(int first, int last)
    {
        if (first > 0 && Adjacent(first - 1) && _lex.Marker("negation").Contains(_syl[first - 1].Lower))
            return true;
        var k = last + 1;
        if (k >= _syl.Length || !Adjacent(last))
            return false;
        var n = WordClassLength(k, _syl.Length);
        return QuoteLexicon.OpensVerbPhrase(_syl[k].Lower, n > 0 ? _lex.WordClasses[_phrases.Get(k, n)!] : '\0');
    }

    /// <summary>With word tokens from the segmenter, a cue must start and end on token boundaries (<c>khai</c> is not in <c>khai mạc</c>).</summary>
    private bool OnTokenBoundaries(int start, int end)
    {
        var tokens = _doc.Tokens;
        if (tokens.IsDefaultOrEmpty)
            return true;
        int lo = 0, hi = tokens.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (tokens[mid].Start < start)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo >= tokens.Length || tokens[lo].Start != start)
            return false;
        for (var k = lo; k < tokens.Length && tokens[k].Start < end; k++)
        {
            if (tokens[k].End == end)
                return true;
        }
        return false;
    }

    // ---------------------------------------------------------------- rules over one sentence

    private void ProcessSentence(int start, int end)
    {
        var first = FirstSyllableAt(start);
        var limit = FirstSyllableAt(end);
        if (first >= limit)
            return;
        var before = _found.Count;
        TryTheo(first, limit, start, end);
        TryHeadline(first, limit, start, end);
        QuoteCandidate? previous = null;
        foreach (var hit in _hits)
        {
            if (hit.First < first || hit.Last >= limit)
                continue;
            var cand = TryCue(hit, first, limit, start, end, previous);
            if (cand is null)
                continue;
            // A cue whose source sits inside a Theo quote's content without opening a clause of its own (after vì, có
            // công văn ...) is part of that content; otherwise a Theo or headline reading of the same words gives way to the cue.
            if (cand.MentionStart >= 0 && InsideTheoContent(cand.MentionStart, before))
                continue;
            for (var k = _found.Count - 1; k >= before; k--)
            {
                if (_found[k].Pattern is QuotePattern.Theo or QuotePattern.Headline && Overlap(_found[k], cand))
                    _found.RemoveAt(k);
            }
            _found.Add(cand);
            previous = cand;
        }
    }

    /// <summary>
    /// <c>X cho biết ..., với cảnh báo rằng ...</c>: a cue used as a noun after <c>, với</c> and followed by <c>rằng</c>
    /// inside an earlier quote's content ends that content at the comma and opens the same source's next quote; null otherwise.
    /// </summary>
    private QuoteCandidate? WithCueNoun(CueHit hit, QuoteCandidate previous, int limit, int sentEnd)
    {
        var v = hit.First - 1;
        if (v < 1 || _syl[v].Lower != "với" || !Adjacent(v) || hit.Last + 1 >= limit || _syl[hit.Last + 1].Lower != "rằng"
            || !Adjacent(hit.Last) || !_text.AsSpan(_syl[v - 1].End, _syl[v].Start - _syl[v - 1].End).Contains(',')
            || InsideQuotation(_syl[v].Start, 1))
            return null;
        var (contentStart, _) = ContentStartAfter(hit.Last, limit, sentEnd);
        var contentEnd = ContentEnd(contentStart, hit, limit, sentEnd);
        if (contentEnd <= contentStart || _syl[v - 1].End <= previous.Start)
            return null;
        previous.End = TextUnits.TrimPunctuation(_text, previous.Start, _syl[v - 1].End, keepQuotes: true).End;
        if (previous.Type == QuoteTypes.Mixed && !ContainsQuote(previous.Start, previous.End))
            previous.Type = QuoteTypes.Indirect;
        var type = ContainsQuote(contentStart, contentEnd) ? QuoteTypes.Mixed : QuoteTypes.Indirect;
        return Make(type, contentStart, contentEnd, QuotePattern.CueBefore, hit, -1, -1, previous, true, true);
    }

    /// <summary>
    /// <c>lập luận của phía Slovenia rằng ...</c>, <c>lời kêu gọi của X, rằng ...</c>: a cue used as a noun, then <c>của</c>,
    /// a source of at most eight syllables up to its last capitalised word, and <c>rằng</c> is a quote of that source; null otherwise.
    /// </summary>
    private QuoteCandidate? CueNounOf(CueHit hit, int limit, int sentEnd)
    {
        var of = hit.Last + 1;
        if (of + 1 >= limit || _syl[of].Lower != "của" || !Adjacent(hit.Last))
            return null;
        for (var r = of + 2; r < Math.Min(limit, of + 10); r++)
        {
            var gap = _text.AsSpan(_syl[r - 1].End, _syl[r].Start - _syl[r - 1].End);
            if (gap.IndexOfAny(".;:()“”\"") >= 0)
                return null;
            if (_syl[r].Lower != "rằng")
                continue;
            // The source ends at its last capitalised word ("của Nhật Bản, Mỹ và Hàn Quốc trước đó").
            var last = r - 1;
            while (last > of && !_syl[last].Upper)
                last--;
            if (last == of)
                return null;
            var (contentStart, _) = ContentStartAfter(r - 1, limit, sentEnd);
            if (FirstSyllableAt(contentStart) != r + 1)
                return null;
            var contentEnd = ContentEnd(contentStart, hit, limit, sentEnd);
            if (SyllablesIn(contentStart, contentEnd) < 3)
                return null;
            var type = ContainsQuote(contentStart, contentEnd) ? QuoteTypes.Mixed : QuoteTypes.Indirect;
            return Make(type, contentStart, contentEnd, QuotePattern.CueBefore, hit, of + 1, last, null, false, true);
        }
        return null;
    }

    private static bool Overlap(QuoteCandidate a, QuoteCandidate b) => a.Start < b.End && b.Start < a.End;

    private QuoteCandidate? TryCue(CueHit hit, int first, int limit, int sentStart, int sentEnd, QuoteCandidate? previous)
    {
        var cueStart = _syl[hit.First].Start;
        var cueEnd = _syl[hit.Last].End;
        // Inside the content of an earlier quote of this sentence: only a coordinated cue counts.
        var coordinated = CoordinatorBefore(hit.First, first, out var coordStart);
        if (previous is not null && cueStart < previous.End && !coordinated)
            return WithCueNoun(hit, previous, limit, sentEnd);
        // "chấp thuận lập luận của phía Slovenia rằng ...": a cue followed by của and rằng reads as a noun when its source fits.
        var nounUse = IsNounUse(hit, first);
        if (nounUse || (hit.Last + 1 < limit && _syl[hit.Last + 1].Lower == "của"))
        {
            var ofSource = CueNounOf(hit, limit, sentEnd);
            if (ofSource is not null || nounUse)
                return ofSource;
        }
        // "ông X cho biết, hi vọng ...": a wish (frame S) right after a cue (adverbs or a comma between) opens that cue's content.
        if ((hit.Frame & CueFrame.SubjectClause) != 0 && SkipAdverbsBackward(hit.First - 1, first) is var j0 and >= 0 && j0 >= first && _hits.Any(h => h.Last == j0)
            && _text.AsSpan(_syl[j0].End, _syl[j0 + 1].Start - _syl[j0].End).Trim().Trim(',').IsEmpty)
            return null;
        // "cơ quan đánh giá tín dụng S&P cho biết ...": this cue lies inside the source of the next cue.
        foreach (var next in _hits)
        {
            if (next.First <= hit.Last || next.First > hit.Last + 10 || next.Last >= limit)
                continue;
            var between = _text.AsSpan(cueEnd, _syl[next.First].Start - cueEnd);
            if (between.IndexOfAny(",.;:“”\"") >= 0)
                break;
            // "cảnh sát Anh cho biết đã cáo buộc ...": only adverbs between the two cues, so the next one is this cue's content.
            if (SkipAdverbsBackward(next.First - 1, hit.Last + 1) <= hit.Last)
                break;
            if (IsNounUse(next, first))
                continue;
            var (ns, ne, _) = FindSourceBefore(SkipAdverbsBackward(next.First - 1, first), first, sentStart);
            if (ns >= 0 && ns <= hit.First && ne >= hit.Last)
                return null;
            break;
        }

        // Source before the cue.
        var sourceEnd = SkipAdverbsBackward(hit.First - 1, first);
        var boundaryIsQuote = false;
        var (srcFirst, srcLast) = (-1, -1);
        if (coordinated && previous is not null)
        {
            previous.End = TextUnits.TrimPunctuation(_text, previous.Start, coordStart, keepQuotes: true).End;
        }
        else
        {
            (srcFirst, srcLast, boundaryIsQuote) = FindSourceBefore(sourceEnd, first, sentStart);
            if (srcFirst < 0 && !boundaryIsQuote)
                (srcFirst, srcLast) = ClauseSubject(sourceEnd, first, sentStart);
        }
        if (srcFirst >= 0 && InPurposeClause(srcFirst, first))
            return null;
        // "“...”, ông X, giám đốc Y, cho biết": with no earlier quote in the sentence, a comma before the cue closes the
        // source's appositions; it continues nothing.
        if (coordinated && previous is null && boundaryIsQuote && srcFirst >= 0)
            coordinated = false;
        var hasSource = srcFirst >= 0 || (coordinated && previous is not null);
        if ((hit.Frame & CueFrame.DocumentOnly) != 0 && !OpensWithDocument(srcFirst, srcLast))
            return null;
        if ((hit.Frame & CueFrame.BodyOnly) != 0 && !IsBody(srcFirst, srcLast))
            return null;

        // Content after the cue.
        var (contentStart, introduced) = ContentStartAfter(hit.Last, limit, sentEnd, (hit.Frame & CueFrame.Bare) == 0);
        if (!introduced && QuotationAfterObject(contentStart, limit) is { } quoted)
            (contentStart, introduced) = (quoted, true);
        var contentEnd = ContentEnd(contentStart, hit, limit, sentEnd);
        var afterSyllables = contentStart < contentEnd ? SyllablesIn(contentStart, contentEnd) : 0;

        // "..." , ông X nói.  /  ..., bà Lan cho biết.
        if (hasSource && !coordinated && (boundaryIsQuote || afterSyllables < 3)
            && (hit.Frame & (CueFrame.After | CueFrame.QuotedOnly)) != 0)
        {
            var c = ContentBefore(srcFirst, srcLast, sentStart, hit, boundaryIsQuote, afterSyllables);
            if (c is not null)
                return c;
        }
        if (!hasSource || afterSyllables < 3 || boundaryIsQuote)
        {
            // X nói: (then the quotation in the next paragraph)
            if (hasSource && afterSyllables == 0 && NextParagraphQuotation(cueEnd) is { } q)
                return Make(QuoteTypes.Direct, q.ContentStart, q.ContentEnd, QuotePattern.CueBefore, hit, srcFirst, srcLast, previous, coordinated, true);
            // "<long description> chia sẻ: “...”": a quotation introduced by cue and colon (or following the cue directly, four
            // syllables or more: "ông X đã hết sức bất ngờ nói “...”") is a quote even when the source phrase is not understood;
            // the speaker is the person named last before the cue (resolved later).
            var lead = _text.AsSpan(cueEnd, Math.Max(0, contentStart - cueEnd));
            if (!hasSource && !boundaryIsQuote && afterSyllables >= 3 && StartsWithQuote(contentStart)
                && (introduced && lead.Contains(':') || lead.IsWhiteSpace() && afterSyllables >= 4 && PersonInSegmentBefore(hit.First, first, sentStart))
                && QuotationAt(contentStart) is { } dq && QuoteEnd(dq) >= contentEnd - 1)
            {
                var (qs, qe) = TextUnits.TrimPunctuation(_text, dq.ContentStart, dq.ContentEnd, keepQuotes: false);
                var c = Make(QuoteTypes.Direct, qs, qe, QuotePattern.CueBefore, hit, -1, -1, null, false, true);
                c.NearestBefore = cueStart;
                c.Distance = 1;
                return c;
            }
            return null;
        }
        if ((hit.Frame & CueFrame.QuotedOnly) != 0 && !StartsWithQuote(contentStart))
            return null;
        // "nói về X", "nói với Y": a topic or an addressee, not a reported clause ("tới đây", "đến nay" are times).
        if (!introduced && FirstSyllableAt(contentStart) is var cf && cf < limit && _syl[cf].Start == contentStart
            && _syl[cf].Lower is "về" or "với" or "đến" or "tới"
            && !(cf + 1 < limit && _syl[cf].Lower is "đến" or "tới" && _syl[cf + 1].Lower is "đây" or "nay"))
            return null;
        // "đã cho biết như vậy khi ...": an anaphoric manner word (marker role anaphor) points back to words already
        // reported; what follows it is no content.
        if (!introduced && FirstSyllableAt(contentStart) is var ca && ca < limit && _syl[ca].Start == contentStart
            && MatchAt(ca, limit, 2, _lex.Marker("anaphor").Contains) > 0)
            return null;
        // "kiến nghị lên TAND Tối cao": only a short capitalised addressee follows, no content.
        if (!introduced && FirstSyllableAt(contentStart) is var cl && cl + 1 < limit && _syl[cl].Lower == "lên"
            && _syl[cl + 1].Upper && FirstSyllableAt(contentEnd) - cl <= 5)
            return null;
        if ((hit.Frame & CueFrame.Bare) == 0 && !introduced && !StartsWithQuote(contentStart))
            return null;
        // "đe dọa và cưỡng hiếp ...": a coordinated verb, not a clause.
        if (!introduced && FirstSyllableAt(contentStart) is var cf2 && cf2 < limit && _syl[cf2].Start == contentStart
            && _lex.Marker("coordinator").Contains(_syl[cf2].Lower))
            return null;
        // "bác bỏ phán quyết này", "thừa nhận hành vi ...": a bare cue's object, not a reported clause.
        if (!introduced && !ContainsQuote(contentStart, contentEnd) && (IsNounPhrase(contentStart, contentEnd) || IsMannerPhrase(contentStart, contentEnd)
                || (hit.Frame & (CueFrame.ObjectFirst | CueFrame.ObjectAtTimes)) != 0 && IsModifiedNounPhrase(contentStart, contentEnd)))
            return null;

        // "tiết lộ 6 mẫu xe mới", "chia sẻ gánh nặng với hòn đảo": after a cue that often takes a plain noun-phrase object
        // (frame O), a bare content opening with a noun phrase is that object unless a predicate is marked.
        if (!introduced && (hit.Frame & CueFrame.ObjectFirst) != 0 && !ContainsQuote(contentStart, contentEnd)
            && OpensWithNounPhrase(contentStart, contentEnd) && !HasPredicateMarker(contentStart, contentEnd))
            return null;

        // Whole content in quotation marks: direct; some of it: mixed.
        if (StartsWithQuote(contentStart) && QuotationAt(contentStart) is { } m
            && (QuoteEnd(m) >= contentEnd - 1 || JoinedQuotation(m) is { } joined && QuoteEnd(joined) >= contentEnd - 1))
        {
            // ": “A” và “B”": two quotations joined by và are two quotes (the second continues the first, see ProcessLeftoverQuotations).
            var (qs, qe) = TextUnits.TrimPunctuation(_text, m.ContentStart, m.ContentEnd, keepQuotes: false);
            return Make(QuoteTypes.Direct, qs, qe, QuotePattern.CueBefore, hit, srcFirst, srcLast, previous, coordinated, true);
        }
        var type = ContainsQuote(contentStart, contentEnd) ? QuoteTypes.Mixed : QuoteTypes.Indirect;
        return Make(type, contentStart, contentEnd, QuotePattern.CueBefore, hit, srcFirst, srcLast, previous, coordinated, introduced);
    }

    /// <summary>
    /// True when the words from <paramref name="start"/> to <paramref name="end"/> read as a noun phrase rather than a
    /// clause: the first word (longest match) is a noun of <see cref="QuoteLexicon.WordClasses"/> and no word is a verb or
    /// an adverb (<c>đang</c>, <c>rất</c>: a predicate follows).
    /// Unknown words count as neither, so an unknown first word keeps the clause reading.
    /// </summary>
    private bool IsNounPhrase(int start, int end) =>
        WordClassesOf(AfterDeterminer(start, end), end, int.MaxValue) is [var head, ..] classes && head == 'N' && !classes.Any(c => c is 'V' or 'R');

    /// <summary>The position after a leading determiner (<c>những</c>, <c>toàn bộ</c>, quote-markers.tsv) or figure at
    /// <paramref name="start"/>, when a word follows before <paramref name="end"/>; else <paramref name="start"/>.</summary>
    private int AfterDeterminer(int start, int end)
    {
        var i = FirstSyllableAt(start);
        var last = FirstSyllableAt(end);
        if (i >= last || _syl[i].Start != start)
            return start;
        var n = char.IsDigit(_syl[i].Lower[0]) ? 1 : MatchAt(i, last, 2, _lex.Marker("determiner").Contains);
        return n > 0 && i + n < last ? _syl[i + n].Start : start;
    }

    /// <summary>
    /// "thông báo lệnh khám xét nhà": a lower-case phrase opening with a noun, with no adverb and every verb right after a
    /// noun (a modifier, as in <c>lệnh khám</c>), reads as the cue's object. A clause has an adverb (<c>đã</c>, <c>sẽ</c>),
    /// a name, a function word other than <c>của</c>/<c>và</c> (<c>do</c>, <c>này</c>), or a verb after a non-noun; a figure
    /// (<c>mức giảm 25%</c>) keeps a proposal's content.
    /// </summary>
    private bool IsModifiedNounPhrase(int start, int end)
    {
        if (WordClassesOf(start, end, int.MaxValue) is not ['N', ..] classes || classes.Contains('R'))
            return false;
        var last = FirstSyllableAt(end);
        for (var k = FirstSyllableAt(start); k < last;)
        {
            // Whole words: "vi" alone is a function word, "hành vi" a noun. A possessor pronoun after của ("hành vi phạm
            // tội của mình", "của ông") still belongs to the noun phrase.
            var n = Math.Max(1, WordClassLength(k, last));
            var word = _phrases.Get(k, n)!;
            var afterOf = k > 0 && _syl[k - 1].Lower == "của"
                && (word == "mình" || _lex.Sources.TryGetValue(word, out var pw) && pw.Class is SourceClass.Pronoun or SourceClass.Honorific);
            if (_syl[k].Upper || char.IsDigit(_syl[k].Lower[0])
                || _lex.WordClasses.TryGetValue(word, out var c) && c == 'O' && word is not ("của" or "và") && !afterOf)
                return false;
            k += n;
        }
        for (var i = 1; i < classes.Count; i++)
        {
            if (classes[i] == 'V' && classes[i - 1] != 'N')
                return false;
        }
        return true;
    }

    /// <summary>The words from <paramref name="start"/> open with a lower-case noun (word classes), after at most one
    /// determiner (<c>những</c>, <c>các</c>) or figure (<c>6 mẫu xe</c>).</summary>
    private bool OpensWithNounPhrase(int start, int end)
    {
        var i = FirstSyllableAt(AfterDeterminer(start, end));
        var last = FirstSyllableAt(end);
        if (i >= last || _syl[i].Upper)
            return false;
        var n = WordClassLength(i, last);
        return n > 0 && _lex.WordClasses[_phrases.Get(i, n)!] == 'N';
    }

    /// <summary>A predicate is marked in [start, end) before its first comma: an adverb (word classes) before a verb, an adverb or an unknown word
    /// (<c>đã hủy</c>, <c>sẽ không</c>; not <c>xe mới tại</c>), or the copula <c>là</c>.</summary>
    private bool HasPredicateMarker(int start, int end)
    {
        // The object ends at the first comma: "tiết lộ 6 mẫu xe mới, 3 trong đó đã xuất hiện ..." has its predicate after it.
        if (_text.IndexOf(',', start, end - start) is var comma and > 0)
            end = comma;
        if (WordClassesOf(start, end, int.MaxValue) is not { } classes)
            return false;
        for (var k = 0; k < classes.Count; k++)
        {
            if (classes[k] == 'R' && k + 1 < classes.Count && classes[k + 1] is 'V' or 'R' or '\0')
                return true;
        }
        for (var k = FirstSyllableAt(start); k < _syl.Length && _syl[k].Start < end; k++)
        {
            if (_syl[k].Lower == "là")
                return true;
        }
        return false;
    }

    /// <summary>Syllables in the longest word of <see cref="QuoteLexicon.WordClasses"/> starting at syllable i, before limit; 0 if none.</summary>
    private int WordClassLength(int i, int limit) =>
        _phrases.MatchAt(_lex.WordClassStarts, i, limit, _lex.MaxWordClassLength, _lex.WordClasses.ContainsKey);

    /// <summary>The word classes (longest entries of <see cref="QuoteLexicon.WordClasses"/>, '\0' unknown) of the words in
    /// [start, end); null when there are none or more than <paramref name="maxSyllables"/> syllables.</summary>
    private List<char>? WordClassesOf(int start, int end, int maxSyllables)
    {
        var last = FirstSyllableAt(end);
        var i = FirstSyllableAt(start);
        if (i >= last || last - i > maxSyllables)
            return null;
        var classes = new List<char>();
        while (i < last)
        {
            var n = WordClassLength(i, last);
            classes.Add(n > 0 ? _lex.WordClasses[_phrases.Get(i, n)!] : '\0');
            i += Math.Max(n, 1);
        }
        return classes;
    }

    /// <summary>
    /// "phân tích rất rõ ràng": at most four syllables, every word known to the word classes, that open with an adverb
    /// and hold no verb or noun say how the cue was spoken, not what.
    /// </summary>
    private bool IsMannerPhrase(int start, int end) =>
        WordClassesOf(start, end, 4) is ['R', ..] classes && !classes.Any(c => c is 'V' or 'N' or '\0');

    /// <summary>
    /// The subject of a clause whose second verb is the cue (<c>Bắc Kinh đã phản ứng giận dữ ..., và cho rằng ...</c>,
    /// <c>NL đã sai khi cho rằng ...</c>): when syllable j (before the cue, adverbs skipped) is <c>và</c>/<c>rồi</c>/<c>khi</c>
    /// or is followed by a comma, the name that opens the clause (after up to two leading comma segments such as
    /// <c>Hồi tháng 5,</c>) and is followed by a lower-case verb phrase with no cue or quotation in it; -1s otherwise.
    /// </summary>
    private (int First, int Last) ClauseSubject(int j, int first, int sentStart)
    {
        if (j <= first)
            return (-1, -1);
        // ", nhưng cho biết", ", song khẳng định": a coordinator after a comma joins the cue to the clause before it; a
        // contrastive or additive one (nhưng, song, đồng thời) does so without the comma too, as và does.
        var coordinator = MatchEndingAt(j, first, 3, _lex.Marker("coordinator").Contains);
        var joined = _syl[j].Lower is "và" or "rồi" or "khi"
            ? j - 1
            : coordinator > 0 && j - coordinator >= first
                && (_text.AsSpan(_syl[j - coordinator].End, _syl[j - coordinator + 1].Start - _syl[j - coordinator].End).Contains(',')
                    || _syl[j - coordinator + 1].Lower is "nhưng" or "song" or "đồng")
                ? j - coordinator
                : _text.AsSpan(_syl[j].End, NextStart(j) - _syl[j].End).Contains(',') ? j : -1;
        if (joined < first)
            return (-1, -1);
        var cs = joined;
        while (cs > first && _text.AsSpan(_syl[cs - 1].End, _syl[cs].Start - _syl[cs - 1].End) is var g
               && g.IndexOfAny(";:()") < 0 && !ContainsQuoteChar(g))
            cs--;
        // A cue inside that clause owns it; after và or a coordinator only when it gave a quote of its own (a noun use such
        // as "có đánh giá", "với đề nghị này" does not), after a bare comma always ("giao lưu, chia sẻ, học hỏi ...").
        var (clauseStart, clauseEnd) = (_syl[cs].Start, _syl[joined].End);
        if (joined < j)
        {
            foreach (var f in _found)
            {
                if (f.CueStart >= clauseStart && f.CueStart < clauseEnd)
                    return (-1, -1);
            }
        }
        else
        {
            foreach (var h in _hits)
            {
                if (h.First >= cs && h.First <= joined)
                    return (-1, -1);
            }
        }
        var s = cs;
        for (var hop = 0; hop < 3 && s <= joined; hop++)
        {
            var a0 = SkipLeading(s, joined);
            var (a, b) = a0 <= joined ? LeadingName(a0, joined) : (-1, -1);
            if (a >= 0)
                b = EntityEndFrom(a, b, joined);
            if (a >= 0 && b < joined && IsNamed(a, b) && !_syl[b + 1].Upper && !_text.AsSpan(_syl[b].End, _syl[b + 1].Start - _syl[b].End).Contains(',')
                && IsSource(a, b, sentStart))
                return (a, b);
            // A quantified noun phrase with a source head: "Một hiệp hội báo chí khi cho rằng".
            var q = a0;
            while (q < joined && _lex.Marker("quantifier").Contains(_syl[q].Lower))
                q++;
            if (q > a0 && MatchAt(q, joined + 1, _lex.MaxSourceLength, _lex.Sources.ContainsKey) > 0 && IsSource(a0, joined, sentStart))
                return (a0, joined);
            // Not a name: a leading phrase ("Hồi tháng 5,", "Vài ngày sau,"); the subject may follow its comma.
            var next = s;
            while (next < joined && !_text.AsSpan(_syl[next].End, _syl[next + 1].Start - _syl[next].End).Contains(','))
                next++;
            s = next + 1;
        }
        return (-1, -1);
    }

    /// <summary>The last syllable of a PER/ORG/LOC entity that starts at syllable a, when it ends after b and by <paramref name="max"/>; else b.</summary>
    private int EntityEndFrom(int a, int b, int max)
    {
        foreach (var ent in _doc.Entities)
        {
            if (ent.Start == _syl[a].Start && ent.Type is EntityTypes.Person or EntityTypes.Organization or EntityTypes.Location
                && FirstSyllableAt(ent.End) - 1 is var last && last > b && last <= max && _syl[last].End == ent.End)
                return last;
        }
        return b;
    }

    /// <summary>A source phrase that is more than a capitalised first word: an entity, a lexicon head, two capitalised words or an acronym.</summary>
    private bool IsNamed(int a, int b) =>
        HasEntity(a, b) || MatchAt(a, b + 1, _lex.MaxSourceLength, _lex.Sources.ContainsKey) > 0 || (b > a && AllUpperRun(a, b))
        || !IsSentenceInitial(a) || IsAcronym(a);

    private bool IsAcronym(int k)
    {
        var w = _text.AsSpan(_syl[k].Start, _syl[k].End - _syl[k].Start);
        foreach (var c in w)
        {
            if (!char.IsUpper(c))
                return false;
        }
        return w.Length >= 2;
    }

    private QuoteCandidate Make(string type, int start, int end, QuotePattern pattern, CueHit hit, int srcFirst, int srcLast,
        QuoteCandidate? previous, bool coordinated, bool introduced)
    {
        var c = new QuoteCandidate
        {
            Type = type,
            Start = start,
            End = end,
            Pattern = pattern,
            CueStart = _syl[hit.First].Start,
            CueEnd = _syl[hit.Last].End,
            CueFrame = hit.Frame,
            Introduced = introduced,
        };
        if (coordinated && previous is not null)
            c.InheritFrom = previous;
        else if (srcFirst >= 0)
            (c.MentionStart, c.MentionEnd) = (_syl[srcFirst].Start, _syl[srcLast].End);
        return c;
    }

    private bool IsNounUse(CueHit hit, int first)
    {
        if (hit.First > first && Adjacent(hit.First - 1))
        {
            var prev = _syl[hit.First - 1].Lower;
            // "bản tuyên bố" is a noun, "Nhật Bản cho biết" a name and its cue.
            var endsName = _syl[hit.First - 1].Upper && hit.First - 2 >= 0 && _syl[hit.First - 2].Upper && Adjacent(hit.First - 2);
            if (_lex.Marker("noun").Contains(prev) && !endsName)
                return true;
        }
        if (hit.Last + 1 < _syl.Length && Adjacent(hit.Last))
        {
            var next = _syl[hit.Last + 1].Lower;
            if (next is "của" or "này" or "chung" or "trên" or "chuyện" && !HasRangAhead(hit.Last + 1))
                return true;
        }
        return false;
    }

    private bool HasRangAhead(int i)
    {
        for (var k = i; k < Math.Min(_syl.Length, i + 10); k++)
        {
            if (_syl[k].Lower is "rằng")
                return true;
            if (k > i && _text.AsSpan(_syl[k - 1].End, _syl[k].Start - _syl[k - 1].End).IndexOfAny(".;") >= 0)
                return false;
            if (_text.AsSpan(_syl[k].End, Math.Min(2, _text.Length - _syl[k].End)).Contains(':'))
                return true;
        }
        return false;
    }

    private bool CoordinatorBefore(int cueFirst, int first, out int coordStart)
    {
        coordStart = -1;
        var j = SkipAdverbsBackward(cueFirst - 1, first);
        if (j < first)
            return false;
        var n = MatchEndingAt(j, first, 3, _lex.Marker("coordinator").Contains);
        if (n > 0)
        {
            coordStart = _syl[j - n + 1].Start;
            return true;
        }
        // "..., khẳng định ..." with nothing between the comma and the cue continues the same source.
        var gap = _text.AsSpan(_syl[j].End, _syl[j + 1].Start - _syl[j].End);
        var strong = _hits.Any(h => h.First == cueFirst && (h.Frame & (CueFrame.Bare | CueFrame.Complementizer)) == (CueFrame.Bare | CueFrame.Complementizer));
        if (strong && gap.Contains(',') && j + 1 == cueFirst)
        {
            coordStart = _syl[j].End;
            return true;
        }
        return false;
    }

    private int SkipAdverbsBackward(int j, int floor)
    {
        while (j >= floor)
        {
            // An adverb stands right before what follows it: "..., phổ thông mới, cho hay" has none.
            if (!_text.AsSpan(_syl[j].End, NextStart(j) - _syl[j].End).Trim().IsEmpty)
                break;
            var n = MatchEndingAt(j, floor, _lex.MaxAdverbLength, _lex.Adverbs.Contains);
            if (n > 0)
            {
                j -= n;
                continue;
            }
            // Dates between source and cue: "hôm 21/9", "ngày 3/11".
            if (char.IsDigit(_syl[j].Lower[0]) && j - 1 >= floor && _syl[j - 1].Lower is "ngày" or "hôm" or "tháng")
            {
                j -= 2;
                continue;
            }
            break;
        }
        return j;
    }

    /// <summary>
    /// The source before a spaced dash that opens an apposition ending at syllable j (within 30 syllables, no comma-free
    /// sentence break, colon or quotation mark between): the segment before the opening dash when it reads as a source; else -1s.
    /// </summary>
    private (int First, int Last, bool AfterQuote) DashedApposition(int j, int first, int sentStart)
    {
        for (var k = j; k > first && j - k < 30; k--)
        {
            var gap = _text.AsSpan(_syl[k - 1].End, _syl[k].Start - _syl[k - 1].End);
            if (gap.IndexOfAny(".;:!?\n()") >= 0 || ContainsQuoteChar(gap))
                return (-1, -1, false);
            if (gap.Trim() is not ("–" or "-") || gap.Length < 3)
                continue;
            var prevEnd = k - 1;
            var ps = SkipLeading(SegmentStart(prevEnd, first, sentStart, out var aq), prevEnd);
            return ps <= prevEnd && IsSource(ps, prevEnd, sentStart) && (IsHonorific(ps) || AllUpperRun(ps, prevEnd))
                ? (ps, prevEnd, aq) : (-1, -1, false);
        }
        return (-1, -1, false);
    }

    /// <summary>
    /// The source phrase ending at syllable j: from the last boundary (sentence start, comma, colon, quotation close,
    /// bracket) to j, cut at a setting word (<c>trong</c>, <c>tại</c>); returns -1s when it does not look like a source.
    /// When only a setting follows the comma (<c>X trong bài phát biểu ..., cảnh báo</c>), the phrase before it is used.
    /// </summary>
    private (int First, int Last, bool AfterQuote) FindSourceBefore(int j, int first, int sentStart)
    {
        if (j < first)
            return (-1, -1, false);
        // A parenthesis right before the cue: "Ông X - Phó giám đốc Công ty Y (chủ đầu tư) cho biết".
        var gapAfter = _text.AsSpan(_syl[j].End, Math.Max(0, NextStart(j) - _syl[j].End));
        var commaAfterParen = false;
        if (gapAfter.Contains(')'))
        {
            commaAfterParen = gapAfter[gapAfter.IndexOf(')')..].Contains(',');
            var open = _text.LastIndexOf('(', _syl[j].Start);
            if (open < 0 || open < _syl[first].Start)
                return (-1, -1, false);
            j = FirstSyllableAt(open) - 1;
            if (j < first)
                return (-1, -1, false);
            gapAfter = _text.AsSpan(_syl[j].End, Math.Max(0, NextStart(j) - _syl[j].End));
        }
        // "anh X – ông bố có hai con đang học tại trường – cho biết": a dashed apposition closing right before the cue; the
        // source stands before its opening dash.
        if (gapAfter.Trim() is "–" or "-" && gapAfter.Length >= 3 && DashedApposition(j, first, sentStart) is { First: >= 0 } dashed)
            return dashed;
        // Is the cue right after a comma? Then the source sits at the start of the previous comma segment.
        if (gapAfter.Contains(',') || commaAfterParen)
        {
            var rawSegStart = SegmentStart(j, first, sentStart, out var segAfterQuote);
            var segStart = SkipLeading(rawSegStart, j);
            if (segStart > j)
                return (-1, -1, false);
            // "Ông X, Phó giám đốc Y, cho biết" / "Mark Williams, chuyên gia tại Z, nói": the named person before the apposition.
            // A person's address and name opening the segment ("Khác với anh A, anh B làm ... cho biết") is the source itself.
            var addressed = IsHonorific(segStart) && !IsOccupation(segStart) && NameAfterHead(segStart, j);
            if (addressed && LeadingName(segStart, j) is var (na, nb) && na >= 0 && nb < j && IsSource(na, nb, sentStart))
                return (na, nb, segAfterQuote);
            // A capitalised segment after a dash may end a name split by it ("VQG Phong Nha – Kẻ Bàng"): appositions too.
            var afterDash = segStart > first && _text.AsSpan(_syl[segStart - 1].End, _syl[segStart].Start - _syl[segStart - 1].End).Trim() is "-" or "–";
            if (segStart > first && !addressed && (IsHonorific(segStart) || IsTitleHead(segStart) || !_syl[segStart].Upper || !AllUpperRun(segStart, j) || afterDash))
            {
                if (AppositionHead(rawSegStart, first, sentStart) is { First: >= 0 } head)
                    return head;
            }
            if (IsHonorific(segStart) && IsSource(segStart, j, sentStart))
                return (segStart, j, segAfterQuote);
            var (a, b) = CutAtStop(segStart, j);
            if (a >= 0 && b == j)
                (a, b) = LeadingName(segStart, j);
            if (a >= 0 && b < j && !_syl[b + 1].Upper && IsSource(a, b, sentStart))
                return (a, b, false);
            return (-1, -1, false);
        }
        var start = SegmentStart(j, first, sentStart, out var afterQuote);
        // A subordinate clause: "sau khi nhà lãnh đạo X cho biết" - the source follows the breaker.
        var (segmentStart, breaker) = (start, -1);
        for (var k = j; k > start; k--)
        {
            var n = MatchEndingAt(k, start, 3, _lex.Marker("breaker").Contains);
            if (n > 0)
            {
                (start, breaker) = (k + 1, k - n + 1);
                break;
            }
        }
        // "“...”, X, giáo sư tại Y, Mỹ và là chuyên gia về Z nói": "là" and a title or occupation continue X's appositions.
        if (breaker >= 0 && _syl[breaker].Lower == "là" && segmentStart > first && ContinuesApposition(segmentStart, j)
            && AppositionHead(segmentStart, first, sentStart) is { First: >= 0 } described)
            return described;
        start = SkipLeading(start, j);
        if (start > j)
            return SubjectBeforeWhen(segmentStart, breaker, first, sentStart, afterQuote);
        var (s, e) = CutAtStop(start, j);
        if (s < 0)
            return SubjectBeforeWhen(segmentStart, breaker, first, sentStart, afterQuote);
        // "HĐXX sau thời gian nghị án cho rằng": a setting between source and cue; the source is before it.
        // An apposition: "Ông X - Phó giám đốc Công ty Y cho biết", "Ông X, Chủ tịch Z, cho biết".
        if (s > first && (IsTitleHead(s) || IsOccupation(s)))
        {
            var prevEnd = s - 1;
            var gap = _text.AsSpan(_syl[prevEnd].End, _syl[s].Start - _syl[prevEnd].End);
            // A parenthesis closing before the title ("ở New York (Mỹ), Thủ tướng X cho rằng") is no person's name.
            if ((gap.Contains(',') || gap.IndexOfAny("-–") >= 0) && !gap.Contains(')'))
            {
                var ps = SkipLeading(SegmentStart(prevEnd, first, sentStart, out var aq), prevEnd);
                if (ps <= prevEnd && IsSource(ps, prevEnd, sentStart) && !IsTitleHead(ps) && (IsHonorific(ps) || AllUpperRun(ps, prevEnd)))
                    return (ps, prevEnd, aq);
                if (gap.Contains(',') && AppositionHead(s, first, sentStart) is { First: >= 0 } head)
                    return head;
            }
        }
        // "đại diện Vụ chính sách Thuế, Tổng cục Thuế cho biết": an organisation after a representative's body is its parent;
        // the source is the whole span.
        if (s > first && StartsOrganisation(s) && _text.AsSpan(_syl[s - 1].End, _syl[s].Start - _syl[s - 1].End).Trim() is ","
            && SkipLeading(SegmentStart(s - 1, first, sentStart, out var repAfterQuote), s - 1) is var rep && rep + 1 < s - 1
            && Phrase(rep, rep + 1) == "đại diện" && IsSource(rep, e, sentStart))
            return (rep, e, repAfterQuote);
        // "PGS Nguyễn Trọng Phúc, nguyên Viện trưởng Viện X, Học viện Y cho rằng": an organisation ending the appositions.
        if (s > first && StartsOrganisation(s) && _text.AsSpan(_syl[s - 1].End, _syl[s].Start - _syl[s - 1].End).Contains(',')
            && AppositionHead(s, first, sentStart) is { First: >= 0 } person
            && (IsHonorific(person.First) || HasPersonEntity(person.First, person.Last)))
            return person;
        // "Công an xã X, huyện Y (Long An) cho biết": a place (a location entity opening with a lower-case unit word such
        // as huyện) set off by a comma is an apposition;
        // the source is the phrase before it.
        if (s > first && s == start && !_syl[s].Upper && IsLocation(s, j) && _text.AsSpan(_syl[s - 1].End, _syl[s].Start - _syl[s - 1].End).Trim() is ",")
        {
            var ps = SkipLeading(SegmentStart(s - 1, first, sentStart, out var pq), s - 1);
            if (ps <= s - 1 && !IsLocation(ps, s - 1) && IsSource(ps, s - 1, sentStart))
                return (ps, s - 1, pq);
        }
        if (IsSource(s, e, sentStart))
            return (s, e, afterQuote);
        if (SubjectAfterAnd(start, j, sentStart) is >= 0 and var subject)
            return (subject, j, false);
        if (PassiveAgent(start, j, sentStart) is >= 0 and var agent)
            return (agent, j, false);
        // “...”, bố ruột bé gái 3 tuổi bức xúc nói.  Between a closing quotation and its cue, a noun phrase is the source.
        if (afterQuote && e - s < 8 && NounPhrase(s, e))
            return (s, e, true);
        return SubjectBeforeWhen(segmentStart, breaker, first, sentStart, afterQuote);
    }

    /// <summary>
    /// "Đây là cơ sở để trường X đề nghị ...", "để Tổng cục đề xuất ...": the source follows <c>để</c> (purpose) in its
    /// clause (no comma, colon or quotation mark between, at most 12 syllables back); a purpose states no speech.
    /// </summary>
    private bool InPurposeClause(int srcFirst, int first)
    {
        for (var k = srcFirst - 1; k >= first && k >= srcFirst - 12; k--)
        {
            var gap = _text.AsSpan(_syl[k].End, _syl[k + 1].Start - _syl[k].End);
            if (gap.IndexOfAny(",;:.") >= 0 || ContainsQuoteChar(gap))
                return false;
            if (_syl[k].Lower == "để")
                return true;
        }
        return false;
    }

    /// <summary>A location entity covers syllables [s, e] exactly or with more words around them.</summary>
    private bool IsLocation(int s, int e)
    {
        var (a, b) = (_syl[s].Start, _syl[e].End);
        return _doc.Entities.Any(x => x.Type == EntityTypes.Location && x.Start <= a && x.End >= b);
    }

    /// <summary>[s, e] holds <c>là</c> followed by a title or an occupation (<c>và là chuyên gia về ...</c>).</summary>
    private bool ContinuesApposition(int s, int e)
    {
        for (var k = s; k < e; k++)
        {
            if (_syl[k].Lower == "là" && (IsTitleHead(k + 1) || IsOccupation(k + 1)))
                return true;
        }
        return false;
    }

    /// <summary>
    /// "Cô bị sang chấn nặng và cô thừa nhận ...": a clause with a verb of the word classes, <c>và</c>, then a new subject that
    /// opens with a person's address or a capitalised name; the subject's first syllable, or -1.
    /// </summary>
    private int SubjectAfterAnd(int s, int e, int sentStart)
    {
        for (var v = e - 1; v > s; v--)
        {
            if (_syl[v].Lower != "và")
                continue;
            if ((IsHonorific(v + 1) || _syl[v + 1].Upper) && IsSource(v + 1, e, sentStart) && HasVerb(s, v - 1))
                return v + 1;
            return -1;
        }
        return -1;
    }

    /// <summary>
    /// "Việc X được giới chuyên môn đánh giá là ...": after <c>được</c>, an agent that is a source lexicon phrase or a name,
    /// ending at j right before a cue followed by <c>là</c>/<c>rằng</c>; the agent's first syllable, or -1.
    /// </summary>
    private int PassiveAgent(int s, int j, int sentStart)
    {
        var cue = _hits.FindIndex(h => h.First == j + 1);
        if (cue < 0 || _hits[cue].Last + 1 >= _syl.Length || _syl[_hits[cue].Last + 1].Lower is not ("là" or "rằng"))
            return -1;
        for (var p = j - 1; p >= s; p--)
        {
            if (_syl[p].Lower != "được")
                continue;
            var a = p + 1;
            return (_syl[a].Upper || MatchAt(a, j + 1, _lex.MaxSourceLength, _lex.Sources.ContainsKey) > 0) && IsSource(a, j, sentStart) ? a : -1;
        }
        return -1;
    }

    /// <summary>The source [s, e] opens with a document head of the source lexicon (after a quantifier such as <c>một</c>).</summary>
    private bool OpensWithDocument(int s, int e)
    {
        if (s < 0)
            return false;
        while (s < e && _lex.Marker("quantifier").Contains(_syl[s].Lower))
            s++;
        var n = MatchAt(s, e + 1, _lex.MaxSourceLength, _lex.Sources.ContainsKey);
        return n > 0 && _lex.Sources[Phrase(s, s + n - 1)].Class == SourceClass.DocumentHead;
    }

    /// <summary>
    /// The source [s, e] is a body or a document: it opens (after a quantifier) with an organisation, group or document head of
    /// the source lexicon (<c>cơ quan điều tra</c>, <c>kết luận</c>), or is an organisation entity or an acronym (<c>VKS</c>).
    /// </summary>
    private bool IsBody(int s, int e)
    {
        if (s < 0)
            return false;
        var q = s + MatchAt(s, e, 3, _lex.Marker("quantifier").Contains);
        var n = MatchAt(q, e + 1, _lex.MaxSourceLength, _lex.Sources.ContainsKey);
        if (n > 0)
            return _lex.Sources[Phrase(q, q + n - 1)].Class is SourceClass.OrgHead or SourceClass.DocumentHead;
        return s == e && IsAcronym(s)
            || _doc.Entities.Any(x => x.Type == EntityTypes.Organization && x.Start <= _syl[s].Start && x.End >= _syl[e].End);
    }

    /// <summary>A word of [s, e] (longest match) is a verb of <see cref="QuoteLexicon.WordClasses"/>.</summary>
    private bool HasVerb(int s, int e) => WordClassesOf(_syl[s].Start, _syl[e].End, int.MaxValue)?.Contains('V') == true;

    /// <summary>No clause, verb or cue word after the first syllable of [s, e], which opens with no time or connective word.</summary>
    private bool NounPhrase(int s, int e)
    {
        for (var k = s + 1; k <= e; k++)
        {
            if (_lex.Marker("clause").Contains(_syl[k].Lower) || MatchAt(k, e + 1, 2, _lex.Marker("verb").Contains) > 0
                || MatchAt(k, e + 1, _lex.MaxCueLength, _lex.Cues.ContainsKey) > 0)
                return false;
        }
        return !_lex.Marker("time").Contains(_syl[s].Lower) && !_lex.Marker("lead").Contains(_syl[s].Lower);
    }

    /// <summary>
    /// "Ông Hồ Việt khi trả lời trên báo X đã chỉ ra": when the breaker is <c>khi</c> and a name stands right before it,
    /// that name is the subject of the main clause and the source; -1s otherwise.
    /// </summary>
    private (int First, int Last, bool AfterQuote) SubjectBeforeWhen(int segmentStart, int breaker, int first, int sentStart, bool afterQuote)
    {
        if (breaker <= segmentStart || _syl[breaker].Lower != "khi")
            return (-1, -1, false);
        var a0 = SkipLeading(segmentStart, breaker - 1);
        if (a0 > breaker - 1)
            return (-1, -1, false);
        // "Bà X, Giám đốc Sở Y khi trả lời báo chí cho biết": an apposition before khi; the person before it is the subject.
        if (segmentStart > first && (IsTitleHead(a0) || IsOccupation(a0) || _syl[segmentStart].Lower == "từng")
            && AppositionHead(segmentStart, first, sentStart) is { First: >= 0 } person)
            return person;
        var (a, b) = LeadingName(a0, breaker);
        if (a >= 0)
            b = EntityEndFrom(a, b, breaker - 1);
        return a >= 0 && b == breaker - 1 && IsNamed(a, b) && IsSource(a, b, sentStart) ? (a, b, afterQuote) : (-1, -1, false);
    }

    /// <summary>
    /// The person named before comma-separated appositions that end at <paramref name="segStart"/>
    /// (<c>Ông X, nguyên Trưởng phòng Y, Sở Z, cho rằng</c>): up to six segments back, the first that opens with a person's
    /// address or name; a bare title segment is another apposition. -1s when there is none.
    /// </summary>
    private (int First, int Last, bool AfterQuote) AppositionHead(int segStart, int first, int sentStart)
    {
        var prevEnd = segStart - 1;
        var gapPrev = _text.AsSpan(_syl[prevEnd].End, _syl[segStart].Start - _syl[prevEnd].End);
        for (var hop = 0; hop < 6 && (gapPrev.Contains(',') || gapPrev.Trim() is "-" or "–"); hop++)
        {
            // A parenthesis is one more apposition: "Anh X (ngụ xã Y, huyện Z), có 1 ha cao su, cho biết".
            if (gapPrev.Contains(')') && _text.LastIndexOf('(', _syl[prevEnd].Start) is var open && open > _syl[first].Start
                && _text.AsSpan(open, _syl[prevEnd].Start - open).IndexOfAny(")\n") < 0)
            {
                prevEnd = FirstSyllableAt(open) - 1;
                if (prevEnd < first)
                    break;
                gapPrev = ",";
                continue;
            }
            var ps = SkipLeading(SegmentStart(prevEnd, first, sentStart, out var aq), prevEnd);
            // A setting ("Trong cuộc phỏng vấn với X", "Theo X", "Ngày 22/9") is no apposition of a person.
            if (ps > prevEnd || _syl[ps].Lower == "theo" || MatchAt(ps, prevEnd + 1, 2, _lex.SourceStops.Contains) > 0
                || _lex.Marker("time").Contains(_syl[ps].Lower))
                break;
            // An occupation ("phụ huynh HS Trường X") is one more apposition when a person's address opens an earlier segment.
            var apposition = IsOccupation(ps) && !NextSegmentIsNotPerson(prevEnd, first, sentStart);
            if (!apposition && (IsHonorific(ps) && (!IsOccupation(ps) || NameAfterHead(ps, prevEnd)) || HasPersonEntity(ps, prevEnd) || (AllUpperRun(ps, prevEnd) && prevEnd - ps <= 3)
                 || (IsTitleHead(ps) && hop == 0 && NextSegmentIsNotPerson(prevEnd, first, sentStart) && !TitleOfEarlierPerson(ps)))
                && IsSource(ps, prevEnd, sentStart))
                return (ps, prevEnd, aq);
            if (ps <= first)
                break;
            prevEnd = ps - 1;
            gapPrev = _text.AsSpan(_syl[prevEnd].End, _syl[ps].Start - _syl[prevEnd].End);
        }
        return (-1, -1, false);
    }

    /// <summary>True when no segment before <paramref name="end"/>'s segment (in this sentence) starts with a person's address.</summary>
    private bool NextSegmentIsNotPerson(int end, int first, int sentStart)
    {
        var k = SegmentStart(end, first, sentStart, out _);
        for (var hop = 0; hop < 3 && k > first; hop++)
        {
            var prev = k - 1;
            var ps = SkipLeading(SegmentStart(prev, first, sentStart, out _), prev);
            if (ps <= prev && IsHonorific(ps) && !IsOccupation(ps))
                return false;
            k = ps;
        }
        return true;
    }

    /// <summary>An honorific that names an occupation (<c>phụ huynh</c>, <c>chuyên gia</c>), not a person's address (<c>ông</c>).</summary>
    private bool IsOccupation(int s)
    {
        var n = MatchAt(s, _syl.Length, _lex.MaxSourceLength, _lex.Sources.ContainsKey);
        return n > 0 && _lex.Sources[Phrase(s, s + n - 1)] is { Class: SourceClass.Honorific, Gender: '\0' }
            && _syl[s].Lower is not ("ông" or "bà" or "anh" or "chị" or "cô" or "cụ" or "chú" or "bác" or "em");
    }

    /// <summary>The titles stage found a title at syllable s that belongs to a person named before it (an apposition).</summary>
    private bool TitleOfEarlierPerson(int s) =>
        _doc.Entities.Any(t => t.Type == EntityTypes.Title && t.PersonRef is { } pr && t.Start >= _syl[s].Start && t.Start <= _syl[s].End + 1
            && _doc.Entities.Any(p => p.Ref == pr && p.Type == EntityTypes.Person && p.End <= t.Start));

    /// <summary>An organisation starts at syllable s: an organisation head of the lexicon or an ORG entity.</summary>
    private bool StartsOrganisation(int s)
    {
        var n = MatchAt(s, _syl.Length, _lex.MaxSourceLength, _lex.Sources.ContainsKey);
        return n > 0 && _lex.Sources[Phrase(s, s + n - 1)].Class == SourceClass.OrgHead
            || _doc.Entities.Any(e => e.Start == _syl[s].Start && e.Type == EntityTypes.Organization);
    }

    /// <summary>A capitalised word follows the source head at s, within [s, e]: "Giáo sư Nguyễn Minh Thuyết".</summary>
    private bool NameAfterHead(int s, int e)
    {
        var n = MatchAt(s, e + 1, _lex.MaxSourceLength, _lex.Sources.ContainsKey);
        return n > 0 && s + n <= e && _syl[s + n].Upper;
    }

    private bool IsHonorific(int s)
    {
        var n = MatchAt(s, _syl.Length, _lex.MaxSourceLength, _lex.Sources.ContainsKey);
        return n > 0 && _lex.Sources[Phrase(s, s + n - 1)].Class == SourceClass.Honorific && !_resolver.InPlaceOrOrganisation(s);
    }

    private bool AllUpperRun(int a, int b) => AllOfCase(a, b, upper: true);

    private bool AllLowerRun(int a, int b) => AllOfCase(a, b, upper: false);

    // Every syllable from a to b is capitalised (upper) or not.
    private bool AllOfCase(int a, int b, bool upper)
    {
        for (var k = a; k <= b; k++)
        {
            if (_syl[k].Upper != upper)
                return false;
        }
        return true;
    }

    private bool IsTitleHead(int s)
    {
        if (s + 1 < _syl.Length && _syl[s].Lower is "nguyên" or "cựu" or "phó")
            s++;
        var n = MatchAt(s, _syl.Length, _lex.MaxSourceLength, _lex.Sources.ContainsKey);
        return n > 0 && _lex.Sources[Phrase(s, s + n - 1)].Class == SourceClass.Title;
    }

    /// <summary>Skips leading connectives and adverbs (<c>Trong khi đó</c>, <c>Tuy nhiên</c>) from syllable s, not past e.</summary>
    private int SkipLeading(int s, int e)
    {
        while (s <= e)
        {
            var n = Math.Max(MatchAt(s, e + 1, _lex.MaxAdverbLength, _lex.Adverbs.Contains), MatchAt(s, e + 1, 4, _lex.Marker("lead").Contains));
            if (n == 0 || s + n > e)
                break;
            s += n;
        }
        return s;
    }

    /// <summary>The name at the start of a clause: a head word and/or a capitalised run (<c>Tổng thống Mỹ Trump</c>, <c>Mỹ</c>).</summary>
    private (int, int) LeadingName(int s, int e)
    {
        var k = s;
        var n = MatchAt(s, e + 1, _lex.MaxSourceLength, _lex.Sources.ContainsKey);
        k += n;
        if (k <= e && !_syl[k].Upper && n > 0)
        {
            // a lower-case complement after a title: "lãnh đạo Triều Tiên" has none; stop here
            return (s, k - 1);
        }
        while (k <= e && _syl[k].Upper && (k == s || Adjacent(k - 1)))
            k++;
        return k - 1 >= s && k <= e ? (s, k - 1) : (-1, -1);
    }

    private int NextStart(int j) => j + 1 < _syl.Length ? _syl[j + 1].Start : _text.Length;

    /// <summary>First syllable of the segment that ends at j: after the nearest boundary punctuation before it.</summary>
    private int SegmentStart(int j, int first, int sentStart, out bool afterQuote)
    {
        afterQuote = false;
        var k = j;
        while (k > first)
        {
            var gap = _text.AsSpan(_syl[k - 1].End, _syl[k].Start - _syl[k - 1].End);
            // A short parenthesis inside the phrase is part of it: "giáo viên (GV) Trường X".
            if (gap.Trim() is ")" && _text.LastIndexOf('(', _syl[k - 1].Start) is var open && open > _syl[first].End
                && FirstSyllableAt(open) is var inner && k - inner <= 6
                && _text.AsSpan(open, _syl[k].Start - open).IndexOfAny(",;:.") < 0
                && _text.AsSpan(_syl[inner - 1].End, open - _syl[inner - 1].End).Trim().IsEmpty)
            {
                k = inner - 1;
                continue;
            }
            // A short quotation inside the phrase, right after a word, is part of it: "mạng xã hội “dậy sóng” với đơn ...".
            if (ContainsCloser(gap) && gap.Trim().Length == 1 && EmbeddedQuotationStart(_syl[k - 1].End) is var inside and > 0 && inside > first)
            {
                k = inside - 1;
                continue;
            }
            if (gap.IndexOfAny(",;:()[]–—") >= 0 || gap.Contains(" - ", StringComparison.Ordinal) || ContainsQuoteChar(gap))
            {
                afterQuote = ContainsCloser(gap);
                return k;
            }
            k--;
        }
        afterQuote = k == first && ContainsCloser(_text.AsSpan(sentStart, Math.Max(0, _syl[k].Start - sentStart)));
        return k;
    }

    /// <summary>The first syllable of a quotation of at most four syllables that closes at <paramref name="close"/> and opens right
    /// after a word (only spaces between); -1 otherwise.</summary>
    private int EmbeddedQuotationStart(int close)
    {
        foreach (var m in _marks)
        {
            if (m.Close != close)
                continue;
            var inner = FirstSyllableAt(m.ContentStart);
            if (inner < 1 || FirstSyllableAt(m.Close) - inner is < 1 or > 4
                || !_text.AsSpan(_syl[inner - 1].End, m.Open - _syl[inner - 1].End).IsWhiteSpace())
                return -1;
            return inner;
        }
        return -1;
    }

    private static bool ContainsQuoteChar(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (TextUnits.IsQuoteChar(c))
                return true;
        }
        return false;
    }

    private static bool ContainsCloser(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (TextUnits.IsCloser(c) || c == '"')
                return true;
        }
        return false;
    }

    /// <summary>The phrase [s, e] cut before the first setting word after its first syllable; strips leading <c>Theo</c>-less connectives.</summary>
    private (int, int) CutAtStop(int s, int e)
    {
        // Leading connectives without a comma: "Còn ông X", "Trong khi đó ông X".
        while (s <= e && _syl[s].Lower is "còn" or "cả" or "riêng" or "đáp" or "lại")
        {
            if (_syl[s].Lower == "cả" && s + 1 <= e && !_syl[s + 1].Upper)
                break;
            s++;
        }
        if (s > e)
            return (-1, -1);
        for (var k = s + 1; k <= e; k++)
        {
            var n = MatchAt(k, e + 1, 2, _lex.SourceStops.Contains);
            if (n > 0)
                return (s, k - 1);
        }
        return (s, e);
    }

    /// <summary>Does [s, e] look like a source: a name, a title, a pronoun, a group, a document or an organisation?</summary>
    private bool IsSource(int s, int e, int sentStart)
    {
        var len = e - s + 1;
        if (len < 1 || len > 16)
            return false;
        // "Điều này" is a clause subject; "Điều 133 Bộ luật Hình sự" (an article number) is a document.
        if (MatchAt(s, e + 1, 4, _lex.Marker("lead").Contains) == len || _syl[s].Lower is "việc" or "bài"
            || (_syl[s].Lower == "điều" && !(s < e && char.IsDigit(_syl[s + 1].Lower[0]))))
            return false;
        if (_lex.Marker("time").Contains(_syl[s].Lower) || _lex.Marker("coordinator").Contains(_syl[e].Lower)
            || _lex.Marker("lead").Contains(_syl[e].Lower))
            return false;
        var head = MatchAt(s, e + 1, _lex.MaxSourceLength, _lex.Sources.ContainsKey);
        for (var k = s + Math.Max(1, head); k <= e; k++)
        {
            // A source word of its own ("nguồn tin" in "Một số nguồn tin") is read whole.
            if (MatchAt(k, e + 1, _lex.MaxSourceLength, _lex.Sources.ContainsKey) is var sw and > 1)
            {
                k += sw - 1;
                continue;
            }
            var w = _syl[k].Lower;
            if (_lex.Marker("clause").Contains(w) && WordLengthAt(k, e) <= 1)
                return false;
            var orgHead = head > 0 && _lex.Sources[Phrase(s, s + head - 1)].Class == SourceClass.OrgHead;
            if (!orgHead && !_syl[k].Upper && !_lex.Sources.ContainsKey(w) && MatchAt(k, e + 1, _lex.MaxCueLength, _lex.Cues.ContainsKey) is var cn and > 0
                && !_lex.Sources.ContainsKey(Phrase(k, k + cn - 1)) && !ModifiesUnnamedSource(k, cn))
                return false;
        }
        for (var k = s + 1; k <= e; k++)
        {
            if (MatchAt(k, e + 1, 2, _lex.Marker("verb").Contains) is var vn and > 0 && WordLengthAt(k, e) <= vn)
                return false;
        }
        var headLen = MatchAt(s, e + 1, _lex.MaxSourceLength, _lex.Sources.ContainsKey);
        if (headLen > 0)
        {
            var word = _lex.Sources[Phrase(s, s + headLen - 1)];
            // "các"/"những"/"một số" must head a noun phrase of a few words.
            if (word.Class == SourceClass.Group && headLen == len && (headLen == 1 || Phrase(s, e) == "một số"))
                return false;
            // An honorific alone ("ông") is a pronoun.
            return true;
        }
        // "Vị hiệu trưởng này": the classifier "vị" before a title and a demonstrative refers back like "người này"; without
        // "này" an unresolved "Vị lãnh đạo của X" would become a speaker of its own (VNTC: it took later pronouns' quotes).
        if (_syl[s].Lower == "vị" && s < e && _syl[e].Lower == "này" && MatchAt(s + 1, e + 1, _lex.MaxSourceLength, _lex.Sources.ContainsKey) is var tn and > 0
            && _lex.Sources[Phrase(s + 1, s + tn)].Class == SourceClass.Title)
            return true;
        // "Một hiệp hội báo chí", "cả hai bị cáo", "Hầu hết các bị cáo": a quantified noun phrase.
        // An indefinite noun phrase of a few words with no adverb ("Một chiến sĩ cảnh sát cơ động") is an unnamed source.
        if (MatchAt(s, e, 3, _lex.Marker("quantifier").Contains) is var qn and > 0)
            return IsSource(s + qn, e, sentStart)
                || !_syl[s + qn].Upper && WordClassesOf(_syl[s + qn].Start, _syl[e].End, 6) is ['N', ..] nc && !nc.Contains('R');
        // "trả lời trên báo X": a cue or verb opening a lower-case phrase makes it a clause, not a source.
        if (!_syl[s].Upper && (MatchAt(s, e + 1, _lex.MaxCueLength, _lex.Cues.ContainsKey) > 0 || MatchAt(s, e + 1, 2, _lex.Marker("verb").Contains) > 0))
            return false;
        // "hãng sản xuất máy bay hàng đầu thế giới Boeing": an organisation head word may carry a longer description.
        if (!_syl[s].Upper)
            return (len <= 6 || len <= 12 && headLen > 0 && _lex.Sources[Phrase(s, s + headLen - 1)].Class == SourceClass.OrgHead)
                && _doc.Entities.Any(x => x.Type is EntityTypes.Person or EntityTypes.Organization or EntityTypes.Location
                && x.End == _syl[e].End && x.Start > _syl[s].Start);
        // A capitalised first word: at the very start of a sentence it may be any word.
        if (_syl[s].Start == sentStart || IsSentenceInitial(s))
        {
            if (len >= 2 && _syl[s + 1].Upper)
                return true;
            if (HasEntity(s, e))
                return true;
            // "Chưa kể, ...", "Thấy chúng tôi thắc mắc, ...": a capital alone is no evidence of a name when the word is
            // a known verb, adverb or function word.
            if (_lex.WordClasses.TryGetValue(_syl[s].Lower, out var wc) && wc is 'V' or 'R' or 'O')
                return false;
            // "Khi nghe tôi nói", "Phía bà X ..., cho rằng": a known common word that names no person of the document
            // and is no family name, country or acronym (HĐXX) is not a name either.
            if (wc != '\0' && !_resolver.NamesPerson(_syl[s].Lower) && !_lex.Surnames.Contains(_syl[s].Lower)
                && !_lex.NamePrefixes.Contains(_syl[s].Lower) && !IsAcronym(s))
                return false;
            return !_resolver.IsCommonWord(_syl[s].Lower) && len <= 3;
        }
        return true;
    }

    /// <summary>
    /// Syllables in the longest word of the word-class table or the source lexicon that starts at syllable k and ends by e:
    /// a function word inside a longer word (<c>bị</c> in <c>bị cáo</c>, <c>điều</c> in <c>điều tra</c>) is no marker.
    /// </summary>
    private int WordLengthAt(int k, int e) =>
        Math.Max(WordClassLength(k, e + 1),
            MatchAt(k, e + 1, _lex.MaxSourceLength, _lex.Sources.ContainsKey));

    private bool IsSentenceInitial(int s)
    {
        if (s == 0)
            return true;
        var gap = _text.AsSpan(_syl[s - 1].End, _syl[s].Start - _syl[s - 1].End);
        return gap.IndexOfAny(".!?\n") >= 0 || ContainsQuoteChar(gap);
    }

    private bool HasEntity(int s, int e)
    {
        var a = _syl[s].Start;
        var b = _syl[e].End;
        foreach (var ent in _doc.Entities)
        {
            if (ent.Start >= a && ent.End <= b && ent.Type is EntityTypes.Person or EntityTypes.Organization or EntityTypes.Location or EntityTypes.Title)
                return true;
        }
        return false;
    }

    /// <summary>Where the content after the cue starts, skipping <c>thêm</c>, <c>rằng</c>, <c>là</c>, colon, and <c>với X rằng</c>;
    /// for a cue that takes no bare clause (<paramref name="weak"/>) also <c>với/trong/tại/trước X là</c>, which a bare-clause cue
    /// would misread (<c>cho biết trong năm nay doanh thu là ...</c> reports the whole clause).</summary>
    private (int Start, bool Introduced) ContentStartAfter(int cueLast, int limit, int sentEnd, bool weak = false)
    {
        var pos = _syl[cueLast].End;
        var k = cueLast + 1;
        var introduced = false;
        // "nói với phóng viên rằng", "cho biết với báo chí:", "viết trong bản tường trình là" - skip to the complementizer when
        // one comes soon (là only after a weak cue and a place or addressee, not after "về"/"khi", and with no comma between:
        // "những gì tôi viết trong tác phẩm, nhưng với X là ..." is no speech).
        if (k < limit && _lex.Marker("pp").Contains(_syl[k].Lower))
        {
            var la = weak && _syl[k].Lower is "với" or "trong" or "tại" or "trước";
            var comma = false;
            for (var t = k + 1; t < Math.Min(limit, k + 10); t++)
            {
                var gap = _text.AsSpan(_syl[t - 1].End, _syl[t].Start - _syl[t - 1].End);
                if (gap.Contains(':'))
                {
                    pos = _syl[t - 1].End;
                    k = t;
                    break;
                }
                if (gap.IndexOfAny(".;") >= 0)
                    break;
                comma |= gap.Contains(',');
                if (_syl[t].Lower == "rằng" || la && !comma && _syl[t].Lower == "là" && gap.SequenceEqual(" "))
                {
                    pos = _syl[t - 1].End;
                    k = t;
                    break;
                }
            }
        }
        else if (ObjectBeforeRang(k, limit) is var rang and > 0)
        {
            // "cảnh báo người dân vùng trũng rằng ...", "cảnh báo Washington rằng ...": an addressee or object, then rằng.
            pos = _syl[rang - 1].End;
            k = rang;
        }
        while (pos < sentEnd)
        {
            var c = _text[pos];
            if (char.IsWhiteSpace(c) || c is '-' or '–')
            {
                pos++;
                continue;
            }
            if (c == ',')
            {
                introduced = true;
                pos++;
                continue;
            }
            if (c == ':')
            {
                introduced = true;
                pos++;
                continue;
            }
            if (k < limit && _syl[k].Start == pos && _syl[k].Lower is "rằng" or "là")
            {
                introduced = true;
                pos = _syl[k].End;
                k++;
                continue;
            }
            break;
        }
        // A time phrase between cue and content: "vào ngày 21/9", "hôm 3/11". One that a comma closes within three
        // syllables opens the content instead ("cho thấy ngày 19/9 vừa qua, ông X bị ngã").
        var ts = FirstSyllableAt(pos);
        if (ts < limit && _syl[ts].Start == pos)
        {
            var u = ts;
            if (_syl[u].Lower == "vào" && u + 1 < limit)
                u++;
            if (_syl[u].Lower is "ngày" or "hôm" && u + 1 < limit && char.IsDigit(_syl[u + 1].Lower[0]) && u + 2 < limit
                && !Enumerable.Range(u + 1, Math.Min(3, limit - u - 1)).Any(t => _text.AsSpan(_syl[t].End, NextStart(t) - _syl[t].End).Contains(',')))
                pos = _syl[u + 2].Start;
        }
        if (pos < sentEnd && (TextUnits.IsOpener(_text[pos]) || _text[pos] == '"'))
            introduced = true;
        return (pos, introduced);
    }

    /// <summary>
    /// The syllable index of a <c>rằng</c> that follows an object starting at syllable k: at most eight syllables with no
    /// punctuation (a comma right before <c>rằng</c> allowed) that read as a noun phrase (<see cref="IsNounPhrase"/>) or
    /// are all capitalised; 0 when there is none.
    /// </summary>
    private int ObjectBeforeRang(int k, int limit)
    {
        for (var t = k + 1; t < Math.Min(limit, k + 9); t++)
        {
            var gap = _text.AsSpan(_syl[t - 1].End, _syl[t].Start - _syl[t - 1].End);
            var isRang = _syl[t].Lower == "rằng";
            if (!gap.Trim().IsEmpty && !(isRang && gap.Trim() is ","))
                return 0;
            if (isRang)
                return IsNounPhrase(_syl[k].Start, _syl[t - 1].End) || AllUpperRun(k, t - 1) ? t : 0;
        }
        return 0;
    }

    /// <summary>
    /// "chỉ ra nhược điểm của X: “...”", "chia sẻ những suy nghĩ của mình: “...”": a short object (at most twelve
    /// syllables, no punctuation) then a colon and a quotation; the quotation's opening mark, or null.
    /// </summary>
    private int? QuotationAfterObject(int contentStart, int limit)
    {
        var k = FirstSyllableAt(contentStart);
        for (var n = 0; n < 12 && k + 1 < limit; n++, k++)
        {
            var gap = _text.AsSpan(_syl[k].End, _syl[k + 1].Start - _syl[k].End);
            if (gap.Trim().IsEmpty)
                continue;
            var marks = gap.ToString().Replace(" ", "", StringComparison.Ordinal);
            if (marks.Length == 2 && marks[0] == ':' && (TextUnits.IsOpener(marks[1]) || marks[1] == '"'))
                return _syl[k].End + gap.IndexOf(marks[1]);
            return null;
        }
        return null;
    }

    /// <summary>
    /// [start, end) is a short time phrase (<c>trước ngày 19/9</c>, <c>hôm qua</c>): at most five syllables opening with a
    /// time word other than <c>theo</c>. A source and cue after it continue the reported clause rather than end it.
    /// </summary>
    private bool IsTimePhrase(int start, int end)
    {
        var k = FirstSyllableAt(start);
        return k < _syl.Length && _syl[k].Start == start && _syl[k].Lower != "theo" && _lex.Marker("time").Contains(_syl[k].Lower)
            && SyllablesIn(start, end) <= 5;
    }

    /// <summary>End of a reported clause: the sentence end, or the coordinator before the next coordinated cue.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\s*\(\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\)\z")]
    private static partial System.Text.RegularExpressions.Regex TrailingDate();

    private int ContentEnd(int contentStart, CueHit hit, int limit, int sentEnd)
    {
        var end = sentEnd;
        foreach (var h in _hits)
        {
            if (h.First <= hit.Last || h.Last >= limit || _syl[h.First].Start <= contentStart)
                continue;
            if (InsideQuotation(_syl[h.First].Start, 1))
                continue;
            if (CoordinatorBefore(h.First, hit.Last + 1, out var cs) && cs > contentStart)
            {
                end = cs;
                break;
            }
            // "NL cho rằng “...”, HTC phủ nhận: ...": a new source and cue after a comma ends this clause.
            var (src, _, _) = FindSourceBefore(SkipAdverbsBackward(h.First - 1, hit.Last + 1), hit.Last + 1, contentStart);
            if (src > hit.Last + 1 && _syl[src].Start > contentStart)
            {
                var gap = _text.AsSpan(_syl[src - 1].End, _syl[src].Start - _syl[src - 1].End);
                if ((gap.Contains(',') || gap.Contains(';')) && !IsTimePhrase(contentStart, _syl[src - 1].End))
                {
                    end = _syl[src - 1].End;
                    break;
                }
            }
        }
        // ", dù ...", ", trong bối cảnh ...": a clause of the writer's, not of the source. After a concessive opening
        // ("mặc dù giá tăng, nhưng nhu cầu vẫn cao") the main clause after ", nhưng" / ", song" is the source's.
        var cs0 = FirstSyllableAt(contentStart);
        var concessive = cs0 < limit && _syl[cs0].Start == contentStart && MatchAt(cs0, limit, 3, _lex.Marker("concessive").Contains) > 0;
        for (var k = cs0 + 1; k < limit && _syl[k].Start < end; k++)
        {
            var gap = _text.AsSpan(_syl[k - 1].End, _syl[k].Start - _syl[k - 1].End);
            if (concessive && _syl[k].Lower is "nhưng" or "song")
                continue;
            if (gap.Contains(',') && MatchAt(k, limit, 3, _lex.Marker("cut").Contains) > 0 && !InsideQuotation(_syl[k].Start, 1)
                && !_text.AsSpan(_syl[k].Start, end - _syl[k].Start).Contains(','))
            {
                end = _syl[k - 1].End + gap.IndexOf(',');
                break;
            }
        }
        var (_, e) = TextUnits.TrimPunctuation(_text, contentStart, end, keepQuotes: true);
        // "... vô tội(27/11/2003)": a date in parentheses closing the clause is a link's date, not the source's words.
        if (e > contentStart && _text[e - 1] == ')' && TrailingDate().Match(_text, contentStart, e - contentStart) is { Success: true } date)
            e = TextUnits.TrimPunctuation(_text, contentStart, date.Index, keepQuotes: true).End;
        // An unbalanced closing mark left at the end of a reported clause belongs to the clause only when it closes something.
        return Math.Max(e, contentStart);
    }

    private QuoteCandidate? ContentBefore(int srcFirst, int srcLast, int sentStart, CueHit hit, bool boundaryIsQuote, int afterSyllables)
    {
        var srcStart = _syl[srcFirst].Start;
        if (boundaryIsQuote)
        {
            // The quotation that closes right before the source.
            QuoteMarks? best = null;
            foreach (var m in _marks)
            {
                if (m.Close >= 0 && m.Close < srcStart && m.Open >= sentStart - 1
                    && _text.AsSpan(m.Close + 1, srcStart - m.Close - 1).Trim().Trim(",.-–—:").IsEmpty)
                    best = m;
            }
            if (best is not { } q)
                return null;
            // A quotation that follows its own lead-in ("X nói: “...”, ông nói") is still one quote.
            var (qs, qe) = TextUnits.TrimPunctuation(_text, q.ContentStart, q.ContentEnd, keepQuotes: false);
            if (SyllablesIn(qs, qe) < 1)
                return null;
            var inSentence = _text.AsSpan(sentStart, q.Open - sentStart).Trim();
            // A quotation opening right after a full stop starts its own sentence (the splitter took "gốc Á." for an initial).
            var type = inSentence.IsEmpty || inSentence[^1] is '.' or '!' or '?' ? QuoteTypes.Direct : QuoteTypes.Mixed;
            if (type == QuoteTypes.Mixed)
            {
                if (afterSyllables >= 3)
                    return null;
                // "Theo X, ... “...”, ông nói" is rare; the clause before the quotation is the content.
                (qs, qe) = TextUnits.TrimPunctuation(_text, sentStart, q.Close + 1, keepQuotes: true);
                if (ContainsCueBefore(sentStart, q.Open))
                    return null;
            }
            return Make(type, qs, qe, QuotePattern.CueAfter, hit, srcFirst, SourceLastOf(srcFirst, srcLast, hit.First), null, false, true);
        }
        // ..., bà Lan cho biết.  The clause before the comma is the content.
        if (srcFirst == 0 || _syl[srcFirst - 1].End <= sentStart)
            return null;
        var gap = _text.AsSpan(_syl[srcFirst - 1].End, srcStart - _syl[srcFirst - 1].End);
        if (!gap.Contains(','))
            return null;
        var (cs, ce) = TextUnits.TrimPunctuation(_text, sentStart, _syl[srcFirst - 1].End, keepQuotes: true);
        if (SyllablesIn(cs, ce) < 4 || ContainsCueBefore(cs, ce) || _syl[FirstSyllableAt(cs)].Lower == "theo")
            return null;
        var t = ContainsQuote(cs, ce) ? QuoteTypes.Mixed : QuoteTypes.Indirect;
        return Make(t, cs, ce, QuotePattern.CueAfter, hit, srcFirst, SourceLastOf(srcFirst, srcLast, hit.First), null, false, false);
    }

    /// <summary>The source's last syllable: up to the cue, cut at a setting word; never past the end of a name before appositions.</summary>
    private int SourceLastOf(int srcFirst, int srcLast, int cueFirst)
    {
        if (srcLast >= srcFirst && srcLast + 1 < cueFirst && _text.AsSpan(_syl[srcLast].End, _syl[srcLast + 1].Start - _syl[srcLast].End).Contains(','))
            return srcLast;
        var j = SkipAdverbsBackward(cueFirst - 1, srcFirst);
        var (_, e) = CutAtStop(srcFirst, Math.Max(srcFirst, j));
        return e < 0 ? Math.Max(srcFirst, j) : e;
    }

    /// <summary>True when <paramref name="pos"/> lies inside the content of a Theo quote found since index <paramref name="from"/>
    /// of <c>_found</c> and does not open a clause of its own.</summary>
    private bool InsideTheoContent(int pos, int from)
    {
        for (var k = from; k < _found.Count; k++)
        {
            var f = _found[k];
            if (f.Pattern == QuotePattern.Theo && pos > f.Start && pos < f.End && !OpensClause(pos))
                return true;
        }
        return false;
    }

    /// <summary>True when the text before <paramref name="pos"/> ends with a comma or semicolon.</summary>
    private bool OpensClause(int pos) => _text.AsSpan(0, pos).TrimEnd() is var b && b.Length > 0 && b[^1] is ',' or ';';

    /// <summary>
    /// True when a strong cue in [start, end) has a source that opens a clause of its own: the source starts the span or
    /// follows a comma or semicolon (<c>Theo X, Ngoại trưởng Y kêu gọi ...</c>). A cue inside a subordinate clause
    /// (<c>... phải tạm hoãn vì Tổng cục có văn bản đề nghị ...</c>) is part of the reported content.
    /// </summary>
    private bool ContainsCueBefore(int start, int end)
    {
        var firstSyl = FirstSyllableAt(start);
        foreach (var h in _hits)
        {
            var p = _syl[h.First].Start;
            if (p >= start && p < end && (h.Frame & CueFrame.Bare) != 0)
            {
                var (s, _, _) = FindSourceBefore(SkipAdverbsBackward(h.First - 1, firstSyl), firstSyl, start);
                if (s >= 0 && (s <= firstSyl || OpensClause(_syl[s].Start)))
                    return true;
            }
        }
        return false;
    }

    private QuoteMarks? NextParagraphQuotation(int cueEnd)
    {
        var rest = _text.AsSpan(cueEnd, Math.Min(8, _text.Length - cueEnd));
        if (!rest.TrimStart().StartsWith(":"))
            return null;
        var colon = _text.IndexOf(':', cueEnd);
        var nl = _text.IndexOf('\n', colon);
        if (nl < 0 || !_text.AsSpan(colon + 1, nl - colon - 1).Trim().IsEmpty)
            return null;
        foreach (var m in _marks)
        {
            if (m.Open > nl && _text.AsSpan(nl, m.Open - nl).Trim().IsEmpty)
                return m;
        }
        return null;
    }

    private bool StartsWithQuote(int pos) => pos < _text.Length && (TextUnits.IsOpener(_text[pos]) || _text[pos] == '"');

    private QuoteMarks? QuotationAt(int openPos)
    {
        foreach (var m in _marks)
        {
            if (m.Open == openPos)
                return m;
        }
        return null;
    }

    private bool ContainsQuote(int start, int end) => ContainsQuoteChar(_text.AsSpan(start, end - start));

    // ---------------------------------------------------------------- Theo X, ...  and headlines

    private void TryTheo(int first, int limit, int sentStart, int sentEnd)
    {
        for (var k = first; k < limit; k++)
        {
            // "..., ABC News dẫn thông tin từ X.": a relayer after the last comma passes on X's words.
            if (_syl[k].Lower == "dẫn" && RelayerBefore(k, first) is var relayer and >= 0)
            {
                TheoAt(k, first, limit, sentStart, sentEnd, atStart: false, relayer);
                continue;
            }
            var gapBefore = k == first ? ReadOnlySpan<char>.Empty : _text.AsSpan(_syl[k - 1].End, _syl[k].Start - _syl[k - 1].End);
            // "Như ông X cho biết, ...", "bởi như tính toán của X, ...": `như` opening a clause (after at most one word) with a
            // source that ends in a cue or follows a Theo form with của; "như ông X, ..." (like X) and a negated "không như
            // nhiều người nghĩ" (unlike what they think) are no report.
            if (_syl[k].Lower == "như" && !(k > first && _lex.Marker("negation").Contains(_syl[k - 1].Lower)) && (k == first || gapBefore.Contains(',') || k - 1 == first
                    || _text.AsSpan(_syl[k - 2].End, _syl[k - 1].Start - _syl[k - 2].End).Contains(',')))
            {
                TheoAt(k, first, limit, sentStart, sentEnd, atStart: false, asLike: true);
                continue;
            }
            if (_syl[k].Lower != "theo")
                continue;
            // At the start of the sentence (after a connective) or of a comma clause.
            // "..., mà theo các nhà khoa học, ...", "... nhưng theo ông X, ...": a contrastive or relative connective before it
            // opens a clause as a comma does (VNTC: `nhưng/mà/còn theo X,` over 100 times); "theo đuổi" is a verb; inside a long
            // quotation the aside stays part of the quoted words.
            var lead = SkipLeading(first, k);
            if (lead != k && !gapBefore.Contains(',') && !(k > first && gapBefore.IsWhiteSpace() && _syl[k - 1].Lower is "nhưng" or "mà" or "còn"
                    && WordClassLength(k, limit) <= 1 && !InsideQuotation(_syl[k].Start, 8)))
                continue;
            TheoAt(k, first, limit, sentStart, sentEnd, atStart: lead == k && k == SkipLeading(first, limit - 1));
        }
    }

    /// <summary>
    /// The first syllable of a relayer with a capitalised word that stands between the last comma and <paramref name="k"/>
    /// (at most eight syllables, no other punctuation, with words before the comma); -1 otherwise.
    /// </summary>
    private int RelayerBefore(int k, int first)
    {
        for (var j = k - 1; j > first && j >= k - 8; j--)
        {
            var gap = _text.AsSpan(_syl[j - 1].End, _syl[j].Start - _syl[j - 1].End);
            if (gap.Contains(','))
                return Enumerable.Range(j, k - j).Any(t => _syl[t].Upper) ? j : -1;
            if (gap.IndexOfAny(".;:()“”\"") >= 0)
                return -1;
        }
        return -1;
    }

    /// <summary>Length of `<noun> <recency word> của` at <paramref name="i"/> when `<noun> của` is a Theo form
    /// (`Theo báo cáo mới nhất của X`), else 0.</summary>
    private int FormAcrossRecency(int i, int limit)
    {
        for (var n = 1; n <= 3 && i + n < limit; n++)
        {
            if (_phrases.Get(i, n) is not { } noun)
                break;
            var m = MatchAt(i + n, limit, 2, _lex.Marker("recent").Contains);
            if (m > 0 && i + n + m < limit && Adjacent(i + n - 1) && Adjacent(i + n + m - 1)
                && _syl[i + n + m].Lower == "của" && _lex.TheoForms.Contains(noun + " của"))
                return n + m + 1;
        }
        return 0;
    }

    /// <summary>A Theo report at <paramref name="cueFirst"/>; with <paramref name="relayer"/> ≥ 0 a trailing relay whose content ends before the relayer.</summary>
    private void TheoAt(int cueFirst, int first, int limit, int sentStart, int sentEnd, bool atStart, int relayer = -1, bool asLike = false)
    {
        var k = cueFirst;
        // "theo như lời của X": như after theo changes nothing.
        if (!asLike && k + 1 < limit && Adjacent(k) && _syl[k + 1].Lower == "như")
            k++;
        var formLen = k + 1 < limit && Adjacent(k) ? MatchAt(k + 1, limit, 4, _lex.TheoForms.Contains) : 0;
        if (formLen == 0 && k + 1 < limit && Adjacent(k))
            formLen = FormAcrossRecency(k + 1, limit);
        if (relayer >= 0 && formLen == 0)
            return;
        if (formLen == 0 && k == first && k + 1 < limit && _syl[k + 1].Lower == "đó")
        {
            TheoThereafter(k, limit, sentEnd);
            return;
        }
        var srcFirst = k + 1 + formLen;
        if (srcFirst >= limit)
            return;
        // The source runs to the next comma, or to the end of the sentence for a trailing "..., theo X.".
        var srcLast = -1;
        var afterParen = -1;
        var trailing = false;
        var byThi = false;
        for (var t = srcFirst; t < Math.Min(limit, srcFirst + 24); t++)
        {
            var gap = _text.AsSpan(_syl[t].End, NextStart(t) - _syl[t].End);
            if (t == limit - 1 && cueFirst > first)
            {
                srcLast = t;
                trailing = true;
                break;
            }
            if (gap.Contains(','))
            {
                srcLast = t;
                break;
            }
            // "Theo các nhà khoa học thì ...": thì closing the source opens the report (VNTC: `. Theo X thì` 23 times); not
            // inside a long quotation, where it is the quoted speaker's own aside ("Theo lời khai của bị cáo thì ...?").
            if (t + 2 < limit && gap.IsWhiteSpace() && _syl[t + 1].Lower == "thì" && relayer < 0 && !InsideQuotation(_syl[t].Start, 8)
                && !_text.AsSpan(_syl[t + 1].End, NextStart(t + 1) - _syl[t + 1].End).Contains(','))
            {
                (srcLast, afterParen, byThi) = (t, t + 2, true);
                break;
            }
            // "..., theo hãng tin CNN (Mỹ).": a parenthesis closing the sentence ends a trailing source.
            if (gap.Contains('(') && cueFirst > first && _text.IndexOf(')', _syl[t].End, sentEnd - _syl[t].End) is var close and >= 0
                && _text.AsSpan(close + 1, sentEnd - close - 1).Trim().Trim(".!?…").IsEmpty)
            {
                (srcLast, trailing) = (t, true);
                break;
            }
            // "Theo TS. Lê Văn A, ...": the period of an initial or of an abbreviated title (marker role abbrev) goes on.
            // "Theo một lãnh đạo Cục X (Bộ Y), ...": a parenthesis closed right before the comma ends the source.
            if (gap.Contains('(') && relayer < 0 && _text.IndexOf(')', _syl[t].End, sentEnd - _syl[t].End) is var shut and >= 0
                && _text.AsSpan(_syl[t].End, shut - _syl[t].End).IndexOfAny(",;:.") < 0
                && _text.AsSpan(shut + 1, sentEnd - shut - 1).TrimStart().StartsWith(","))
            {
                (srcLast, afterParen) = (t, FirstSyllableAt(shut + 1));
                break;
            }
            // "Theo ông X - Phó Chủ tịch Y: “...”": a colon right before a quotation ends the source; a dashed apposition is cut off.
            if (gap.Trim() is [':', .. var rest] && rest.Trim() is [var mark] && (TextUnits.IsOpener(mark) || mark == '"') && relayer < 0 && cueFirst == first)
            {
                srcLast = t;
                for (var d = srcFirst + 1; d <= t; d++)
                {
                    if (_text.AsSpan(_syl[d - 1].End, _syl[d].Start - _syl[d - 1].End).Trim() is "-" or "–" && IsSource(srcFirst, d - 1, -1))
                    {
                        srcLast = d - 1;
                        afterParen = t + 1;
                        break;
                    }
                }
                break;
            }
            if (gap.IndexOfAny(".;:(") >= 0 && !(gap.StartsWith(". ") && (EndsWithInitial(_syl[t].End + 1) || _lex.Marker("abbrev").Contains(_syl[t].Lower))))
                break;
        }
        // "theo ông X cho biết, ...", "như anh nói, ...", "như ông tính toán, ...": a cue, or the verb of a Theo form noun, ends the source.
        var (endsInCue, segLast) = (false, srcLast);
        if (srcLast > srcFirst && !trailing && (afterParen < 0 || byThi) && SpeechVerbEndingAt(srcLast, srcFirst + 1, asLike) is var verbFirst and > 0)
            (srcLast, endsInCue) = (SkipAdverbsBackward(verbFirst - 1, srcFirst), true);
        if (asLike && (trailing || !endsInCue && !(formLen > 0 && _syl[k + formLen].Lower == "của")))
            return;
        // "Theo Phó Chủ tịch ... của hãng X, Lê Văn A, ...": a title phrase with the name in commas after it; the name is the source.
        if (srcLast >= 0 && !trailing && relayer < 0 && afterParen < 0 && !endsInCue && IsTitleHead(srcFirst) && NameInCommas(srcLast + 1, limit) is var nameLast and >= 0)
            (srcFirst, srcLast, segLast) = (srcLast + 1, nameLast, nameLast);
        // "Theo kết luận của thanh tra tỉnh, ...": after a report noun and của, a lower-case noun phrase names the author.
        var ofAuthor = formLen > 0 && _syl[k + formLen].Lower == "của" && srcLast >= 0 && !_syl[srcFirst].Upper
            && srcLast - srcFirst < 8 && NounPhrase(srcFirst, srcLast);
        if (srcLast < 0 || !(ofAuthor || IsSource(srcFirst, srcLast, -1) || ModifiedDocument(srcFirst, srcLast)) || _lex.Marker("lead").Contains(_syl[srcFirst].Lower) || _syl[srcFirst].Lower is "đó" or "kế"
            || _syl[srcFirst].Lower is "quy" or "luật" && MatchAt(srcFirst, srcLast + 1, _lex.MaxSourceLength, _lex.Sources.ContainsKey) == 0)
            return;
        // "Theo chúng tôi", "Theo khảo sát của chúng tôi": the writer's own view or work, not an attributed source.
        if (_syl[srcLast].Lower == "tôi" && (srcLast == srcFirst || _syl[srcLast - 1].Lower is "chúng" or "của"))
            return;
        // "Theo tôi biết thì ...", "Theo như mình thấy thì ...": a first-person perception closed by thì is the writer's own view.
        if (byThi && Enumerable.Range(srcFirst, srcLast - srcFirst + 1).Any(t => _syl[t].Lower is "tôi" or "mình"))
            return;
        // Strip a trailing parenthesis from a trailing source: "theo hãng tin CNN (Mỹ)".
        var hit = new CueHit(cueFirst, cueFirst + formLen, CueFrame.Bare);
        int startPos, end;
        if (relayer >= 0 && !trailing)
            return;
        if (trailing)
        {
            (startPos, end) = TextUnits.TrimPunctuation(_text, sentStart, _syl[relayer >= 0 ? relayer : cueFirst].Start, keepQuotes: true);
            if (ContainsCueBefore(startPos, end))
                return;
        }
        else
        {
            // An apposition after the source: "Theo ông X, Chủ tịch Y, ...": skip it.
            var next = afterParen >= 0 ? afterParen : segLast + 1;
            if (next < limit && IsTitleHead(next))
            {
                for (var t = next; t < Math.Min(limit - 1, next + 20); t++)
                {
                    if (_text.AsSpan(_syl[t].End, NextStart(t) - _syl[t].End).Contains(','))
                    {
                        next = t + 1;
                        break;
                    }
                }
            }
            if (next >= limit)
                return;
            startPos = _syl[next].Start;
            while (startPos > _syl[next - 1].End && (TextUnits.IsOpener(_text[startPos - 1]) || _text[startPos - 1] == '"'))
                startPos--;
            end = ContentEnd(startPos, hit, limit, sentEnd);
            // A cue of its own inside: "Theo một tuyên bố của Bộ, Ngoại trưởng X kêu gọi ..." - the inner quote wins.
            if (ContainsCueBefore(startPos, end))
                return;
        }
        if (SyllablesIn(startPos, end) < 3)
            return;
        // "Theo ông, việc này có ảnh hưởng gì?": an interviewer's question asks for the view, it reports none (VNTC: 243 such).
        if (!trailing && _text.AsSpan(end, sentEnd - end).TrimStart(" ”\"’)").StartsWith("?"))
            return;
        if (StartsWithQuote(startPos) && QuotationAt(startPos) is { } m && QuoteEnd(m) >= end - 1)
        {
            var (qs, qe) = TextUnits.TrimPunctuation(_text, m.ContentStart, m.ContentEnd, keepQuotes: false);
            _found.Add(Make(QuoteTypes.Direct, qs, qe, QuotePattern.Theo, hit, srcFirst, srcLast, null, false, true));
            return;
        }
        var type = ContainsQuote(startPos, end) ? QuoteTypes.Mixed : QuoteTypes.Indirect;
        _ = atStart;
        _found.Add(Make(type, startPos, end, QuotePattern.Theo, hit, srcFirst, BeforeRelativeVerb(srcFirst, TrimParenthesis(srcFirst, srcLast)), null, false, true));
    }

    /// <summary>
    /// "Theo một nghiên cứu mới, ...", "Theo khảo sát gần đây được thực hiện tại 20 tỉnh, ...", "theo một nghiên cứu khác ở
    /// Brazil thì ...": a document noun (source class DOC, after an optional quantifier or <c>các</c>/<c>những</c>) whose
    /// post-modifier in [s, e] opens with a recency word, <c>khác</c>, a demonstrative, or a participle (<c>được</c>,
    /// <c>vừa</c>, or a place/agent preposition) and holds no clause word but <c>được</c>
    /// (VNTC: `Theo <study noun> mới/gần đây/khác/này` about 100 times, which IsSource reads as a verb phrase).
    /// </summary>
    private bool ModifiedDocument(int s, int e)
    {
        var q = s + MatchAt(s, e, 3, _lex.Marker("quantifier").Contains);
        if (q < e && _syl[q].Lower is "các" or "những")
            q++;
        var n = MatchAt(q, e + 1, _lex.MaxSourceLength, _lex.Sources.ContainsKey);
        if (n == 0 || q + n > e || e - s > 15 || _lex.Sources[Phrase(q, q + n - 1)].Class != SourceClass.DocumentHead)
            return false;
        var m = q + n;
        if (!(MatchAt(m, e + 1, 2, _lex.Marker("recent").Contains) > 0
              || _syl[m].Lower is "mới" or "khác" or "này" or "trên" or "được" or "vừa" or "do" or "tại" or "ở" or "đăng"))
            return false;
        for (var k = m; k <= e; k++)
        {
            if (_syl[k].Lower != "được" && _lex.Marker("clause").Contains(_syl[k].Lower) && WordLengthAt(k, e) <= 1)
                return false;
        }
        return true;
    }

    /// <summary>The first syllable of a cue taking a bare clause (<c>cho biết</c>, <c>nói</c>; not a weak cue such as the <c>tin</c>
    /// of <c>nguồn tin</c>), or, after <c>như</c> (<paramref name="asLike"/>), of a Theo form's noun used as a verb (<c>như ông
    /// tính toán</c>; after <c>theo</c> such a noun ends the source: <c>theo một nguồn tin</c>), that ends at syllable
    /// <paramref name="last"/> and starts at or after <paramref name="floor"/>; -1 when none does.</summary>
    private int SpeechVerbEndingAt(int last, int floor, bool asLike)
    {
        foreach (var h in _hits)
        {
            if (h.Last == last && h.First >= floor && (h.Frame & CueFrame.Bare) != 0)
                return h.First;
        }
        for (var n = asLike ? Math.Min(3, last - floor + 1) : 0; n >= 1; n--)
        {
            if (_phrases.Get(last - n + 1, n) is { } noun && _lex.TheoForms.Contains(noun + " của"))
                return last - n + 1;
        }
        return -1;
    }

    /// <summary>The last syllable of a person's name (2-5 capitalised syllables, a person entity among them or a family name first) from
    /// <paramref name="s"/> that a comma closes, with words after it; -1 otherwise.</summary>
    private int NameInCommas(int s, int limit)
    {
        for (var t = s; t < Math.Min(limit - 1, s + 5); t++)
        {
            var gap = _text.AsSpan(_syl[t].End, NextStart(t) - _syl[t].End);
            if (gap.Contains(','))
                return t > s && AllUpperRun(s, t) && (HasPersonEntity(s, t) || _lex.Surnames.Contains(_syl[s].Lower)) ? t : -1;
            if (!gap.IsWhiteSpace())
                return -1;
        }
        return -1;
    }

    /// <summary>
    /// "Điều 133 Bộ luật Hình sự xử phạt tội cướp tài sản": the source ends before a lower-case verb (word classes) right
    /// after a word that opens with a capital, outside any entity and any source word (<c>Viện kiểm sát</c>), where a relative
    /// clause starts; else <paramref name="last"/>.
    /// </summary>
    private int BeforeRelativeVerb(int first, int last)
    {
        var prevUpper = false;
        for (var i = first; i <= last;)
        {
            var n = WordClassLength(i, last + 1);
            if (n > 0 && i > first && !_syl[i].Upper && prevUpper && _lex.WordClasses[_phrases.Get(i, n)!] == 'V'
                && !Enumerable.Range(Math.Max(first, i - 3), i - Math.Max(first, i - 3))
                    .Any(s => MatchAt(s, last + 1, _lex.MaxSourceLength, _lex.Sources.ContainsKey) > i - s)
                && !_doc.Entities.Any(x => x.Type is EntityTypes.Person or EntityTypes.Organization or EntityTypes.Location
                    && x.Start < _syl[i].Start && x.End >= _syl[i].End))
                return i - 1;
            prevUpper = _syl[i].Upper;
            i += Math.Max(n, 1);
        }
        return last;
    }

    /// <summary>
    /// "..., ABC News dẫn thông tin từ X. Theo đó, ...": <c>Theo đó</c> opening the sentence right after a trailing
    /// Theo or relay quote continues that quote's source; nothing otherwise.
    /// </summary>
    private void TheoThereafter(int k, int limit, int sentEnd)
    {
        if (_found.Count == 0 || _found[^1] is not { Pattern: QuotePattern.Theo } p || p.MentionStart < p.End
            || !_text.AsSpan(_syl[k + 1].End, Math.Min(2, _text.Length - _syl[k + 1].End)).StartsWith(",")
            || !_text.AsSpan(p.MentionEnd, _syl[k].Start - p.MentionEnd).Trim(" .!?)").IsEmpty)
            return;
        var hit = new CueHit(k, k + 1, CueFrame.Bare);
        if (k + 2 >= limit)
            return;
        var start = _syl[k + 2].Start;
        var end = ContentEnd(start, hit, limit, sentEnd);
        if (SyllablesIn(start, end) < 4 || ContainsCueBefore(start, end))
            return;
        var type = ContainsQuote(start, end) ? QuoteTypes.Mixed : QuoteTypes.Indirect;
        _found.Add(Make(type, start, end, QuotePattern.Theo, hit, -1, -1, p, true, true));
    }

    private int TrimParenthesis(int first, int last)
    {
        var open = _text.IndexOf('(', _syl[first].Start, _syl[last].End - _syl[first].Start);
        return open < 0 ? last : Math.Max(first, FirstSyllableAt(open) - 1);
    }

    private void TryHeadline(int first, int limit, int sentStart, int sentEnd)
    {
        // A paragraph-initial "Source: content" with a short source and no cue before the colon.
        if (sentStart > 0 && _text[sentStart - 1] != '\n' || _turnParagraphs.Count > 0 && _turnParagraphs.Contains(ParagraphIndex(sentStart)))
            return;
        for (var t = first; t < Math.Min(limit - 1, first + 8); t++)
        {
            var gap = _text.AsSpan(_syl[t].End, _syl[t + 1].Start - _syl[t].End);
            if (gap.IndexOfAny(",.;()") >= 0)
                return;
            if (!gap.Contains(':'))
                continue;
            if (_hits.Any(h => h.First >= first && h.Last <= t))
                return;
            var headLen = MatchAt(first, t + 1, _lex.MaxSourceLength, _lex.Sources.ContainsKey);
            var isTitle = headLen > 0 && _lex.Sources[Phrase(first, first + headLen - 1)].Class is SourceClass.Title or SourceClass.Honorific;
            if (!isTitle && !(HasPersonEntity(first, t)))
                return;
            var (cs, ce) = TextUnits.TrimPunctuation(_text, _syl[t + 1].Start, sentEnd, keepQuotes: true);
            if (SyllablesIn(cs, ce) < 4)
                return;
            var hit = new CueHit(t, t, CueFrame.None);
            var c = new QuoteCandidate
            {
                Type = ContainsQuote(cs, ce) ? QuoteTypes.Mixed : QuoteTypes.Indirect,
                Start = cs,
                End = ce,
                Pattern = QuotePattern.Headline,
                CueFrame = hit.Frame,
                MentionStart = _syl[first].Start,
                MentionEnd = _syl[t].End,
                Introduced = true,
            };
            if (StartsWithQuote(cs) && QuotationAt(cs) is { } m && QuoteEnd(m) >= ce - 1)
            {
                c.Type = QuoteTypes.Direct;
                (c.Start, c.End) = TextUnits.TrimPunctuation(_text, m.ContentStart, m.ContentEnd, keepQuotes: false);
            }
            _found.Add(c);
            return;
        }
    }

    /// <summary>Position <paramref name="pos"/> opens a text, sentence, line, list item or quotation: only spaces since the start or
    /// since <c>.</c> <c>!</c> <c>?</c> <c>:</c> <c>…</c>, a line break, an opening quotation mark or a dash.</summary>
    private bool OpensSentence(int pos)
    {
        var before = _text.AsSpan(0, pos).TrimEnd(' ');
        return before.IsEmpty || before[^1] is '.' or '!' or '?' or ':' or '…' or '\n' or '\r' or '"' or '-' or '–' or '—' or '(' || TextUnits.IsOpener(before[^1]);
    }

    /// <summary>A person entity covers position <paramref name="pos"/>.</summary>
    private bool InsidePersonEntity(int pos) => _doc.Entities.Any(x => x.Type == EntityTypes.Person && x.Start <= pos && x.End > pos);

    /// <summary>A person entity lies within syllables [s, e], or spans exactly them when <paramref name="exact"/>.</summary>
    private bool HasPersonEntity(int s, int e, bool exact = false)
    {
        var a = _syl[s].Start;
        var b = _syl[e].End;
        return _doc.Entities.Any(x => x.Type == EntityTypes.Person && (exact ? x.Start == a && x.End == b : x.Start >= a && x.End <= b));
    }

    // ---------------------------------------------------------------- quotations with no cue of their own

    private void ProcessLeftoverQuotations()
    {
        foreach (var m in _marks)
        {
            var (qs, qe) = TextUnits.TrimPunctuation(_text, m.ContentStart, m.ContentEnd, keepQuotes: false);
            if (qe <= qs)
                continue;
            if (_found.Any(c => c.Start <= qs && qe <= c.End + 1 || (qs <= c.Start && c.End <= qe)
                                || (c.MentionStart >= 0 && c.MentionStart < qe && qs < c.MentionEnd)))
                continue;
            var n = SyllablesIn(qs, qe);
            var sentence = SentenceOf(m.Open);
            var outside = SyllablesIn(sentence.Start, m.Open) + SyllablesIn(QuoteEnd(m), sentence.End);
            var standalone = outside == 0 && n >= 4;
            // ": “A” và “B”": B continues the direct quote A.
            if (_found.LastOrDefault(c => c.End <= m.Open) is { Type: QuoteTypes.Direct } joined
                && _marks.FirstOrDefault(x => x.ContentStart <= joined.Start && joined.End <= x.ContentEnd) is var am && am.Close > 0
                && JoinedQuotation(am) is { } jm && jm.Open == m.Open)
            {
                _found.Add(new QuoteCandidate
                {
                    Type = QuoteTypes.Direct, Start = qs, End = qe, Pattern = QuotePattern.Continuation, Introduced = true,
                    InheritFrom = joined, Distance = 1,
                });
                continue;
            }
            if (!standalone)
            {
                if (n >= 4 && (WordsOfBeforeColon(m, qs, qe, sentence) ?? VerbBeforeColon(m, qs, qe, sentence) ?? FirstPersonOfSubject(m, qs, qe, sentence)
                               ?? PersonAfterQuotation(m, qs, qe, sentence) ?? PersonInDashedTag(m, qs, qe)) is { } spoken)
                    _found.Add(spoken);
                continue;
            }
            if (PersonInDashedTag(m, qs, qe) is { } tagged)
            {
                _found.Add(tagged);
                continue;
            }
            // Continuation: the previous quote in this or the previous paragraph gives the speaker.
            var para = ParagraphIndex(m.Open);
            QuoteCandidate? prev = null;
            foreach (var c in _found)
            {
                if (c.End > m.Open || ParagraphIndex(c.Start) < para - 1)
                    continue;
                // A quotation continues quoted words (or a cue that introduced them), not a "Theo X" report.
                // A first-person quotation right after "Theo X, ..." in its paragraph continues X when X is a person (checked on resolution).
                if (c.Type != QuoteTypes.Indirect && c.Pattern != QuotePattern.Theo || c.Pattern != QuotePattern.Theo && (ParagraphIndex(c.Start) == para || c.MentionStart >= 0)
                    || ParagraphIndex(c.Start) == para && c.Pattern == QuotePattern.Theo && FirstPerson(qs, qe))
                    prev = c;
            }
            var cand = new QuoteCandidate
            {
                Type = QuoteTypes.Direct,
                Start = qs,
                End = qe,
                Pattern = prev is null ? QuotePattern.Unattributed : QuotePattern.Continuation,
                Introduced = true,
                InheritFrom = prev,
                Distance = prev is null ? 0 : Math.Max(1, para - ParagraphIndex(prev.Start) + 1),
            };
            _found.Add(cand);
        }
    }

    /// <summary>
    /// <c>Thông điệp của ông X mang văn phong ngoại giao: “...”</c>, <c>đề xuất của bạn đọc X là: “...”</c>: a quotation after a
    /// colon that ends its sentence, where a speech noun (a cue, or a form of <c>Theo ... của</c>) and <c>của</c> name a
    /// capitalised source before the colon, is that source's direct quote; null otherwise.
    /// </summary>
    private QuoteCandidate? WordsOfBeforeColon(QuoteMarks m, int qs, int qe, (int Start, int End) sentence)
    {
        var colon = LastBeforeColon(m, sentence);
        if (colon < 0)
            return null;
        var first = FirstSyllableAt(sentence.Start);
        for (var o = first + 1; o < colon; o++)
        {
            if (_syl[o].Lower != "của" || !Adjacent(o - 1))
                continue;
            var noun = MatchEndingAt(o, first, 4, _lex.TheoForms.Contains) is var f and > 1 ? (o - f + 1, o - 1)
                : _hits.FirstOrDefault(h => h.Last == o - 1) is { Frame: not 0 } h ? (h.First, h.Last) : (-1, -1);
            if (noun.Item1 < 0)
                continue;
            // The source: a few lower-case head words ("ông", "bạn đọc"), then a capitalised run.
            var k = o + 1;
            while (k < colon && k <= o + 3 && !_syl[k].Upper && Adjacent(k - 1))
                k++;
            var e = k;
            // "những lời tâm sự của chị: “...”": an honorific or pronoun alone refers back to an earlier person.
            if (colon == o + 1 && _lex.Sources.TryGetValue(_syl[o + 1].Lower, out var alone)
                && alone.Class is SourceClass.Honorific or SourceClass.Pronoun)
                e = o + 1;
            else if (k > colon || !_syl[k].Upper || !Adjacent(k - 1))
                return null;
            // colon is the last syllable before the colon, part of the name.
            while (e + 1 <= colon && _syl[e + 1].Upper && Adjacent(e))
                e++;
            var c = new QuoteCandidate
            {
                Type = QuoteTypes.Direct,
                Start = qs,
                End = qe,
                Pattern = QuotePattern.CueBefore,
                CueStart = _syl[noun.Item1].Start,
                CueEnd = _syl[noun.Item2].End,
                Introduced = true,
                MentionStart = _syl[o + 1].Start,
                MentionEnd = _syl[e].End,
            };
            return c;
        }
        return null;
    }

    /// <summary>The last syllable before a colon that opens quotation <paramref name="m"/>, which closes its sentence; -1 otherwise.</summary>
    private int LastBeforeColon(QuoteMarks m, (int Start, int End) sentence)
    {
        var before = _text.AsSpan(sentence.Start, m.Open - sentence.Start).TrimEnd();
        if (before.IsEmpty || before[^1] != ':' || SyllablesIn(QuoteEnd(m), sentence.End) > 0)
            return -1;
        return FirstSyllableAt(sentence.Start + before.Length - 1) - 1;
    }

    /// <summary>
    /// <c>ông X, Chi cục trưởng Y, đã đính chính: “...”</c>: a quotation after a colon that closes its sentence, where a verb
    /// of the word classes (one or two syllables) ends the words before the colon and a person (an honorific and a name, or a
    /// person entity, right before the verb or before a title apposition) is its source, is that person's direct quote; null otherwise.
    /// </summary>
    private QuoteCandidate? VerbBeforeColon(QuoteMarks m, int qs, int qe, (int Start, int End) sentence)
    {
        var last = LastBeforeColon(m, sentence);
        var first = FirstSyllableAt(sentence.Start);
        if (last < first)
            return null;
        var n = 0;
        for (var len = Math.Min(2, last - first); len >= 1 && n == 0; len--)
        {
            if (_lex.WordClasses.TryGetValue(Phrase(last - len + 1, last), out var wc) && wc == 'V' && Adjacent(last - len + 1) | len == 1)
                n = len;
        }
        if (n == 0 || last - n < first)
            return null;
        var j = SkipAdverbsBackward(last - n, first);
        if (j < first)
            return null;
        var (a, b, _) = FindSourceBefore(j, first, sentence.Start);
        // "ông X, Chi cục trưởng Y đã đính chính:": the person before a title apposition.
        if (!IsPersonSource(a, b) && SegmentStart(j, first, sentence.Start, out _) is var seg && seg > first)
            (a, b, _) = AppositionHead(seg, first, sentence.Start);
        if (!IsPersonSource(a, b))
            return null;
        return DirectOfMention(qs, qe, a, b, last - n + 1, last);
    }

    /// <summary>
    /// <c>“...”, Thủ tướng Đức Angela Merkel phản ứng lại ...</c>, <c>“...”, AFP dẫn lời Jeremy Shapiro, ...</c>: a quotation that
    /// opens its sentence, followed by a comma or dash and a clause whose leading name (after a relay such as <c>dẫn lời</c>)
    /// is a person followed by a verb or an apposition, is that person's direct quote, whatever the verb; null otherwise.
    /// </summary>
    private QuoteCandidate? PersonAfterQuotation(QuoteMarks m, int qs, int qe, (int Start, int End) sentence)
    {
        if (m.Close < 0 || !_text.AsSpan(sentence.Start, m.Open - sentence.Start).IsWhiteSpace())
            return null;
        var k = FirstSyllableAt(m.Close + 1);
        var last = FirstSyllableAt(sentence.End) - 1;
        if (k >= last || _text.AsSpan(m.Close + 1, _syl[k].Start - m.Close - 1).Trim().Trim(",-–—").Length > 0
            || !_text.AsSpan(m.Close + 1, _syl[k].Start - m.Close - 1).ContainsAny(",-–—"))
            return null;
        // A relay ("AFP dẫn lời X"): the person is the relay's object.
        for (var r = k; r <= Math.Min(last - 2, k + 4); r++)
        {
            if (MatchAt(r, last + 1, 2, _lex.Marker("breaker").Contains) == 2 && Phrase(r, r + 1) == "dẫn lời")
            {
                k = r + 2;
                break;
            }
        }
        // An abbreviated title ("TS. X", "GS. X") before the name.
        while (k < last && _syl[k].Lower.Length <= 3 && _syl[k + 1].Upper
               && _text.AsSpan(_syl[k].End, _syl[k + 1].Start - _syl[k].End).Trim() is ".")
            k++;
        var (a, b) = LeadingName(k, last);
        if (a < 0 || b >= last || !IsPersonSource(a, b))
            return null;
        var gap = _text.AsSpan(_syl[b].End, _syl[b + 1].Start - _syl[b].End).Trim();
        return gap.IsEmpty && !_syl[b + 1].Upper || gap is "," ? DirectOfMention(qs, qe, a, b) : null;
    }

    /// <summary>
    /// <c>“...”. – anh Thắng kể.</c>, <c>“... rau.” - chị Mai than thở.</c>: a quotation followed in its paragraph by only a
    /// dash (and the full stop of its sentence), then a person and a cue, or a person and at most three lower-case words to
    /// the end of that sentence, is the person's direct quote; so is one closed with its sentence and followed by a sentence
    /// of only a person, a cue and at most two words (<c>“...”. Anh Thắng kể lại.</c>); null otherwise.
    /// </summary>
    private QuoteCandidate? PersonInDashedTag(QuoteMarks m, int qs, int qe)
    {
        if (m.Close < 0)
            return null;
        var k = FirstSyllableAt(m.Close + 1);
        if (k >= _syl.Length)
            return null;
        var gap = _text.AsSpan(m.Close + 1, _syl[k].Start - m.Close - 1);
        // Without a dash a question is put to the person (`“... phải không?”. Ánh phủ nhận.`), not asked by them.
        var dashed = gap.ContainsAny("-–—");
        if (gap.ContainsAnyExcept(" .-–—\u00a0")
            || !dashed && (_text[m.ContentEnd - 1] == '?' || !gap.Contains('.') && !_text.AsSpan(m.ContentEnd - 1, 1).ContainsAny(".!")))
            return null;
        var last = FirstSyllableAt(SentenceOf(_syl[k].Start).End) - 1;
        var (a, b) = LeadingName(k, last);
        if (a != k || b >= last || !IsPersonSource(a, b) || _syl[b + 1].Upper
            || !_text.AsSpan(_syl[b].End, _syl[b + 1].Start - _syl[b].End).IsWhiteSpace())
            return null;
        CueHit? cue = _hits.FirstOrDefault(h => h.First > b && h.First <= b + 3 && h.Last <= last) is { Last: > 0 } h ? h : null;
        var shortTag = last - b <= 3 && AllLowerRun(b + 1, last)
                       && _text.AsSpan(_syl[b + 1].Start, _syl[last].End - _syl[b + 1].Start).IndexOfAny(",;:") < 0;
        // Without a dash the tag is a sentence of its own: the person, the cue and at most two words (`Anh Thắng kể lại.`).
        if (cue is null && !shortTag || !dashed && (cue is not { } c0 || last - c0.Last > 2))
            return null;
        return new QuoteCandidate
        {
            Type = QuoteTypes.Direct,
            Start = qs,
            End = qe,
            Pattern = QuotePattern.CueAfter,
            CueStart = cue is { } ch ? _syl[ch.First].Start : -1,
            CueEnd = cue is { } ce ? _syl[ce.Last].End : -1,
            CueFrame = cue?.Frame ?? default,
            Introduced = cue is not null,
            MentionStart = _syl[a].Start,
            MentionEnd = _syl[b].End,
        };
    }

    /// <summary>The comma segment that runs up to syllable j opens (after connectives) with a person, an address and a name or a
    /// person entity, and only adverbs and other non-noun, non-verb words of the word classes stand between the name and j
    /// (<c>ông X đã hết sức bất ngờ nói</c>; not <c>X ... vì mẹ cho rằng</c>, <c>X được Viện KSND yêu cầu</c>).</summary>
    private bool PersonInSegmentBefore(int j, int first, int sentStart)
    {
        if (j <= first || !_text.AsSpan(_syl[j - 1].End, _syl[j].Start - _syl[j - 1].End).IsWhiteSpace())
            return false;
        var k = SkipLeading(SegmentStart(j - 1, first, sentStart, out _), j - 1);
        if (k >= j)
            return false;
        var nameEnd = -1;
        if (IsHonorific(k) && NameAfterHead(k, j - 1))
            nameEnd = LeadingName(k, j - 1).Item2;
        else if (_doc.Entities.FirstOrDefault(x => x.Type == EntityTypes.Person && x.Start == _syl[k].Start) is { } person)
            nameEnd = FirstSyllableAt(person.End) - 1;
        if (nameEnd < k || nameEnd >= j)
            return false;
        if (nameEnd == j - 1)
            return true;
        var between = WordClassesOf(_syl[nameEnd + 1].Start, _syl[j - 1].End, 8);
        for (var t = nameEnd + 1; t < j; t++)
        {
            if (_syl[t].Upper)
                return false;
        }
        return between is not null && between.All(c => c is 'R' or 'O');
    }

    /// <summary>A direct quote [qs, qe) whose source is mentioned at syllables [a, b] (resolved later); with
    /// <paramref name="cueFirst"/> ≥ 0 introduced by the cue word [cueFirst, cueLast].</summary>
    private QuoteCandidate DirectOfMention(int qs, int qe, int a, int b, int cueFirst = -1, int cueLast = -1) => new()
    {
        Type = QuoteTypes.Direct,
        Start = qs,
        End = qe,
        Pattern = QuotePattern.CueBefore,
        CueStart = cueFirst >= 0 ? _syl[cueFirst].Start : -1,
        CueEnd = cueFirst >= 0 ? _syl[cueLast].End : -1,
        Introduced = cueFirst >= 0,
        MentionStart = _syl[a].Start,
        MentionEnd = _syl[b].End,
    };

    /// <summary>[a, b] names a person: an honorific and a name, or a person entity, ending with a capitalised syllable
    /// (<c>anh X hí hửng</c> is not <c>anh X hí</c> + <c>hửng</c>).</summary>
    private bool IsPersonSource(int a, int b) =>
        a >= 0 && _syl[b].Upper && (IsHonorific(a) && NameAfterHead(a, b) || HasPersonEntity(a, b));

    /// <summary>
    /// <c>Tổng thống X ... và xem ông Y là “một trong những người bạn của tôi”</c>: a first-person quotation inside a clause
    /// whose subject (the name opening its comma segment) is a person is that person's direct quote; null otherwise.
    /// </summary>
    private QuoteCandidate? FirstPersonOfSubject(QuoteMarks m, int qs, int qe, (int Start, int End) sentence)
    {
        var first = FirstSyllableAt(sentence.Start);
        var j = FirstSyllableAt(m.Open) - 1;
        if (j < first || !FirstPerson(qs, qe))
            return null;
        var start = SkipLeading(SegmentStart(j, first, sentence.Start, out var afterQuote), j);
        if (afterQuote || start > j)
            return null;
        var (a, b) = LeadingName(start, j);
        if (a < 0 || !(IsHonorific(a) && NameAfterHead(a, b) || IsTitleHead(a) || HasPersonEntity(a, b)) || !IsSource(a, b, sentence.Start))
            return null;
        return DirectOfMention(qs, qe, a, b);
    }

    /// <summary>The quotation that follows <paramref name="m"/> with only <c>và</c> or a comma between them, or null.</summary>
    private QuoteMarks? JoinedQuotation(QuoteMarks m)
    {
        if (m.Close < 0)
            return null;
        foreach (var n in _marks)
        {
            if (n.Open <= m.Close)
                continue;
            var gap = _text.AsSpan(m.Close + 1, n.Open - m.Close - 1).Trim();
            return gap is "và" or "," or ", và" ? n : null;
        }
        return null;
    }

    /// <summary>A first-person pronoun stands in [start, end) (<c>tôi</c>, <c>chúng tôi</c>).</summary>
    private bool FirstPerson(int start, int end)
    {
        var last = FirstSyllableAt(end);
        for (var k = FirstSyllableAt(start); k < last; k++)
        {
            if (MatchAt(k, last, 2, _lex.Marker("firstperson").Contains) > 0)
                return true;
        }
        return false;
    }

    private (int Start, int End) SentenceOf(int pos)
    {
        foreach (var s in _sentences)
        {
            if (pos >= s.Start && pos < s.End)
                return s;
        }
        return (pos, pos);
    }

    private int ParagraphIndex(int pos)
    {
        for (var i = 0; i < _paragraphs.Count; i++)
        {
            if (pos < _paragraphs[i].End)
                return i;
        }
        return _paragraphs.Count - 1;
    }

    // ---------------------------------------------------------------- speakers and duplicates

    private void ResolveSpeakers()
    {
        _resolver.SetQuotedSpans(_found.Select(c => (c.Start, c.End)));
        foreach (var c in _found)
        {
            if (c.InheritFrom is { } from)
            {
                var speaks = from.Speaker is not null && (from.Pattern != QuotePattern.Theo || c.Pattern != QuotePattern.Continuation || from.Speaker.Kind == "PER");
                c.Speaker = speaks ? from.Speaker! with { Resolution = SpeakerResolution.Inherited } : null;
                if (c.MentionStart < 0 && from.MentionStart >= 0)
                    (c.MentionStart, c.MentionEnd) = (from.MentionStart, from.MentionEnd);
                continue;
            }
            if (c.MentionStart < 0)
            {
                if (c.NearestBefore >= 0 && _resolver.NearestPerson(c.NearestBefore) is { } near)
                    c.Speaker = near;
                continue;
            }
            var info = _resolver.Resolve(c.MentionStart, c.MentionEnd, c.Start);
            if (info is null)
            {
                c.MentionStart = c.MentionEnd = -1;
                continue;
            }
            c.Speaker = info;
            _resolver.NoteSpeaker(info, c.MentionStart);
        }
    }

    private List<QuoteCandidate> Deduplicate()
    {
        var kept = new List<QuoteCandidate>();
        foreach (var c in _found)
        {
            if (c.End <= c.Start)
                continue;
            var dup = kept.FindIndex(k => Overlap(k, c) && !QuotedInAnswer(k, c)
                || (SameSpeaker(k, c) && QuoteScorer.Overlap(_text[k.Start..k.End], _text[c.Start..c.End]) >= 0.6));
            if (dup >= 0)
                continue;
            kept.Add(c);
        }
        return kept;
    }

    private static bool SameSpeaker(QuoteCandidate a, QuoteCandidate b) =>
        string.Equals(a.Speaker?.Name, b.Speaker?.Name, StringComparison.OrdinalIgnoreCase);
}
