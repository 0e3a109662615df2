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
	relative  bool   // the cue sits in a relative clause: "an official who asked"
}

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

// passive auxiliaries before a participle make it no cue: "is expected".
var passiveAux = wordSet(`is are was were be been being isn't aren't wasn't weren't isn’t aren’t wasn’t weren’t`)

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
				marks = append(marks, attribution{cue: span{t.start, t.end}, mention: m, base: ":"})
			}
		} else if isDash(t.text) && i > 0 && isCloseMark(toks[i-1].text) && i+1 < len(toks) && toks[i+1].upper {
			// “…” ― Ana Ortiz: a quote signed with a dash.
			if m, ok := w.nounPhraseRight(toks, i+1); ok {
				marks = append(marks, attribution{cue: span{t.start, t.end}, mention: m, base: "―"})
			}
		}
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
		return attribution{cue: span{t.start, toks[i+1].end}, mention: m, base: "according to"}, ok
	}
	base, ok := w.verbs[t.lower]
	flags := w.flags[base]
	if !ok || !w.verbUse(toks, i, base) || flags.quote && !quoted {
		return attribution{}, false
	}
	if flags.noun && (t.lower == base || t.lower == base+"s" || t.lower == base+"es") && !opensClause(toks, i+1) &&
		!(i > 0 && (toks[i-1].upper || pronouns[toks[i-1].lower])) {
		return attribution{}, false // "spurious claims about", "more questions go"
	}
	a := attribution{cue: span{t.start, t.end}, base: base, loadedWhy: w.loaded[t.lower]}
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
		if (flags.mind || flags.person) && !w.personLike(mt) || flags.noun && nounForm && !w.personLike(mt) && !articles[mt[0].lower] ||
			len(mt) == 1 && (mt[0].lower == "i" || mt[0].lower == "we") {
			// Things do not believe; "battleground states" is a noun; the
			// writer's own "I think" is the writer's voice, not a source.
			continue
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
	for _, e := range edges {
		for _, x := range []int{a.cue.start, a.cue.end, a.mention.start, a.mention.end} {
			if x == 0 && a.mention.end == 0 {
				continue
			}
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

// openingSubject returns the noun phrase that opens the sentence, before
// token i, when it is a name, a pronoun or a phrase with a determiner.
func (w *attributionWords) openingSubject(toks []token, i int) (span, bool) {
	if i == 0 || !toks[0].word || !(toks[0].upper || pronouns[toks[0].lower]) {
		return span{}, false
	}
	if pronouns[toks[0].lower] {
		return span{toks[0].start, toks[0].end}, true
	}
	return w.nounPhraseRight(toks, 0)
}

func isDash(s string) bool { return s == "―" || s == "—" || s == "–" }

func isCloseMark(s string) bool { return s == "”" || s == "\"" || s == "’" || s == "»" }

// verbUse says whether the word at i is used as a verb, not as a noun ("the
// reports", "a plan") or as a passive participle ("is expected").
func (w *attributionWords) verbUse(toks []token, i int, base string) bool {
	t := toks[i]
	if t.upper && i > 0 && !titleCase(toks) {
		return false // a name: "Said", "Hope"
	}
	if i > 0 {
		prev := toks[i-1].lower
		if determiners[prev] || prev == "of" || prev == "to" {
			return false
		}
		participle := t.lower != base && !strings.HasSuffix(t.lower, "ing") && t.lower != "quoted"
		if participle && (passiveAux[prev] || i > 1 && passiveAux[toks[i-2].lower] && adverbLike(prev)) {
			return false // "is expected", "is best understood"
		}
	}
	if i+1 < len(toks) && (toks[i+1].lower == "by" || particles[base+" "+toks[i+1].lower]) {
		return false // "described by", "called in the troops", "believes in"
	}
	if strings.HasSuffix(t.lower, "ing") && t.lower != base && !progressiveOrClause(toks, i) {
		return false // "all Scots writing prose", "a stark warning"
	}
	if (strings.HasSuffix(t.lower, "en") || strings.HasSuffix(t.lower, "wn")) && t.lower != base && !perfect(toks, i) {
		return false // "the word written on his hand"
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

// progressiveOrClause says whether the participle at i is a verb: after
// "is", "were", "been" …, or after a comma as a clause of its own
// ("…, saying the plan was rushed").
func progressiveOrClause(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch {
		case passiveAux[toks[k].lower] || toks[k].text == "," || toks[k].text == ":" || isDash(toks[k].text):
			return true
		case !toks[k].word || !adverbLike(toks[k].lower) && !skipBeforeCue[toks[k].lower]:
			return false
		}
	}
	return i == 0
}

// perfect says whether a participle such as "written" follows "has",
// "had", "have" or a form of "be".
func perfect(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch l := toks[k].lower; {
		case l == "has" || l == "have" || l == "had" || passiveAux[l]:
			return true
		case !toks[k].word || !adverbLike(l) && !skipBeforeCue[l]:
			return false
		}
	}
	return false
}

var modals = wordSet(`will would could can may might must should shall did do does didn't doesn't don't won't
wouldn't can't couldn't didn’t doesn’t don’t won’t wouldn’t can’t couldn’t`)

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
	for k < j && (toks[k].upper || nameParticles[toks[k].lower] && k > 0) {
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

// titleCase says whether most words of a sentence are capitalised, as in a
// headline: "Retired General Reveals Experience".
func titleCase(toks []token) bool {
	words, upper := 0, 0
	for _, t := range toks {
		if t.word && len(t.text) > 3 {
			words++
			if t.upper {
				upper++
			}
		}
	}
	return words >= 3 && upper*4 >= words*3
}

// particles that turn a reporting verb into another verb.
var particles = wordSet(`call_in call_off call_up call_out call_back believe_in show_up show_off find_out
point_out_of plan_on want_for`)

func init() {
	for k := range particles {
		particles[strings.ReplaceAll(k, "_", " ")] = true
	}
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

// adverb says whether a lower-case word is an -ly adverb ("increasingly"),
// not one of the nouns that end the same way ("the family said").
func adverb(t token) bool {
	return !t.upper && len(t.lower) > 4 && strings.HasSuffix(t.lower, "ly") && !lyNouns[t.lower]
}

var lyNouns = wordSet(`family assembly supply ally rally bully daily weekly monthly quarterly anomaly monopoly
homily italy july lily belly jelly`)

func adverbLike(w string) bool {
	return strings.HasSuffix(w, "ly") || w == "best" || w == "well" || w == "now" || w == "also" || w == "not"
}

// opensClause says whether the token at i can begin what a reporting verb
// reports: "claims that", "says the", "questions whether", "notes: “…”".
func opensClause(toks []token, i int) bool {
	if i >= len(toks) {
		return true // "…, the study shows"
	}
	t := toks[i]
	switch {
	case !t.word:
		return t.text == "," || t.text == ":" || t.text == "." || isOpenMark(t.text)
	case t.upper, determiners[t.lower], pronouns[t.lower], clauseWords[t.lower]:
		return true
	}
	r := t.text[0]
	return r >= '0' && r <= '9'
}

var clauseWords = wordSet(`that whether if how what why when where who to`)

// personLike says whether a mention names someone who can believe or want
// things: a name, a pronoun, a role or a word for people.
func (w *attributionWords) personLike(m []token) bool {
	if len(m) == 0 {
		return false
	}
	head := m[len(m)-1].lower
	if pronouns[head] && head != "it" || w.roles[strings.TrimSuffix(head, ".")] || w.people[head] || w.orgs[head] ||
		peopleNoun(head) {
		return true
	}
	// A name ends the mention: "Mayor Lena Varga", not "Heavy rains".
	last := m[len(m)-1]
	return last.upper && !(len(m) == 1 && sentenceStarters[last.lower])
}
