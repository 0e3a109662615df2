package analysis

import (
	"bytes"
	"strings"
	"sync"
)

// span is a byte range [start, end) of the analysed text.
type span struct{ start, end int }

// writerVoice finds the signs of the writer's own voice: evaluative and
// loaded words, intensifiers, hedges, modals, first person, superlatives and
// rhetorical questions. The words and the lines a student reads come from
// the writer-*.txt lists in assets/lexicons. It is safe for concurrent use.
type writerVoice struct {
	lex     *voiceLexicon
	scratch sync.Pool // *voiceScan, reused so a sentence costs no allocation
}

func newWriterVoice() (*writerVoice, error) {
	lex, err := loadVoiceLexicon()
	if err != nil {
		return nil, err
	}
	w := &writerVoice{lex: lex}
	w.scratch.New = func() any { return new(voiceScan) }
	return w, nil
}

// signals returns the writer-voice signals in text[start:end], in order,
// skipping words that lie inside any skip range (quoted words belong to
// the speaker, not the writer).
func (w *writerVoice) signals(text string, start, end int, skip []span) []Signal {
	start, end = clampSpan(text, start, end)
	sc := w.scratch.Get().(*voiceScan)
	defer w.scratch.Put(sc)
	sc.scan(text, start, end, skip)
	var out []Signal
	for i := 0; i < len(sc.toks); {
		if sc.toks[i].skipped {
			i++
			continue
		}
		if sig, ok := possibleSuperlative(sc, text, i); ok {
			out = append(out, sig)
			i += 2
			continue
		}
		t, n := w.match(sc, text, i)
		if n == 0 {
			if sig, ok := w.degreeAdjective(sc, text, i); ok {
				out = append(out, sig)
			}
			i++
			continue
		}
		if t.weight > 0 && t.kind != reportAnchor && !sc.measureAfterRank(t, i) {
			out = append(out, w.signal(t, text, sc.toks[i].start, sc.toks[i+n-1].end))
		}
		i += n
	}
	if sig, ok := w.endMark(text, start, end, skip); ok {
		if sig.Text[0] == '?' {
			if alt, ok := alternative(sc, text); ok {
				out = append(out, alt)
			} else if neg, ok := negativeQuestion(sc, text); ok {
				out = append(out, neg)
			}
		}
		out = append(out, sig)
	}
	return out
}

// possibleSuperlative finds "-est possible" at word i ("the cheapest
// possible answer"): the writer ranking something at the extreme, whatever
// the adjective.
func possibleSuperlative(sc *voiceScan, text string, i int) (Signal, bool) {
	if i+1 >= len(sc.toks) || !sc.phrase(i, i+1) || string(sc.key(i+1, i+1)) != "possible" {
		return Signal{}, false
	}
	k := sc.key(i, i)
	if len(k) < 6 || !bytes.HasSuffix(k, []byte("est")) {
		return Signal{}, false
	}
	start, end := sc.toks[i].start, sc.toks[i+1].end
	return Signal{Kind: SignalSuperlative, Text: text[start:end], Start: start, End: end,
		Why: "'" + text[start:end] + "' ranks something as the extreme of its kind"}, true
}

// alternative finds the ", or" of a question that offers its own answers
// ("Is that a bus service, or a lottery?"): the writer arguing, not asking.
func alternative(sc *voiceScan, text string) (Signal, bool) {
	for i := 1; i < len(sc.toks); i++ {
		t := sc.toks[i]
		if t.skipped || t.joined || string(sc.key(i, i)) != "or" || sc.toks[i-1].skipped {
			continue
		}
		// Not joined: punctuation stands between the word before and "or".
		if between := text[sc.toks[i-1].end:t.start]; strings.TrimSpace(between) == "," {
			return Signal{Kind: SignalRhetorical, Text: text[t.start:t.end], Start: t.start, End: t.end,
				Why: "a question that offers its own answers: the writer argues instead of asking"}, true
		}
	}
	return Signal{}, false
}

func (w *writerVoice) signal(t voiceTerm, text string, start, end int) Signal {
	return Signal{Kind: t.kind, Text: text[start:end], Start: start, End: end, Why: t.why}
}

