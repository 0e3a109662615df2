package analysis

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// assemble reads the sentences in order as a reader would: it resolves who
// each source is, gives each quote its speaker and kind, labels the
// sentences and sums the article up.
func (a *Analyzer) assemble(text string, drafts []draft, quotes []quoted) *Result {
	r := &Result{
		Analyzer:  AnalyzerInfo{Name: Name, Version: Version},
		Text:      text,
		Sentences: make([]Sentence, len(drafts)),
		Quotes:    make([]Quote, len(quotes)),
	}
	sources := a.resolveSources(text, drafts)
	a.buildQuotes(text, drafts, quotes, sources, r)
	for i := range drafts {
		r.Sentences[i] = a.label(text, &drafts[i], i, sources[i], r.Quotes)
		drafts[i].toks = nil // done with: let a long text's words go
	}
	r.Quotes = joinInterrupted(text, r.Quotes)
	r.Summary = a.words.summarize(r)
	return r
}

// resolveSources resolves each sentence's source mention to the name the
// article gives that source, in text order, learning the names as it goes.
func (a *Analyzer) resolveSources(text string, drafts []draft) []string {
	c := &cast{}
	out := make([]string, len(drafts))
	for i := range drafts {
		d := &drafts[i]
		// Names before the mention are known by the time it is read: in
		// "Ortiz said she …", she is Ortiz.
		before := 0
		for before < len(d.names) && d.hasAttr && d.names[before].end <= d.attr.mention.start {
			before++
		}
		c.meet(d.names[:before], i)
		if d.hasAttr && d.attr.mention.end > d.attr.mention.start {
			out[i] = c.resolve(a.words, text, tokensIn(d.toks, d.attr.mention), i)
		}
		c.meet(d.names[before:], i)
	}
	return out
}

// tokensIn returns the tokens of toks that lie inside s.
func tokensIn(toks []token, s span) []token {
	i := sort.Search(len(toks), func(i int) bool { return toks[i].start >= s.start })
	j := i
	for j < len(toks) && toks[j].end <= s.end {
		j++
	}
	return toks[i:j]
}

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
	if isTitle(text[q.start:q.end]) && !titleCase(drafts[sents[0]].toks) {
		return quoteTitle
	}
	s := drafts[sents[0]].span
	before := strings.TrimRightFunc(text[s.start:q.openMark.start], unicode.IsSpace)
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

// label gives a sentence its label, source, cue and signals.
func (a *Analyzer) label(text string, d *draft, index int, src string, quotes []Quote) Sentence {
	s := Sentence{Index: index, Start: d.start, End: d.end, Text: text[d.start:d.end], Paragraph: d.paragraph,
		Signals: d.signals}
	covered, speaker, cue := 0, "", ""
	partial := false
	for _, k := range d.quotes {
		q := quotes[k]
		switch q.Kind {
		case quoteTitle:
			continue
		case QuoteScare:
			s.Signals = append(s.Signals, Signal{Kind: SignalScareQuote, Text: q.Text, Start: q.Start, End: q.End,
				Why: "words put in quotation marks with no speaker: the writer keeps a distance from them"})
			continue
		case QuotePartial:
			partial = true
		}
		covered += min(q.End, d.end) - max(q.Start, d.start)
		if speaker == "" {
			speaker, cue = q.Speaker, q.Cue
		}
	}
	if d.hasAttr {
		cue = text[d.attr.cue.start:d.attr.cue.end]
		if src != "" {
			speaker = src
		}
	}
	// A sentence is a quote when quoted words fill most of it, or when all
	// that is not quoted is the short attribution: “No,” said the mayor.
	mostlyQuoted := covered*2 >= nonSpace(s.Text) || covered > 0 && !partial && wordsOutside(d.toks) <= 6
	switch {
	case mostlyQuoted && speaker != "" && !partial:
		s.Label, s.Confidence = LabelQuote, 0.9
	case mostlyQuoted:
		s.Label, s.Confidence = LabelQuote, 0.7
	case d.hasAttr && src != "":
		s.Label, s.Confidence = LabelAttributed, 0.8
	case partial && speaker != "":
		s.Label, s.Confidence = LabelAttributed, 0.7
	default:
		opinion, conf := a.voice.opinion(text, d.start, d.end, s.Signals)
		s.Label, s.Confidence = LabelReported, conf
		if opinion {
			s.Label = LabelOpinion
		}
		speaker, cue = "", ""
	}
	s.Source, s.Cue = speaker, cue
	s.Confidence = math.Round(s.Confidence*100) / 100
	sort.SliceStable(s.Signals, func(i, j int) bool { return s.Signals[i].Start < s.Signals[j].Start })
	if s.Signals == nil {
		s.Signals = []Signal{}
	}
	return s
}

// wordsOutside counts the words of a sentence outside its quotes.
func wordsOutside(toks []token) int {
	n := 0
	for _, t := range toks {
		if t.word {
			n++
		}
	}
	return n
}

func nonSpace(s string) int {
	n := 0
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		if !unicode.IsSpace(r) {
			n += size
		}
		s = s[size:]
	}
	return n
}

// sourceSignals flags the loaded reporting verb and the vague or anonymous
// source of a sentence.
func (w *attributionWords) sourceSignals(text string, d *draft) []Signal {
	var out []Signal
	if d.hasAttr && d.attr.loadedWhy != "" {
		c := d.attr.cue
		out = append(out, Signal{Kind: SignalLoadedAttribution, Text: text[c.start:c.end], Start: c.start, End: c.end,
			Why: d.attr.loadedWhy})
	}
	var mention []token
	if d.hasAttr {
		mention = tokensIn(d.toks, d.attr.mention)
	}
	for _, p := range w.anonymous {
		if s, ok := matchPhrase(d.toks, p, len(p) >= 3, mention); ok {
			out = append(out, Signal{Kind: SignalAnonymousSource, Text: text[s.start:s.end], Start: s.start, End: s.end,
				Why: "the source is kept unnamed, so readers cannot check who said it"})
			return out
		}
	}
	for _, p := range w.vague {
		if s, ok := matchPhrase(d.toks, p, len(p) >= 3, mention); ok {
			out = append(out, Signal{Kind: SignalVagueSource, Text: text[s.start:s.end], Start: s.start, End: s.end,
				Why: "a vague source: it does not say who exactly, so it cannot be checked"})
			return out
		}
	}
	return out
}

// matchPhrase finds the words of phrase in toks: anywhere when anywhere is
// set, else only as the first words of the source mention.
func matchPhrase(toks []token, phrase []string, anywhere bool, mention []token) (span, bool) {
	within := toks
	if !anywhere {
		within = mention
	}
	for i := 0; i+len(phrase) <= len(within); i++ {
		if !anywhere && i > 0 {
			break
		}
		if within[i].lower != phrase[0] {
			continue
		}
		ok := true
		for k, w := range phrase[1:] {
			if within[i+1+k].lower != w {
				ok = false
				break
			}
		}
		if ok {
			return span{within[i].start, within[i+len(phrase)-1].end}, true
		}
	}
	return span{}, false
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
