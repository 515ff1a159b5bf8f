using NlpPipeline.Documents;

namespace NlpPipeline.Quotes;

/// <summary>
/// Interviews: in an article laid out as questions and answers, a paragraph that opens with the interviewee's label
/// (<c>- Ông Nguyễn Văn A: ...</c>, <c>Bộ trưởng X: ...</c>, <c>Trung Đinh: ...</c>) is a direct quote of that person, the
/// content being the rest of the paragraph. The interviewer's turns (<c>PV:</c>, <c>Phóng viên:</c>) are not quotes.
/// </summary>
internal sealed partial class ExtractionRun
{
    /// <summary>Longest label before the colon, in syllables, a parenthesis after the name left out.</summary>
    private const int MaxLabelSyllables = 8;

    /// <summary>Paragraphs of an interview that are a turn (an answer, an interviewer's turn or a question); no headline
    /// reading is tried there.</summary>
    private readonly HashSet<int> _turnParagraphs = [];

    /// <summary>The interviewer's turns and the questions of an interview.</summary>
    private readonly HashSet<int> _questionParagraphs = [];

    /// <summary>A paragraph-initial label: the name is syllables [First, Last]; content starts after the colon.</summary>
    private readonly record struct TurnLabel(int Paragraph, int First, int Last, int ContentStart, bool Interviewer);

    /// <summary>
    /// Adds the interview answers of the document. A document is an interview when an interviewer label opens a paragraph,
    /// or a person's label opens the paragraph right after a question (a paragraph whose last <c>?</c> is followed by at most
    /// a short signature such as <c>(Bạn đọc X, TP.HCM)</c>). Then every paragraph opening with a person's label is an answer.
    /// A person's label is an honorific or title and a capitalised name (<c>Ông Phan Diễn</c>, <c>HLV Vũ Tiến Thành</c>) or a
    /// person entity (<c>Châu Giang</c>), ending with a capitalised word and filling the label up to the colon (an apposition in brackets may follow) and holding
    /// no cue (<c>Ông Minh nói tiếp:</c> is the cue rules' work).
    /// </summary>
    private void FindInterviewAnswers()
    {
        List<TurnLabel>? labels = null;
        for (var p = 0; p < _paragraphs.Count; p++)
        {
            if (LabelOf(p) is { } label)
                (labels ??= []).Add(label);
        }
        if (labels is null)
            return;
        var interview = labels.Any(l => l.Interviewer)
                        || labels.Any(l => !l.Interviewer && l.Paragraph > 0 && IsQuestion(l.Paragraph - 1));
        if (!interview)
            return;
        for (var p = 0; p < _paragraphs.Count; p++)
        {
            if (IsQuestion(p))
                _questionParagraphs.Add(p);
        }
        // The title and lead before the first question are no answers (VNTC: `Hiền Thục: “Tạm gác lại chuyện tình cảm”`).
        var firstQuestion = labels.Where(l => l.Interviewer).Select(l => l.Paragraph).Concat(_questionParagraphs).Min();
        foreach (var l in labels)
        {
            if (l.Paragraph < firstQuestion)
                continue;
            _turnParagraphs.Add(l.Paragraph);
            if (l.Interviewer)
            {
                _questionParagraphs.Add(l.Paragraph);
                continue;
            }
            _questionParagraphs.Remove(l.Paragraph);
            var (cs, ce) = TextUnits.TrimPunctuation(_text, l.ContentStart, _paragraphs[l.Paragraph].End, keepQuotes: true);
            if (ce <= cs)
                continue;
            if (StartsWithQuote(cs) && QuotationAt(cs) is { } m && QuoteEnd(m) >= ce - 1)
                (cs, ce) = TextUnits.TrimPunctuation(_text, m.ContentStart, m.ContentEnd, keepQuotes: false);
            else
                (cs, ce) = TextUnits.TrimPunctuation(_text, cs, ce, keepQuotes: IsBalanced(cs, ce));
            if (ce <= cs)
                continue;
            _found.Add(new QuoteCandidate
            {
                Type = QuoteTypes.Direct,
                Start = cs,
                End = ce,
                Pattern = QuotePattern.Headline,
                Introduced = true,
                MentionStart = _syl[l.First].Start,
                MentionEnd = _syl[l.Last].End,
            });
        }
        _turnParagraphs.UnionWith(_questionParagraphs);
    }

    /// <summary>Quote c lies inside the interview answer a and is a quotation with a cue of its own and another speaker: the
    /// words of someone the interviewee quotes (<c>Triệu Bôn bảo: “...”</c>), kept beside the answer. Reported speech inside
    /// an answer is not kept (VNTC: mostly the interviewee's own clauses, <c>Tôi xin nhắc lại ...</c>).</summary>
    private bool QuotedInAnswer(QuoteCandidate a, QuoteCandidate c) =>
        a.Pattern == QuotePattern.Headline && a.Type == QuoteTypes.Direct && _turnParagraphs.Contains(ParagraphIndex(a.Start))
        && a.Start <= c.Start && c.End <= a.End && c.Type == QuoteTypes.Direct && c.CueStart >= 0 && !SameSpeaker(a, c);

