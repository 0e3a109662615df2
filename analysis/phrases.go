package analysis

import "strings"

// function words that cannot end a noun phrase naming a source.
var notSource = wordSet(`that which who whom whose and or but because if when while as than to in on at by
with without during under over about into per is are was were be been being not no also has have had will would
could can may might must should shall do does did it's there here this these those then so such very just
only even still however although though since after before until where what why how him them us me her`)

// determiners start a noun phrase.
var determiners = wordSet(`the a an his her their its our my your this these those some many several
two three four five six seven eight nine ten few most all both each every other another one`)

// articles open a noun phrase that can be the subject of a verb that is
// also a noun: "the report shows", "its study found".
var articles = wordSet(`the a an this that these those its his her their our my your`)

// skipBeforeCue are the adverbs and auxiliaries that may stand between a
// source and its reporting verb: "X has also said", "X later told".
var skipBeforeCue = wordSet(`also has have had will would could may might later previously recently repeatedly
publicly privately once then again earlier further often never not did does do already first last
reportedly simply flatly quickly immediately frequently separately similarly long still all both
didn't doesn't don't won't wouldn't can't couldn't hasn't haven't hadn't isn't wasn't
didn’t doesn’t don’t won’t wouldn’t can’t couldn’t hasn’t haven’t hadn’t isn’t wasn’t`)

var pronouns = wordSet(`he she they it i we you`)

// timeWords after a cue are not its inverted subject: "said Tuesday".
var timeNouns = wordSet(`week month year morning afternoon evening night weekend monday tuesday wednesday
thursday friday saturday sunday`)

