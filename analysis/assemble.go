package analysis

import "sort"

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
			out[i] = c.resolve(a.words, text, d.mention, i)
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