    /// <summary>A quote found inside a question of an interview, in a sentence that ends with <c>?</c> (<c>PV: Theo ông, ...?</c>):
    /// the interviewer asks, nobody states it. Quotation marks keep someone's words (<c>Thẩm phán hỏi: “...?”</c>).</summary>
    private bool AsksQuestion(QuoteCandidate c)
    {
        if (_questionParagraphs.Count == 0 || c.Pattern == QuotePattern.Headline || c.Type == QuoteTypes.Direct
            || !_questionParagraphs.Contains(ParagraphIndex(c.Start)))
            return false;
        var end = _paragraphs[ParagraphIndex(c.Start)].End;
        var stop = _text.AsSpan(c.End, Math.Max(0, end - c.End)).IndexOfAny(".!?");
        return stop >= 0 && _text[c.End + stop] == '?';
    }

    /// <summary>The quotation marks of [start, end) pair up (a trailing closer belongs to an opener inside).</summary>
    private bool IsBalanced(int start, int end)
    {
        var open = 0;
        for (var i = start; i < end; i++)
        {
            if (TextUnits.IsOpener(_text[i]))
                open++;
            else if (TextUnits.IsCloser(_text[i]))
                open--;
        }
        return open == 0 && _text.AsSpan(start, end - start).Count('"') % 2 == 0;
    }

    /// <summary>The turn label opening paragraph p (after an optional dash or bullet), or null.</summary>
    private TurnLabel? LabelOf(int p)
    {
        var (ps, pe) = _paragraphs[p];
        var i = ps;
        if (i < pe && _text[i] is '-' or '–' or '—' or '•' or '*' or '.' or '+')
            i++;
        var colon = _text.IndexOf(':', i, Math.Min(pe - i, 160));
        if (colon < 0)
            return null;
        var nameEnd = colon;
        var bracket = _text.IndexOf('(', i, colon - i);
        if (bracket >= 0)
        {
            // "BS Hồng Anh (Giảng viên ..., ĐH Y Dược): ..." — the bracket must close right before the colon.
            if (_text.AsSpan(bracket, colon - bracket).TrimEnd() is not [.., ')'])
                return null;
            nameEnd = bracket;
        }
        var first = FirstSyllableAt(i);
        if (first >= _syl.Length || _text.AsSpan(i, _syl[first].Start - i).Trim().Length > 0)
            return null;
        var last = FirstSyllableAt(nameEnd) - 1;
        if (last < first || last - first + 1 > MaxLabelSyllables)
            return null;
        var between = _text.AsSpan(_syl[last].End, colon - _syl[last].End);
        if (bracket < 0 && between.Trim().Length > 0)
            return null;
        for (var k = first; k < last; k++)
        {
            // Inside the name only in-word dots and hyphens (TS.BS, ThS-BS): no comma, spaced dash or sentence end.
            if (!Adjacent(k) && !(_syl[k + 1].Start == _syl[k].End + 1 && _text[_syl[k].End] is '.' or '-'))
                return null;
        }
        var content = colon + 1;
        if (MatchAt(first, last + 1, 3, _lex.Marker("interviewer").Contains) > 0)
            return new TurnLabel(p, first, last, content, true);
        if (!_syl[last].Upper || _hits.Any(h => h.First >= first && h.Last <= last))
            return null;
        // "Đồng chí Võ Văn Kiệt:": an address of the labelhead marker before a whole person entity; the entity is the mention.
        if (MatchAt(first, last, 2, _lex.Marker("labelhead").Contains) is var h and > 0 && HasPersonEntity(first + h, last, exact: true))
            return new TurnLabel(p, first + h, last, content, false);
        var titled = (IsHonorific(first) || IsTitleHead(first)) && NameAfterHead(first, last);
        // An untitled label is a person entity as a whole (not `Vụ Lã Thị Kim Oanh`), of whole words (not `Bảng G`), named
        // again where it opens no paragraph (the lead introduces the interviewee; VNTC `Tuổi Mão: ...` is a horoscope).
        if (!titled && !(AllUpperRun(first, last) && HasPersonEntity(first, last, exact: true) && _syl[last].End - _syl[last].Start > 1
                         && NamedInText(_text[_syl[first].Start.._syl[last].End])))
            return null;
        return new TurnLabel(p, first, last, content, false);
    }

    /// <summary>The name occurs somewhere other than at the opening of a paragraph (after an optional dash).</summary>
    private bool NamedInText(string name)
    {
        for (var i = _text.IndexOf(name, StringComparison.Ordinal); i >= 0; i = _text.IndexOf(name, i + 1, StringComparison.Ordinal))
        {
            var before = _text.AsSpan(0, i).TrimEnd(" -–—•*.+\t");
            if (before.Length > 0 && before[^1] != '\n')
                return true;
        }
        return false;
    }

    /// <summary>Paragraph p asks a question: its last <c>?</c>, outside quotation marks, is followed by at most a short signature.</summary>
    private bool IsQuestion(int p)
    {
        var (ps, pe) = _paragraphs[p];
        var q = _text.LastIndexOf('?', pe - 1, pe - ps);
        return q >= 0 && SyllablesIn(q + 1, pe) <= 12 && !InsideQuotation(q, 0);
    }
}
