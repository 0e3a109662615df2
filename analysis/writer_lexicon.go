package analysis

import (
	"bufio"
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"mediareview/assets"
)

// voiceLists are the word lists of the writer's voice, one kind each. When a
// term is in two lists the first list wins; the tests keep them disjoint.
var voiceLists = []struct {
	file string
	kind SignalKind
}{
	{"writer-first-person.txt", SignalFirstPerson},
	{"writer-modals.txt", SignalModal},
	{"writer-superlatives.txt", SignalSuperlative},
	{"writer-hedges.txt", SignalHedge},
	{"writer-intensifiers.txt", SignalIntensifier},
	{"writer-loaded.txt", SignalLoaded},
	{"writer-figures.txt", SignalLoaded},
	{"writer-evaluative.txt", SignalEvaluative},
	{"writer-evaluative-pattern.txt", SignalEvaluative},
	{"writer-rhetorical.txt", SignalRhetorical},
	{"writer-report-anchors.txt", reportAnchor},
}

// reportAnchor marks the words of writer-report-anchors.txt: not a signal,
// but evidence of a checkable report that opinion weighs.
const reportAnchor SignalKind = ""

// voiceTerm is one entry of a word list.
type voiceTerm struct {
	kind   SignalKind
	weight float64 // how strongly the term points to opinion; 0 blocks a match
	why    string  // the line a student reads
	exact  string  // when set, the case the text must use ("us", not "US")
	first  bool    // matches only at the start of a sentence
	words  int     // number of words in the term
}

// voiceLexicon maps each term, lower case with single spaces between its
// words, to its entry; longest says how many words the longest term that
// starts with a given word has.
type voiceLexicon struct {
	terms   map[string]voiceTerm
	longest map[string]int
}

func loadVoiceLexicon() (*voiceLexicon, error) {
	lex := &voiceLexicon{terms: map[string]voiceTerm{}, longest: map[string]int{}}
	for _, l := range voiceLists {
		b, err := assets.Lexicon(l.file)
		if err != nil {
			return nil, err
		}
		if err := lex.parse(l.file, b, l.kind); err != nil {
			return nil, err
		}
	}
	return lex, nil
}

// parse reads one list: "#why: template" sets the line a student reads for
// the entries below ('%s' is the term); every other line that is not a
// comment is "term | weight | why", weight and why optional. A term written
// with a leading "=" matches only in its own case; one with a leading "^"
// only as the first words of a sentence.
func (lex *voiceLexicon) parse(name string, data []byte, kind SignalKind) error {
	why := "'%s' is a sign of the writer's own voice"
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if t, ok := strings.CutPrefix(line, "#why:"); ok {
			why = strings.TrimSpace(t)
			continue
		}
		if line == "" || line[0] == '#' {
			continue
		}
		if err := lex.add(line, kind, why); err != nil {
			return fmt.Errorf("word list %s line %d: %w", name, n, err)
		}
	}
	return sc.Err()
}

func (lex *voiceLexicon) add(line string, kind SignalKind, why string) error {
	fields := strings.SplitN(line, "|", 3)
	term := strings.Join(strings.Fields(fields[0]), " ")
	e := voiceTerm{kind: kind, weight: 1}
	if exact, ok := strings.CutPrefix(term, "="); ok {
		term, e.exact = exact, exact
	}
	term, e.first = strings.CutPrefix(term, "^")
	if term == "" {
		return fmt.Errorf("no term in %q", line)
	}
	if len(fields) > 1 {
		w, err := strconv.ParseFloat(strings.TrimSpace(fields[1]), 64)
		if err != nil || w < 0 || w > 1 {
			return fmt.Errorf("weight of %q is not a number from 0 to 1", term)
		}
		e.weight = w
	}
	e.why = strings.ReplaceAll(why, "%s", term)
	if len(fields) > 2 {
		e.why = strings.TrimSpace(fields[2])
	}
	key := strings.ToLower(term)
	if _, dup := lex.terms[key]; dup {
		return nil
	}
	e.words = strings.Count(key, " ") + 1
	lex.terms[key] = e
	first, _, _ := strings.Cut(key, " ")
	lex.longest[first] = max(lex.longest[first], e.words)
	return nil
}
