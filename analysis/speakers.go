package analysis

import (
	"strings"
)

// person is someone (or some body) the article names, with the words of the
// roles it gives them: "Priya Okafor, a spokeswoman for the agency".
type person struct {
	name  string
	words []string        // lower-case words of the name
	roles map[string]bool // lower-case words describing them
	org   bool
	index int // order of first mention
	// pronoun is "he" or "she" once the article has used one for them
	// (or given a title such as Mrs.), so that the other does not match.
	pronoun string
}

// nameMention is a run of capitalised words in a sentence, with the role
// words around it.
type nameMention struct {
	span
	name  string
	roles []string
	org   bool
	first bool // opens the sentence: its subject
}

// cast keeps track of the people an article has named so far, to resolve
// "he", "she", "the agency's lawyer" and bare surnames to a full name.
type cast struct {
	people      []*person
	byName      map[string]*person // lower-case full name → the latest such person
	bySurname   map[string]*person // lower-case last word of a longer name → the latest
	lastSpeaker *person            // the last person credited with words
	subject     *person            // the person who opened a recent sentence
	subjectAt   int                // the index of that sentence
	lastGroup   string             // the last plural or vague source, for "they"
	lastRole    string             // the last unnamed person given as a source ("the mayor"), for "he" and "she" when no name fits
	lastOrg     *person
}

var months = wordSet(`january february march april may june july august september october november december`)

// titleWords spell out short titles, so that "the senator" finds "Sen. Ana
// Ortiz".
var titleWords = map[string]string{"sen": "senator", "rep": "representative", "gov": "governor", "gen": "general",
	"dr": "doctor", "prof": "professor", "lt": "lieutenant", "col": "colonel", "capt": "captain", "sgt": "sergeant",
	"pres": "president", "supt": "superintendent", "det": "detective"}

// recent is how many of the latest people a pronoun or a description may
// point back to: enough for any article, and a bound on a long text.
const recent = 200

// nameParticles may stand inside a name: "Department of State", "Ursula von der Leyen".
var nameParticles = wordSet(`of de del della der van von al bin da du la le y for and`)

// findNames returns the runs of capitalised words among toks, leaving out
// a sentence's first word when it is a common sentence opener.
func (w *attributionWords) findNames(text string, toks []token) []nameMention {
	var out []nameMention
	for i := 0; i < len(toks); i++ {
		if !toks[i].upper || i == 0 && sentenceStarters[toks[i].lower] || pronouns[toks[i].lower] {
			continue
		}
		if timeNouns[toks[i].lower] || months[toks[i].lower] || i > 0 && toks[i-1].text == "(" ||
			w.verbs[toks[i].lower] != "" && i+1 < len(toks) && toks[i+1].upper {
			continue // "Monday", "(R-Texas)", "Said" in "…,” Said Ellis"
		}
		j := i
		for j+1 < len(toks) && !timeNouns[toks[j+1].lower] &&
			(toks[j+1].upper || nameParticles[toks[j+1].lower] && j+2 < len(toks) && toks[j+2].upper) {
			j++
		}
		if i == 0 && j == 0 && !(len(toks) > 1 && w.verbs[toks[1].lower] != "") {
			continue // "Islanders reacted": one capitalised word opening a sentence; "Ortiz said" is a name
		}
		m := w.nameAt(text, toks, i, j)
		m.first = i == 0 || i <= 2 && toks[0].upper && toks[i-1].upper
		out = append(out, m)
		i = j
	}
	return out
}

