package analysis

import (
	"strings"
)

// attribution is what one sentence says about who is speaking: the cue
// (the reporting words) and the mention (the words that name the source).
type attribution struct {
	cue       span
	mention   span // empty (start == end) when the source is not in the sentence
	base      string
	loadedWhy string // why the cue judges the speaker; empty for a neutral cue
}

// function words that cannot end a noun phrase naming a source.
var notSource = wordSet(`that which who whom whose and or but because if when while as than to in on at by
with without during under over about into per is are was were be been being not no also has have had will would
could can may might must should shall do does did it's there here this these those then so such very just
only even still however although though since after before until where what why how him them us me her`)

// determiners start a noun phrase.
var determiners = wordSet(`the a an his her their its our my your this these those some many several
two three four five six seven eight nine ten few most all both each every other another one`)

// skipBeforeCue are the adverbs and auxiliaries that may stand between a
// source and its reporting verb: "X has also said", "X later told".
var skipBeforeCue = wordSet(`also has have had will would could may might later previously recently repeatedly
publicly privately once then again earlier further often never not did does do already first last
reportedly simply flatly quickly immediately frequently separately similarly long`)

// passive auxiliaries before a participle make it no cue: "is expected".
var passiveAux = wordSet(`is are was were be been being`)

var pronouns = wordSet(`he she they it i we you`)

// timeWords after a cue are not its inverted subject: "said Tuesday".
var timeWords = wordSet(`monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
on in at last this earlier later recently on during after before when while that in`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// findAttribution looks for the reporting cue of a sentence and the words
// that name its source. toks are the sentence's words outside quotes, with
// each quote standing as one punctuation token.
func (w *attributionWords) findAttribution(toks []token) (attribution, bool) {
	var fallback attribution
	found := false
	for i, t := range toks {
		if !t.word {
			continue
		}
		if t.lower == "according" && i+1 < len(toks) && toks[i+1].lower == "to" {
			if m, ok := w.nounPhraseRight(toks, i+2); ok {
				return attribution{cue: span{t.start, toks[i+1].end}, mention: m, base: "according to"}, true
			}
			continue
		}
		base, ok := w.verbs[t.lower]
		if !ok || !w.verbUse(toks, i, base) {
			continue
		}
		a := attribution{cue: span{t.start, t.end}, base: base, loadedWhy: w.loaded[t.lower]}
		if m, ok := w.sourceBefore(toks, i); ok {
			a.mention = m
			return a, true
		}
		if m, ok := w.sourceAfter(toks, i); ok {
			a.mention = m
			return a, true
		}
		if !found && strings.HasSuffix(t.lower, "ing") && len(toks) > 0 && (toks[0].upper || pronouns[toks[0].lower]) {
			// A participle with no subject of its own ("…, saying the
			// plan was rushed") speaks for the subject of the sentence.
			if m, ok := w.nounPhraseRight(toks, 0); ok {
				a.mention = m
				fallback, found = a, true
			}
		}
	}
	return fallback, found
}

// verbUse says whether the word at i is used as a verb, not as a noun ("the
// reports", "a plan") or as a passive participle ("is expected").
func (w *attributionWords) verbUse(toks []token, i int, base string) bool {
	t := toks[i]
	if t.upper && i > 0 {
		return false // a name: "Said", "Hope"
	}
	if i > 0 {
		prev := toks[i-1].lower
		if determiners[prev] || prev == "of" || prev == "to" {
			return false
		}
		if passiveAux[prev] && t.lower != base && !strings.HasSuffix(t.lower, "ing") && t.lower != "quoted" {
			return false
		}
	}
	if i+1 < len(toks) && toks[i+1].lower == "by" {
		return false // "described by", "told by"
	}
	if t.lower == base && base != "say" && base != "tell" {
		// A bare base form is a verb after a pronoun, a modal or a plural
		// subject ("critics say", "experts warn"), not a noun.
		if i == 0 {
			return false
		}
		prev := toks[i-1]
		return pronouns[prev.lower] && prev.lower != "he" && prev.lower != "she" && prev.lower != "it" ||
			modals[prev.lower] || prev.word && strings.HasSuffix(prev.lower, "s") && !notSource[prev.lower]
	}
	return true
}

var modals = wordSet(`will would could can may might must should shall did do does`)

// sourceBefore finds the subject of the cue at i to its left: "the mayor
// said", "Ortiz, a spokeswoman for the agency, said".
func (w *attributionWords) sourceBefore(toks []token, i int) (span, bool) {
	j := i - 1
	for j >= 0 && toks[j].word && skipBeforeCue[toks[j].lower] {
		j--
	}
	if j < 0 {
		return span{}, false
	}
	if toks[j].text == "," {
		// An apposition or relative clause between commas: skip it.
		k := j - 1
		for k >= 0 && k > j-20 && toks[k].text != "," && toks[k].word {
			k--
		}
		if k < 0 || toks[k].text != "," || k == j-1 {
			return span{}, false
		}
		return w.nounPhraseLeft(toks, k-1, true)
	}
	return w.nounPhraseLeft(toks, j, false)
}

// nounPhraseLeft collects the noun phrase that ends at token j.
func (w *attributionWords) nounPhraseLeft(toks []token, j int, named bool) (span, bool) {
	if j < 0 || !toks[j].word || notSource[toks[j].lower] || determiners[toks[j].lower] {
		return span{}, false
	}
	start := j
	for k := j - 1; k >= 0 && k > j-8; k-- {
		t := toks[k]
		if !t.word || notSource[t.lower] && !determiners[t.lower] || w.verbs[t.lower] != "" && !t.upper {
			break
		}
		start = k
	}
	// Start at the last determiner that opens a phrase ("On Monday the
	// council" → "the council"), unless it follows of/for ("head of the
	// agency").
	for k := j; k > start; k-- {
		if determiners[toks[k].lower] && !ofLike[toks[k-1].lower] {
			start = k
			break
		}
	}
	for start < j && ofLike[toks[start].lower] {
		start++
	}
	if named && !toks[start].upper && !determiners[toks[start].lower] && !pronouns[toks[start].lower] {
		return span{}, false
	}
	return span{toks[start].start, toks[j].end}, true
}

var ofLike = wordSet(`of for from at`)

// sourceAfter finds an inverted subject: "said Caddell", "said the mayor".
func (w *attributionWords) sourceAfter(toks []token, i int) (span, bool) {
	j := i + 1
	if j >= len(toks) || !toks[j].word || timeWords[toks[j].lower] {
		return span{}, false
	}
	// Inversion follows a quote or a comma: "…,” said X" / ", says X."
	if i == 0 || toks[i-1].word {
		return span{}, false
	}
	return w.nounPhraseRight(toks, j)
}

// nounPhraseRight collects the noun phrase that starts at token j: a name
// ("Dana Ortiz"), or a determiner and what follows ("the city's lawyer").
func (w *attributionWords) nounPhraseRight(toks []token, j int) (span, bool) {
	if j >= len(toks) || !toks[j].word || notSource[toks[j].lower] && !determiners[toks[j].lower] {
		return span{}, false
	}
	end := j
	for k := j + 1; k < len(toks) && k < j+8; k++ {
		t := toks[k]
		if !t.word || notSource[t.lower] || timeWords[t.lower] || w.verbs[t.lower] != "" && !t.upper {
			break
		}
		if toks[j].upper && !t.upper && !ofLike[t.lower] {
			break // a name ends at the first lower-case word
		}
		end = k
	}
	for end > j && ofLike[toks[end].lower] {
		end--
	}
	return span{toks[j].start, toks[end].end}, true
}
