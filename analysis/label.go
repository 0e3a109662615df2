package analysis

import (
	"math"
	"sort"
	"unicode"
	"unicode/utf8"
)

// label gives a sentence its label, source, cue and signals.
func (a *Analyzer) label(text string, d *draft, index int, src string, quotes []Quote) Sentence {
	s := Sentence{Index: index, Start: d.start, End: d.end, Text: text[d.start:d.end], Paragraph: d.paragraph,
		Signals: d.signals}
	covered, speaker, cue := 0, "", ""
	partial, framing := false, false
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
		case QuoteDirect:
			framing = framing || onlyMarks(text[d.start:max(q.Start, d.start)]) || onlyMarks(text[min(q.End, d.end):d.end])
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
	// A sentence is a quote when quoted words fill most of it, when all
	// that is not quoted is a short attribution (“No,” said the mayor.), or
	// when a full quotation opens or closes it and the rest is its cue
	// (‘People vote with their cars,’ Whitfield told the paper in May.).
	mostlyQuoted := covered*2 >= nonSpace(s.Text) || covered > 0 && !partial && (d.words <= 6 || framing && d.hasAttr)
	// Confidence: surest when the sentence names its own speaker, less so
	// when the speaker is inherited or only described.
	switch {
	case mostlyQuoted && d.hasAttr && !partial:
		s.Label, s.Confidence = LabelQuote, 0.95
	case mostlyQuoted && speaker != "" && !partial:
		s.Label, s.Confidence = LabelQuote, 0.85
	case mostlyQuoted:
		s.Label, s.Confidence = LabelQuote, 0.7
	case d.hasAttr && src != "" && a.words.named(src):
		s.Label, s.Confidence = LabelAttributed, 0.85
	case d.hasAttr && src != "":
		s.Label, s.Confidence = LabelAttributed, 0.75
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

// onlyMarks says whether s holds nothing but quotation marks, punctuation
// and space: the quote reaches that end of its sentence.
func onlyMarks(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) && !unicode.IsPunct(r) {
			return false
		}
	}
	return true
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
func (w *attributionWords) sourceSignals(text string, d *draft, toks []token) []Signal {
	var out []Signal
	if d.hasAttr && d.attr.loadedWhy != "" {
		c := d.attr.cue
		out = append(out, Signal{Kind: SignalLoadedAttribution, Text: text[c.start:c.end], Start: c.start, End: c.end,
			Why: d.attr.loadedWhy})
	}
	mention := d.mention
	for _, p := range w.anonymous {
		if s, ok := matchPhrase(toks, p, len(p) >= 3, mention); ok {
			out = append(out, Signal{Kind: SignalAnonymousSource, Text: text[s.start:s.end], Start: s.start, End: s.end,
				Why: "the source is kept unnamed, so readers cannot check who said it"})
			return out
		}
	}
	for _, p := range w.vague {
		if s, ok := matchPhrase(toks, p, len(p) >= 3, mention); ok {
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
