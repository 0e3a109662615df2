package analysis

import (
	"sort"
	"strings"
)

// attribution is what one sentence says about who is speaking: the cue
// (the reporting words) and the mention (the words that name the source).
type attribution struct {
	cue       span
	mention   span   // empty (start == end) when the source is not in the sentence
	loadedWhy string // why the cue judges the speaker; empty for a neutral cue
	relative  bool   // the cue sits in a relative clause: "an official who asked"
}

// findAttribution looks for the reporting cue of a sentence and the words
// that name its source. toks are the sentence's words outside quotes (the
// quotation marks stay, as punctuation). When the sentence holds quotes,
// edges are the offsets of their marks, and the cue nearest to them wins:
// it is the one that credits the quote.
func (w *attributionWords) findAttribution(toks []token, edges []int) (attribution, bool) {
	if len(toks) > 0 && toks[len(toks)-1].text == "?" {
		return attribution{}, false // "Do you know where the returns are?" asks; it reports no one
	}
	var verbs, marks []attribution // cues by reporting verb; by colon or dash
	for i, t := range toks {
		// A sentence that ends in a colon introduces the quote that follows.
		quoted := len(edges) > 0 || toks[len(toks)-1].text == ":"
		if a, ok := w.cueAt(toks, i, quoted); ok {
			verbs = append(verbs, a)
		} else if t.text == ":" && i+1 < len(toks) && isOpenMark(toks[i+1].text) && len(edges) > 0 {
			// "Ortiz scolded him: “…”": the subject of the sentence speaks.
			if m, ok := w.openingSubject(toks, i); ok {
				marks = append(marks, attribution{cue: span{t.start, t.end}, mention: m})
			}
		} else if isDash(t.text) && i > 0 && isCloseMark(toks[i-1].text) && i+1 < len(toks) && toks[i+1].upper {
			// “…” ― Ana Ortiz: a quote signed with a dash.
			if m, ok := w.nounPhraseRight(toks, i+1); ok {
				marks = append(marks, attribution{cue: span{t.start, t.end}, mention: m})
			}
		}
	}
	if m, ok := transcriptSpeaker(toks); ok {
		// "PENCE: Well, look, …" in a transcript: the speaker's words.
		return attribution{cue: span{toks[len(m)].start, toks[len(m)].end}, mention: span{m[0].start, m[len(m)-1].end}}, true
	}
	if main := mainClause(verbs); len(main) > 0 {
		verbs = main
	}
	if len(verbs) == 0 {
		verbs = marks
	}
	if len(verbs) == 0 {
		return attribution{}, false
	}
	// The cue right next to a quotation mark credits the quote; otherwise
	// the first cue is the main one.
	best := verbs[0]
	for _, a := range verbs {
		if d := distance(a, edges); d >= 0 && d <= 4 && (distance(best, edges) > d || distance(best, edges) < 0) {
			best = a
		}
	}
	return best, true
}

// transcriptSpeaker returns the name in capitals that opens a line of a
// transcript, before its colon: "PENCE:", "MS. ORTIZ:".
func transcriptSpeaker(toks []token) ([]token, bool) {
	for k := 0; k < len(toks) && k < 4; k++ {
		t := toks[k]
		if t.text == ":" && k > 0 {
			return toks[:k], true
		}
		if !t.word || t.text != strings.ToUpper(t.text) || !t.upper {
			break
		}
	}
	return nil, false
}

// mainClause leaves out the cues inside relative clauses.
func mainClause(cues []attribution) []attribution {
	var out []attribution
	for _, a := range cues {
		if !a.relative {
			out = append(out, a)
		}
	}
	return out
}

