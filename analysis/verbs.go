package analysis

import "strings"

// passive auxiliaries before a participle make it no cue: "is expected".
var passiveAux = wordSet(`is are was were be been being isn't aren't wasn't weren't isn’t aren’t wasn’t weren’t`)

// verbUse says whether the word at i is used as a verb, not as a noun ("the
// reports", "a plan") or as a passive participle ("is expected").
func (w *attributionWords) verbUse(toks []token, i int, base string) bool {
	t := toks[i]
	if t.upper && i > 0 && !titleCase(toks) {
		return false // a name: "Said", "Hope"
	}
	if i > 0 {
		prev := toks[i-1].lower
		lone := loneSources[prev] && (i == 1 || !toks[i-2].word) // "Some say …", not "some reports"
		if determiners[prev] && !lone || prev == "of" || prev == "to" {
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
		if i+1 < len(toks) && toks[i+1].lower == "that" && toks[i-1].word && !(i >= 2 && articles[toks[i-2].lower]) {
			return true // "Data from the survey show that …"
		}
		prev := toks[i-1]
		if k := i - 4; k >= 0 && prev.text == "," && toks[i-3].text == "," && asides[toks[i-2].lower] {
			prev = toks[k] // "Some Democrats, however, question …"
		}
		return loneSources[prev.lower] || pronouns[prev.lower] && prev.lower != "he" && prev.lower != "she" && prev.lower != "it" ||
			modals[prev.lower] || prev.word && (strings.HasSuffix(prev.lower, "s") || w.people[prev.lower]) && !notSource[prev.lower] ||
			w.placedGroup(toks, i)
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

// particles that turn a reporting verb into another verb: "called in the
// troops", "believes in freedom".
var particles = phraseSet("call in", "call off", "call up", "call out", "call back", "believe in", "show up",
	"show off", "find out", "plan on")

func phraseSet(phrases ...string) map[string]bool {
	m := map[string]bool{}
	for _, p := range phrases {
		m[p] = true
	}
	return m
}

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

// placedGroup says whether a plural group placed by a preposition stands
// right before the verb at i: "some people on the east bank believe".
func (w *attributionWords) placedGroup(toks []token, i int) bool {
	for k := i - 1; k > 0 && k >= i-6 && toks[k].word; k-- {
		if places[toks[k].lower] && !ofLike[toks[k].lower] {
			p := toks[k-1].lower
			return !notSource[p] && (strings.HasSuffix(p, "s") || w.people[p])
		}
	}
	return false
}

// asides are the words set off by commas between a subject and its verb:
// "Some Democrats, however, question …".
var asides = wordSet(`however though too also meanwhile moreover instead nonetheless nevertheless
therefore indeed`)