var timeWords = wordSet(`monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
on in at last this earlier later recently on during after before when while that in`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// openingSubject returns the noun phrase that opens the sentence, before
// token i, when it is a name, a pronoun or a phrase with a determiner.
func (w *attributionWords) openingSubject(toks []token, i int) (span, bool) {
	// The subject opens the sentence or its main clause, after an opening
	// phrase set off by a comma ("Once in my twenties, when …, I laughed").
	for k := i - 1; k >= 0; k-- {
		if k > 0 && toks[k-1].text != "," {
			continue
		}
		t := toks[k]
		switch {
		case !t.word:
		case pronouns[t.lower]:
			return span{t.start, t.end}, true
		case t.upper && !(sentenceStarters[t.lower] && !determiners[t.lower]):
			if m, ok := w.nounPhraseRight(toks, k); ok {
				return m, true
			}
		}
	}
	return span{}, false
}

// sourceBefore finds the subject of the cue at i to its left: "the mayor
// said", "Ortiz, a spokeswoman for the agency, said".
func (w *attributionWords) sourceBefore(toks []token, i int) (span, bool) {
	j := i - 1
	ing := strings.HasSuffix(toks[i].lower, "ing")
	for j >= 0 && toks[j].word && (skipBeforeCue[toks[j].lower] || adverb(toks[j]) || ing && passiveAux[toks[j].lower]) {
		j--
	}
	if j > 0 && timeNouns[toks[j].lower] && (toks[j-1].lower == "this" || toks[j-1].lower == "last" || toks[j-1].lower == "on") {
		j -= 2 // "Trump this week said"
		for j >= 0 && toks[j].word && skipBeforeCue[toks[j].lower] {
			j--
		}
	}
	j = skipBrackets(toks, j)
	if j < 0 {
		return span{}, false
	}
	switch {
	case toks[j].lower == "and" || toks[j].lower == "but":
		// "Cruz urged … and said": the subject of the sentence.
		return w.openingSubject(toks, j)
	case toks[j].lower == "whom" && j >= 3 && toks[j-1].lower == "of" && quantifiers[toks[j-2].lower]:
		// "… family members, many of whom say …": the noun before the comma.
		k := j - 3
		if toks[k].text == "," {
			k--
		}
		return w.nounPhraseLeft(toks, skipBrackets(toks, k), false)
	case toks[j].lower == "who" || toks[j].lower == "which":
		// "Cruz endorsed Trump, who says he is honoured."
		k := j - 1
		if k >= 0 && toks[k].text == "," {
			k--
		}
		return w.nounPhraseLeft(toks, skipBrackets(toks, k), true)
	case toks[j].text == "," || isDash(toks[j].text) || toks[j].text == "--":
		// An apposition or relative clause between commas: skip it.
		k := j - 1
		for k >= 0 && k > j-20 && toks[k].text != toks[j].text && (toks[k].word || !isOpenMark(toks[k].text) && !isCloseMark(toks[k].text)) {
			k--
		}
		if k > 0 && toks[k].text == toks[j].text && k < j-1 {
			if toks[k+1].upper && !toks[k-1].upper {
				// "The board's chief chemist, Dr. Anselm Kovac, said": the
				// name set off by commas is the source.
				return w.nounPhraseRight(toks, k+1)
			}
			if m, ok := w.nounPhraseLeft(toks, skipBrackets(toks, k-1), true); ok {
				return m, true
			}
		}
		// A long description: the subject opens the sentence ("Dr. Ana
		// Ortiz, who as a Navy captain was …, said").
		return w.openingName(toks, j)
	}
	if loneSources[toks[j].lower] && (j == 0 || !toks[j-1].word || toks[j-1].lower == "but" || toks[j-1].lower == "and") {
		return span{toks[j].start, toks[j].end}, true // "Some say …", "Many argue …"
	}
	// "An official who asked not to be named said": skip the relative
	// clause.
	for k := j; k > 0 && k > j-16 && toks[k].word; k-- {
		if toks[k].lower == "who" && toks[k-1].word {
			return w.nounPhraseLeft(toks, k-1, false)
		}
	}
	return w.nounPhraseLeft(toks, j, false)
}

// openingName returns the name that opens a sentence and is set off by a
// comma or dash before token j.
func (w *attributionWords) openingName(toks []token, j int) (span, bool) {
	k := 0
	for k < j && k < 12 && (toks[k].upper || nameParticles[toks[k].lower] && k > 0) {
		k++
	}
	if k == 0 || k >= j || toks[k].word || k == 1 && sentenceStarters[toks[0].lower] {
		return span{}, false
	}
	return w.nounPhraseLeft(toks, skipBrackets(toks, k-1), true)
}

// skipBrackets steps left over a bracketed group that ends at token j:
// "Rep. Gwen Moore (D-Wis.) said".
func skipBrackets(toks []token, j int) int {
	if j < 1 || toks[j].text != ")" {
		return j
	}
	for k := j - 1; k > 0 && k > j-8; k-- {
		if toks[k].text == "(" {
			return k - 1
		}
	}
	return j
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
	// "Those close to the mayor", "people familiar with the talks".
	if k := start - 2; !named && k > 0 && (toks[k].lower == "close" && toks[k+1].lower == "to" ||
		toks[k].lower == "familiar" && toks[k+1].lower == "with") && toks[k-1].word &&
		(!notSource[toks[k-1].lower] || determiners[toks[k-1].lower]) {
		return span{toks[k-1].start, toks[j].end}, true
	}
	// A group placed by a preposition: "some people on the east bank",
	// "residents near the plant".
	if k := start - 1; !named && k > 0 && places[toks[k].lower] && !ofLike[toks[k].lower] && toks[k-1].word &&
		!notSource[toks[k-1].lower] {
		if m, ok := w.nounPhraseLeft(toks, k-1, false); ok && (w.personLike(tokensIn(toks, m)) || w.evidenceLike(tokensIn(toks, m))) {
			return span{m.start, toks[j].end}, true
		}
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
	// Inversion follows a quote or a comma: "…,” said X" / ", says X." A
	// participle is never inverted, and a pronoun only at the end: "said he."
	if i == 0 || toks[i-1].word || strings.HasSuffix(toks[i].lower, "ing") {
		return span{}, false
	}
	if pronouns[toks[j].lower] && j+1 < len(toks) && toks[j+1].word {
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
		if toks[j].upper && !determiners[toks[j].lower] && !t.upper && !ofLike[t.lower] {
			break // a name ends at the first lower-case word
		}
		end = k
	}
	for end > j && ofLike[toks[end].lower] {
		end--
	}
	return span{toks[j].start, toks[end].end}, true
}

// peopleNoun says whether a plural looks like a word for people:
// "environmentalists", "physicians", "bakers", "senators".
func peopleNoun(w string) bool {
	for _, suf := range []string{"ists", "ians", "ers", "ors"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 && !thingsNotPeople[w] {
			return true
		}
	}
	return false
}

var thingsNotPeople = wordSet(`numbers papers orders letters matters waters borders centers powers layers
factors errors colors colours floors doors mirrors sectors motors rumors rumours figures
answers computers shelters towers markets offers quarters headquarters`)

// personLike says whether a mention names someone who can believe or want
// things: a name, a pronoun, a role or a word for people.
func (w *attributionWords) personLike(m []token) bool {
	if len(m) == 0 {
		return false
	}
	if len(m) == 1 && loneSources[m[0].lower] {
		return true
	}
	for _, h := range heads(m) {
		head := h.lower
		if pronouns[head] && head != "it" || w.roles[strings.TrimSuffix(head, ".")] || w.people[head] || w.orgs[head] ||
			peopleNoun(head) {
			return true
		}
	}
	// A name ends the mention: "Mayor Lena Varga", not "Heavy rains".
	last := m[len(m)-1]
	return last.upper && !(len(m) == 1 && sentenceStarters[last.lower])
}

// places are the prepositions that tie a place or group to a noun:
// "some people on the east bank", "residents near the plant".
var places = wordSet(`in on at near around across along inside outside from of for`)

// heads returns the words that can head a mention: its last word and, when
// a prepositional phrase follows the noun, the word before it ("people" in
// "some people on the east bank", "head" in "the head of the agency").
func heads(m []token) []token {
	out := []token{m[len(m)-1]}
	for k := 1; k < len(m); k++ {
		if places[m[k].lower] {
			return append(out, m[k-1])
		}
	}
	return out
}

// quantifiers open "many of whom", "some of whom".
var quantifiers = wordSet(`many some most all several few none both each`)

// loneSources are the words that stand alone for a group of people that
// speaks or believes: "Some say …", "Many argue …", "Others disagree".
var loneSources = wordSet(`some many others most several few`)