// cueAt reads the token at i as a reporting cue with its source, if it is
// one.
func (w *attributionWords) cueAt(toks []token, i int, quoted bool) (attribution, bool) {
	t := toks[i]
	if !t.word {
		return attribution{}, false
	}
	if t.lower == "according" && i+1 < len(toks) && toks[i+1].lower == "to" {
		m, ok := w.nounPhraseRight(toks, i+2)
		if mt := tokensIn(toks, m); ok && !mt[0].upper && !determiners[mt[0].lower] && !w.personLike(mt) &&
			!w.evidenceLike(mt) {
			return attribution{}, false // "varies according to size", "went according to plan"
		}
		return attribution{cue: span{t.start, toks[i+1].end}, mention: m}, ok
	}
	if a, ok := impersonal(toks, i); ok {
		return a, true
	}
	if a, ok := thereAre(toks, i); ok {
		return a, true
	}
	if t.lower == "put" && i+1 < len(toks) && toks[i+1].lower == "it" {
		// "As Ms. Simonyan put it, …", "Ortiz put it more gently."
		m, ok := w.sourceBefore(toks, i)
		return attribution{cue: span{t.start, toks[i+1].end}, mention: m}, ok && w.personLike(tokensIn(toks, m))
	}
	base, ok := w.verbs[t.lower]
	flags := w.flags[base]
	if !ok || !w.verbUse(toks, i, base) || flags.quote && !quoted || !w.reportsContent(toks, i, flags, quoted) {
		return attribution{}, false
	}
	if flags.noun && (t.lower == base || t.lower == base+"s" || t.lower == base+"es") && (!opensClause(toks, i+1) ||
		i+2 < len(toks) && toks[i+1].text == "," && relativeWords[toks[i+2].lower]) &&
		!(i > 0 && (toks[i-1].upper && !determiners[toks[i-1].lower] || pronouns[toks[i-1].lower])) {
		return attribution{}, false // "spurious claims about", "more questions go", "talk shows, whose hosts"
	}
	a := attribution{cue: span{t.start, t.end}, loadedWhy: w.loaded[t.lower]}
	for k := i - 1; k >= 0 && toks[k].word; k-- {
		if toks[k].lower == "who" {
			a.relative = true
		}
		if !skipBeforeCue[toks[k].lower] {
			break
		}
	}
	for _, find := range []func([]token, int) (span, bool){w.sourceBefore, w.sourceAfter} {
		m, ok := find(toks, i)
		if !ok {
			continue
		}
		mt := tokensIn(toks, m)
		nounForm := t.lower == base || t.lower == base+"s" || t.lower == base+"es"
		if (flags.mind || flags.person) && !w.personLike(mt) || flags.noun && nounForm && !w.personLike(mt) && !articles[mt[0].lower] && !w.evidenceLike(mt) ||
			flags.evidence && (!w.personLike(mt) || pluralOpening(toks, mt)) && !w.evidenceLike(mt) && !plainArticles[mt[0].lower] &&
				!(i+1 < len(toks) && toks[i+1].lower == "that") ||
			(mt[len(mt)-1].lower == "i" || mt[len(mt)-1].lower == "we") || w.noOne(mt) || subordinate(toks, mt, flags.mind) {
			// Things do not believe; "battleground states" is a noun;
			// replays show nothing the way a poll does; the writer's own "I
			// think" is the writer's voice, not a source, and "nobody",
			// "everyone" or the reader ("you") are no one who spoke; "what
			// they believe" is a thing, not a report.
			continue
		}
		if flags.object && !quoted && objectAfter(toks, i) && !w.evidenceLike(mt) {
			continue // "The company plans 200 new homes", "The team found a sponsor"
		}
		if m.end <= t.start && !quoted && noContent(toks, i, mt) {
			continue // "Only 40 people responded.": nothing is reported
		}
		a.mention = m
		return a, true
	}
	if strings.HasSuffix(t.lower, "ing") && i > 0 && toks[i-1].text == "," {
		// A participle with no subject of its own ("Trump attacked
		// Clinton, saying …") speaks for the first name of the sentence.
		for k := 0; k < i-1; k++ {
			if toks[k].upper && (k > 0 || !sentenceStarters[toks[k].lower] && !strings.HasSuffix(toks[k].lower, "ing")) ||
				pronouns[toks[k].lower] {
				if m, ok := w.nounPhraseRight(toks, k); ok && w.personLike(tokensIn(toks, m)) {
					a.mention = m
					return a, true
				}
			}
		}
	}
	return attribution{}, false
}