// nameAt builds the mention of the capitalised run toks[i..j], moving
// leading titles ("Mayor", "Dr.") into its roles.
func (w *attributionWords) nameAt(text string, toks []token, i, j int) nameMention {
	roles := appositive(toks, i, j)
	// Lower-case role words just before: "agency lawyer Dana Ortiz".
	for k := i - 1; k >= 0 && toks[k].word && !toks[k].upper && !determiners[toks[k].lower]; k-- {
		roles = append(roles, toks[k].lower)
	}
	for k := j - 1; k >= i; k-- {
		if w.roles[strings.TrimSuffix(toks[k].lower, ".")] {
			// "Senate Majority Leader Mitch McConnell": the titles up to
			// the last role word describe the person.
			for ; i <= k; i++ {
				role := strings.TrimSuffix(toks[i].lower, ".")
				roles = append(roles, role)
				if long, ok := titleWords[role]; ok {
					roles = append(roles, long)
				}
			}
			break
		}
	}
	m := nameMention{span: span{toks[i].start, toks[j].end}, roles: roles}
	m.name = strings.TrimSuffix(strings.TrimSuffix(text[m.start:m.end], "'s"), "’s")
	for k := i; k <= j; k++ {
		if w.orgs[strings.TrimSuffix(toks[k].lower, ".")] {
			m.org = true
		}
	}
	return m
}

// appositive returns the words of a description set off by commas right
// after the name toks[i..j] ("Ortiz, a spokeswoman for the agency,") or
// right before it ("The board's chief chemist, Dr. Kovac,").
func appositive(toks []token, i, j int) []string {
	var words []string
	if j+1 < len(toks) && toks[j+1].text == "," {
		for k := j + 2; k < len(toks) && toks[k].word && k < j+14; k++ {
			words = append(words, toks[k].lower)
		}
	}
	if i >= 2 && toks[i-1].text == "," {
		for k := i - 2; k >= 0 && toks[k].word && k > i-10; k-- {
			words = append(words, toks[k].lower)
		}
	}
	return words
}

// meet records the names of sentence number at.
func (c *cast) meet(names []nameMention, at int) {
	for _, m := range names {
		p := c.find(m.name)
		if p == nil {
			p = &person{name: m.name, words: strings.Fields(strings.ToLower(m.name)), roles: map[string]bool{}, org: m.org}
			c.add(p)
		}
		for _, r := range m.roles {
			p.roles[r] = true
		}
		switch {
		case p.roles["mr"]:
			p.pronoun = "he"
		case p.roles["mrs"] || p.roles["ms"] || p.roles["miss"]:
			p.pronoun = "she"
		}
		if p.org {
			c.lastOrg = p
		} else if m.first {
			c.subject, c.subjectAt = p, at
		}
	}
}

// find returns the person a name refers to: the same name, or a full name
// that ends with it ("Varga" → "Lena Varga"). Later people win.
func (c *cast) find(name string) *person {
	lower := strings.ToLower(name)
	p := c.byName[lower]
	if s := c.bySurname[lower]; s != nil && (p == nil || s.index > p.index) {
		p = s
	}
	return p
}

// add records a person the article has just named.
func (c *cast) add(p *person) {
	if c.byName == nil {
		c.byName, c.bySurname = map[string]*person{}, map[string]*person{}
	}
	p.index = len(c.people)
	c.people = append(c.people, p)
	c.byName[strings.ToLower(p.name)] = p
	if len(p.words) > 1 {
		c.bySurname[p.words[len(p.words)-1]] = p
	}
}