// match finds the longest term that starts at token i and returns it with
// the number of tokens it covers (0 when none).
func (w *writerVoice) match(sc *voiceScan, text string, i int) (voiceTerm, int) {
	longest := w.lex.longest[string(sc.key(i, i))]
	for n := min(longest, len(sc.toks)-i); n >= 1; n-- {
		if !sc.phrase(i, i+n-1) {
			continue
		}
		t, ok := w.lex.terms[string(sc.key(i, i+n-1))]
		if ok && (t.exact == "" || sc.sameCase(text, i, t.exact)) && (!t.first || i == 0 || i == 1 && openers[string(sc.key(0, 0))]) {
			return t, n
		}
	}
	if t, ok := w.lex.terms[string(sc.possessiveStem(i))]; ok && t.exact == "" && !t.first && t.words == 1 {
		return t, 1
	}
	return voiceTerm{}, 0
}

// openers may come before a term that must open its sentence: "And
// remember that …", "So consider …".
var openers = map[string]bool{"and": true, "but": true, "so": true, "now": true, "yet": true, "then": true}

// degreeHeads are the words that, before an adjective, make a superlative
// ("the most reckless") or boost it ("so reckless", "too costly"): a pattern
// no list can hold.
var degreeHeads = map[string]struct {
	kind SignalKind
	why  string
}{
	"most":  {SignalSuperlative, "' ranks something as the extreme of its kind"},
	"least": {SignalSuperlative, "' ranks something as the extreme of its kind"},
	"so":    {SignalIntensifier, "' boosts the claim instead of just stating it"},
	"too":   {SignalIntensifier, "' judges something as beyond what is right"},
	"more":  {SignalEvaluative, "' compares and judges instead of just stating"},
	"less":  {SignalEvaluative, "' compares and judges instead of just stating"},
}

// degreeAdjective finds a degree head ("most", "so") before an adjective.
func (w *writerVoice) degreeAdjective(sc *voiceScan, text string, i int) (Signal, bool) {
	head, ok := degreeHeads[string(sc.key(i, i))]
	if !ok || i+1 >= len(sc.toks) || !sc.phrase(i, i+1) {
		return Signal{}, false
	}
	next := sc.key(i+1, i+1)
	t, known := w.lex.terms[string(next)]
	if !(known && t.kind == SignalEvaluative) && !looksAdjective(next) {
		return Signal{}, false
	}
	start, end := sc.toks[i].start, sc.toks[i+1].end
	why := "'" + string(sc.key(i, i+1)) + head.why
	return Signal{Kind: head.kind, Text: text[start:end], Start: start, End: end, Why: why}, true
}

// adjectiveEndings are the suffixes of words that look like adjectives, so
// that "most dangerous" is a superlative but "most people" a quantity.
var adjectiveEndings = []string{"ous", "ive", "ful", "able", "ible", "al", "ic", "ant", "ent", "less", "ary", "ing", "ed"}

func looksAdjective(w []byte) bool {
	for _, e := range adjectiveEndings {
		if len(w) > len(e)+2 && bytes.HasSuffix(w, []byte(e)) {
			return true
		}
	}
	return false
}

// endMark finds a question or exclamation mark that ends the sentence
// outside any quotation: the writer asking or exclaiming.
func (w *writerVoice) endMark(text string, start, end int, skip []span) (Signal, bool) {
	j := end
	for j > start && isSpaceByte(text[j-1]) {
		j--
	}
	i := j
	for i > start && (text[i-1] == '?' || text[i-1] == '!') {
		i--
	}
	if i == j || overlapsAny(skip, i, j) {
		return Signal{}, false
	}
	t, ok := w.lex.terms[text[j-1:j]]
	if !ok || t.weight == 0 {
		return Signal{}, false
	}
	return w.signal(t, text, i, j), true
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// clampSpan keeps a range inside the text so that bad offsets from a caller
// cannot make a slice panic.
func clampSpan(text string, start, end int) (int, int) {
	end = min(max(end, 0), len(text))
	start = min(max(start, 0), end)
	return start, end
}

// negativeQuestion finds the auxiliary of a question that opens with a
// negative ("Isn't that the point?", "Shouldn't the council pay?"): it
// expects the answer yes, so the writer is arguing, not asking.
func negativeQuestion(sc *voiceScan, text string) (Signal, bool) {
	if len(sc.toks) < 2 || sc.toks[0].skipped || !bytes.HasSuffix(sc.key(0, 0), []byte("n't")) {
		return Signal{}, false
	}
	t := sc.toks[0]
	return Signal{Kind: SignalRhetorical, Text: text[t.start:t.end], Start: t.start, End: t.end,
		Why: "a question that expects the answer yes: the writer argues instead of asking"}, true
}