// distance is how far a cue and its mention lie from the nearest quotation
// mark, in bytes.
func distance(a attribution, edges []int) int {
	d := -1
	for _, x := range []int{a.cue.start, a.cue.end, a.mention.start, a.mention.end} {
		if x == 0 && a.mention.end == 0 {
			continue
		}
		// edges are in order: only the two around x can be nearest.
		k := sort.SearchInts(edges, x)
		for _, e := range edges[max(k-1, 0):min(k+1, len(edges))] {
			if v := abs(x - e); d < 0 || v < d {
				d = v
			}
		}
	}
	return d
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func isOpenMark(s string) bool {
	return s == "“" || s == "\"" || s == "‘" || s == "«" || s == "„" || s == "'"
}

func isDash(s string) bool { return s == "―" || s == "—" || s == "–" }

func isCloseMark(s string) bool { return s == "”" || s == "\"" || s == "’" || s == "»" }

// hypothetical modals before a verb of belief make it the writer's guess:
// "Republicans can hope", "as you would expect".
var hypothetical = wordSet(`can could may might would should must shall`)

// objectPronouns after "to" name whom a verb is addressed to: "wrote to her".
var objectPronouns = wordSet(`me him her us them it you`)

// reportsContent says whether the verb at i, by what stands around it, can
// report words or beliefs at all.
func (w *attributionWords) reportsContent(toks []token, i int, flags verbFlags, quoted bool) bool {
	next := func(k int) (token, bool) {
		if k < len(toks) {
			return toks[k], true
		}
		return token{}, false
	}
	if flags.mind {
		k := i - 1
		for k >= 0 && toks[k].word && adverb(toks[k]) {
			k--
		}
		if k >= 0 && hypothetical[toks[k].lower] {
			return false
		}
	}
	n, ok := next(i + 1)
	switch {
	case flags.that:
		return quoted || ok && (n.lower == "that" || n.text == ":" || isOpenMark(n.text))
	case quoted:
		return true
	case flags.to && ok && n.lower == "to":
		o, ok := next(i + 2)
		if !ok || !(objectPronouns[o.lower] || determiners[o.lower] || articles[o.lower] || o.upper) {
			return true
		}
		for _, t := range toks[i+2:] {
			if t.lower == "that" || t.text == ":" || isOpenMark(t.text) {
				return true
			}
		}
		return false
	}
	return true
}

// noContent says whether a cue that ends its sentence reports nothing: no
// clause before its source either ("Only 40 people responded.", against
// "The plan is rushed, critics say.").
func noContent(toks []token, i int, mention []token) bool {
	for _, t := range toks[i+1:] {
		if t.word {
			return false
		}
	}
	for _, t := range toks {
		if t.start >= mention[0].start {
			break
		}
		if !t.word {
			return false
		}
	}
	return true
}

// evidenceLike says whether a mention names a piece of evidence: "the new
// poll", "figures from the census", "a report released last year".
func (w *attributionWords) evidenceLike(m []token) bool {
	for _, h := range m {
		if w.evidence[h.lower] {
			return true
		}
	}
	return false
}

// noOne says whether a mention names no one who could have spoken:
// "nobody", "no one", "everyone", the reader's "you".
func (w *attributionWords) noOne(m []token) bool {
	switch len(m) {
	case 1:
		return w.nobody[m[0].lower]
	case 2:
		return w.nobody[m[0].lower+" "+m[1].lower]
	}
	return false
}

// pluralOpening says whether a one-word mention is a plural that opens the
// sentence ("Replays showed …"): a capital there is no sign of a name.
func pluralOpening(toks []token, m []token) bool {
	return len(m) == 1 && len(toks) > 0 && m[0].start == toks[0].start && len(m[0].lower) > 3 &&
		strings.HasSuffix(m[0].lower, "s") && !strings.HasSuffix(m[0].lower, "ss")
}

// plainArticles are the articles that may open the subject of a verb such as
// "show" when it names no evidence: "the debate revealed a gulf".
var plainArticles = wordSet(`the a an`)

// relativeWords open a relative clause after a noun: "talk shows, whose hosts …".
var relativeWords = wordSet(`who whose which whom`)

// clauseOpeners before a source put its cue in a clause that is not a
// report: "if they find", "than they want to say". "what" does so before a
// verb of belief ("what they believe to be"), not before speech ("what
// Ortiz called a rant" reports her words).
var clauseOpeners = wordSet(`if unless than whether`)

// subordinate says whether the mention m follows a word that makes its cue
// part of another clause (see clauseOpeners).
func subordinate(toks []token, m []token, mind bool) bool {
	for k := range toks {
		if toks[k].start == m[0].start {
			return k > 0 && (clauseOpeners[toks[k-1].lower] || mind && toks[k-1].lower == "what")
		}
	}
	return false
}

// hearsay are the participles of an impersonal report: "it is believed
// that …", "the minister is said to be furious".
var hearsay = wordSet(`said reported believed thought understood alleged rumoured rumored claimed`)

// impersonal reads the participle at i as a report with no one named: "it
// is understood that …" or "X is said to …". The words themselves are the
// source, a vague one.
func impersonal(toks []token, i int) (attribution, bool) {
	if !hearsay[toks[i].lower] || i == 0 || i+1 >= len(toks) {
		return attribution{}, false
	}
	k := i - 1
	for k > 0 && adverb(toks[k]) {
		k-- // "it is widely believed"
	}
	if k > 0 && toks[k].lower == "been" && (toks[k-1].lower == "has" || toks[k-1].lower == "have") {
		k-- // "it has been said"
	}
	if !passiveAux[toks[k].lower] && toks[k].lower != "has" {
		return attribution{}, false
	}
	next := toks[i+1]
	cue := span{toks[k].start, toks[i].end}
	switch {
	case k > 0 && toks[k-1].lower == "it" && (k-1 == 0 || !toks[k-2].word) && (next.lower == "that" || opensClause(toks, i+1)) && next.lower != "to":
		m := span{toks[k-1].start, toks[i].end}
		return attribution{cue: cue, mention: m}, true
	case next.lower == "to" && i+2 < len(toks) && toks[i+2].word && toks[k].lower != "has":
		m := span{toks[k].start, next.end}
		return attribution{cue: span{toks[k].start, next.end}, mention: m}, true
	}
	return attribution{}, false
}

// voiced are the nouns that report what unnamed people say or feel:
// "there are fears that …".
var voiced = wordSet(`fears concerns claims reports suggestions hopes worries rumours rumors speculation
allegations warnings complaints doubts fear concern hope suggestion`)

// thereAre reads "there are fears that …", "there have been growing
// concerns that …": a report whose source is left unnamed. The noun is the
// (vague) source.
func thereAre(toks []token, i int) (attribution, bool) {
	if !voiced[toks[i].lower] || i+1 >= len(toks) || toks[i+1].lower != "that" {
		return attribution{}, false
	}
	for k := i - 1; k >= 1 && k >= i-4; k-- {
		if toks[k-1].lower == "there" && (passiveAux[toks[k].lower] || toks[k].lower == "have" || toks[k].lower == "has" || toks[k].lower == "remain") {
			return attribution{cue: span{toks[k-1].start, toks[i].end}, mention: span{toks[i].start, toks[i].end}}, true
		}
		if !toks[k].word {
			break
		}
	}
	return attribution{}, false
}

// objectAfter says whether a number or "a"/"an" follows the verb at i: its
// object, not a clause.
func objectAfter(toks []token, i int) bool {
	if i+1 >= len(toks) {
		return false
	}
	n := toks[i+1]
	return n.word && n.text[0] >= '0' && n.text[0] <= '9' || n.lower == "a" || n.lower == "an"
}