// resolve turns the mention of a source in sentence at into the most
// specific name the article gives it.
func (c *cast) resolve(w *attributionWords, text string, toks []token, at int) string {
	if len(toks) == 0 {
		return ""
	}
	mention := text[toks[0].start:toks[len(toks)-1].end]
	first := toks[0].lower
	switch {
	case len(toks) == 1 && (first == "he" || first == "she"):
		if p := c.pronounFor(first, at); p != nil {
			p.pronoun = first
			c.lastSpeaker = p
			return p.name
		}
		if c.lastRole != "" {
			return c.lastRole // no name to point to: the description is the speaker
		}
		return mention
	case len(toks) == 1 && first == "it":
		if c.lastOrg != nil {
			return c.lastOrg.name
		}
		return mention
	case len(toks) == 1 && first == "they":
		if c.lastGroup != "" {
			return c.lastGroup
		}
		return mention
	case len(toks) == 1 && (first == "i" || first == "we"):
		return "the writer"
	}
	if name := w.capitalised(text, toks); name != "" {
		if p := c.find(name); p != nil {
			c.noteSpeaker(p)
			return p.name
		}
		m := w.nameAt(text, toks, 0, len(toks)-1)
		m.name = name
		c.meet([]nameMention{m}, -2)
		c.noteSpeaker(c.find(name))
		return name
	}
	if p := c.described(w, toks); p != nil {
		c.noteSpeaker(p)
		return p.name
	}
	if determiners[first] && toks[0].upper {
		// "The agency's top lawyer" opened a sentence; as a source it is
		// "the agency's top lawyer" wherever it stood.
		mention = first + mention[len(toks[0].text):]
	}
	if w.roles[strings.TrimSuffix(toks[len(toks)-1].lower, ".")] && !strings.HasSuffix(toks[len(toks)-1].lower, "s") {
		c.lastRole = mention // one unnamed person: "the mayor", "a police officer"
	}
	c.lastGroup = mention
	return mention
}

// noteSpeaker remembers who spoke last: a person for "he" and "she", a body
// for "it" and "they".
func (c *cast) noteSpeaker(p *person) {
	if p == nil {
		return
	}
	if p.org {
		c.lastOrg = p
		c.lastGroup = p.name
		return
	}
	c.lastSpeaker = p
}

// pronounFor finds who "he" or "she" in sentence at points to: the
// subject of this or the previous sentence, else the last speaker, else the
// last person named — skipping anyone already called by the other pronoun.
func (c *cast) pronounFor(pronoun string, at int) *person {
	fits := func(p *person) bool { return p != nil && !p.org && (p.pronoun == "" || p.pronoun == pronoun) }
	if fits(c.subject) && c.subjectAt >= at-1 {
		return c.subject
	}
	if fits(c.lastSpeaker) {
		return c.lastSpeaker
	}
	for k := len(c.people) - 1; k >= 0 && k >= len(c.people)-recent; k-- {
		if fits(c.people[k]) {
			return c.people[k]
		}
	}
	return nil
}

// capitalised returns the name that a mention ends with, after any titles
// ("Mayor Lena Varga" → "Lena Varga"); none when the mention ends in a
// common noun ("Rich countries", "the Port Alder council").
func (w *attributionWords) capitalised(text string, toks []token) string {
	end := len(toks) - 1
	last := toks[end]
	if !last.upper || end == 0 && sentenceStarters[last.lower] || strings.HasSuffix(last.text, "s") && last.lower != strings.ToLower(last.text) {
		return ""
	}
	start := end
	for start > 0 && (toks[start-1].upper || nameParticles[toks[start-1].lower]) && !(start-1 == 0 && sentenceStarters[toks[0].lower]) {
		start--
	}
	for k := end - 1; k >= start; k-- {
		if w.roles[strings.TrimSuffix(toks[k].lower, ".")] {
			start = k + 1 // "Senate Majority Leader Mitch McConnell" → "Mitch McConnell"
			break
		}
	}
	for start < end && nameParticles[toks[start].lower] {
		start++
	}
	name := text[toks[start].start:toks[end].end]
	return strings.TrimSuffix(strings.TrimSuffix(name, "'s"), "’s")
}

// described finds the person a description points to ("the agency's top
// lawyer"): the latest one given a role with the description's head word,
// preferring the one that shares most of its words.
func (c *cast) described(w *attributionWords, toks []token) *person {
	head := strings.TrimSuffix(toks[len(toks)-1].lower, ".")
	if !w.roles[head] {
		return nil
	}
	var best *person
	bestScore := 0
	for k := len(c.people) - 1; k >= 0 && k >= len(c.people)-recent; k-- {
		p := c.people[k]
		if !p.roles[head] {
			continue
		}
		score := 1
		for _, t := range toks[:len(toks)-1] {
			if p.roles[t.lower] && !determiners[t.lower] {
				score++
			}
		}
		if score > bestScore {
			best, bestScore = p, score
		}
	}
	return best
}
