package analysis

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// buildQuotes gives each quote its kind, cue and speaker. A quote takes the
// cue of the sentence it ends in, else of the sentence it starts in; a quote
// with no cue inherits the speaker of the quote before it.
func (a *Analyzer) buildQuotes(text string, drafts []draft, quotes []quoted, sources []string, r *Result) {
	sentencesOf := make([][]int, len(quotes))
	for i, d := range drafts {
		for _, k := range d.quotes {
			sentencesOf[k] = append(sentencesOf[k], i)
		}
	}
	var last *Quote
	lastPara := -1
	for k, q := range quotes {
		out := Quote{Start: q.start, End: q.end, Text: text[q.start:q.end], MentionStart: -1, MentionEnd: -1,
			Sentences: sentencesOf[k], Parts: []Part{{q.start, q.end}}}
		if out.Sentences == nil {
			out.Sentences = []int{}
		}
		cueAt := -1
		for n := len(out.Sentences) - 1; n >= 0; n-- {
			if i := out.Sentences[n]; drafts[i].hasAttr && (cueAt < 0 || n == 0) {
				cueAt = i
			}
		}
		if first := sentencesOf[k]; cueAt < 0 && len(first) > 0 && first[0] > 0 {
			// “Caddell continued:” then the quote in a sentence of its own.
			if prev := drafts[first[0]-1]; prev.hasAttr && strings.HasSuffix(text[prev.start:prev.end], ":") {
				cueAt = first[0] - 1
			}
		}
		out.Kind = quoteKind(text, q, drafts, out.Sentences, cueAt >= 0)
		switch {
		case out.Kind == QuoteScare:
		case cueAt >= 0:
			d := drafts[cueAt]
			out.Cue = text[d.attr.cue.start:d.attr.cue.end]
			out.Speaker = sources[cueAt]
			if d.attr.mention.end > d.attr.mention.start {
				out.Mention = text[d.attr.mention.start:d.attr.mention.end]
				out.MentionStart, out.MentionEnd = d.attr.mention.start, d.attr.mention.end
			}
		case out.Kind == quoteTitle:
		case last != nil && len(out.Sentences) > 0 && inherits(out.Kind, drafts[out.Sentences[0]].paragraph-lastPara):
			out.Speaker = last.Speaker
		}
		r.Quotes[k] = out
		if out.Kind != QuoteScare && out.Kind != quoteTitle && len(out.Sentences) > 0 {
			last = &r.Quotes[k]
			lastPara = drafts[out.Sentences[len(out.Sentences)-1]].paragraph
		}
	}
}

// quoteTitle marks the quotation marks around a title ("Face the Nation"):
// a name, neither a quotation nor scare quotes. Such quotes are dropped.
const quoteTitle QuoteKind = "title"

// isTitle says whether quoted words look like the title of a work or show:
// two to eight words with no stop inside, at least two of them long, every
// long word capitalised.
func isTitle(s string) bool {
	s = strings.TrimRight(s, ",.;:!?")
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 8 || strings.ContainsAny(s, ".;:!?") {
		return false
	}
	long := 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if utf8.RuneCountInString(w) <= 3 {
			continue
		}
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
		long++
	}
	return long >= 2
}

// inherits says whether a quote with no cue takes the speaker of the quote
// before it, paragraphs back: a full quotation from the same or the next
// paragraph, a fragment only within its paragraph.
func inherits(kind QuoteKind, paragraphs int) bool {
	if kind == QuotePartial {
		return paragraphs == 0
	}
	return paragraphs <= 1
}

// quoteKind tells a full quotation from a fragment woven into the writer's
// sentence and from scare quotes.
func quoteKind(text string, q quoted, drafts []draft, sents []int, cued bool) QuoteKind {
	if len(sents) == 0 {
		return QuoteDirect
	}
	if isTitle(text[q.start:q.end]) && !drafts[sents[0]].headline {
		return quoteTitle
	}
	s := drafts[sents[0]].span
	before := "" // the words of the sentence before the opening mark
	if q.openMark.start > s.start {
		before = strings.TrimRightFunc(text[s.start:q.openMark.start], unicode.IsSpace)
	}
	if len(sents) > 1 || before == "" || strings.HasSuffix(before, ":") || strings.HasSuffix(before, ",") ||
		2*(q.end-q.start) >= s.end-s.start {
		return QuoteDirect
	}
	words := len(strings.Fields(text[q.start:q.end]))
	if strings.HasSuffix(strings.ToLower(before), "so-called") || !cued && words <= 3 {
		return QuoteScare
	}
	return QuotePartial
}

// joinInterrupted joins the parts of a quotation that its attribution
// interrupts: “We will,” she said. “Soon.” is one quote of hers.
func joinInterrupted(text string, quotes []Quote) []Quote {
	out := quotes[:0]
	for _, q := range quotes {
		if q.Kind == quoteTitle {
			continue
		}
		if n := len(out); n > 0 && interrupts(text, out[n-1], q) {
			p := &out[n-1]
			p.End, p.Text = q.End, text[p.Start:q.End]
			p.Parts = append(p.Parts, q.Parts...)
			for _, s := range q.Sentences {
				if s != p.Sentences[len(p.Sentences)-1] {
					p.Sentences = append(p.Sentences, s)
				}
			}
			continue
		}
		out = append(out, q)
	}
	return out
}

// interrupts says whether the only words between quotes p and q are the
// cue that credits them both, in one paragraph.
func interrupts(text string, p, q Quote) bool {
	if p.Kind != QuoteDirect || q.Kind != QuoteDirect || p.Cue == "" || q.Speaker != p.Speaker {
		return false
	}
	gap := text[p.End:q.Start]
	if strings.Contains(gap, "\n") || len(strings.Fields(gap)) > 40 {
		return false
	}
	return p.MentionStart >= p.End && p.MentionEnd <= q.Start
}
