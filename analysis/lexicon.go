package analysis

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"

	"mediareview/assets"
)

// attributionWords are the word lists behind cues and sources, read once
// from assets/lexicons.
type attributionWords struct {
	verbs     map[string]string    // form → base form, neutral and loaded
	flags     map[string]verbFlags // base form → how it may be used
	loaded    map[string]string    // form → why the verb judges the speaker
	vague     [][]string           // phrases, as lower-case words
	anonymous [][]string
	roles     map[string]bool // spokesman, lawyer, mayor …
	people    map[string]bool // nouns for people: voters, critics, officials …
	unnamed   map[string]bool // the vague and anonymous phrases, joined
	orgs      map[string]bool // ministry, council, times …
	evidence  map[string]bool // poll, study, figures …: things that can show or find
	nobody    map[string]bool // nobody, everyone …: no one who spoke
}

// verbFlags say when a reporting verb is a cue; see attribution-verbs.txt.
type verbFlags struct {
	noun   bool // its base and -s forms are nouns too
	mind   bool // a verb of belief: a person or group must be its subject
	quote  bool // cues a quotation only
	person bool // its subject must be a person or group ("the ministry added", not "rains added")
	// evidence: its subject must be a person, a group or a piece of
	// evidence ("the poll shows"), not any thing ("replays showed").
	evidence bool
	that     bool // cues only before "that" or a quotation: "the court heard that"
	to       bool // "to" and an addressee make it no cue unless content follows: "wrote to her"
	object   bool // a number or "a"/"an" after it is its object, not what is reported: "plans 200 homes"
}

// addVerb records one line of forms, the base form first, with its +flags.
func (w *attributionWords) addVerb(fields []string) []string {
	var forms []string
	var f verbFlags
	for _, word := range fields {
		switch word {
		case "+noun":
			f.noun = true
		case "+mind":
			f.mind = true
		case "+quote":
			f.quote = true
		case "+person":
			f.person = true
		case "+evidence":
			f.evidence = true
		case "+that":
			f.that = true
		case "+to":
			f.to = true
		case "+object":
			f.object = true
		default:
			forms = append(forms, word)
		}
	}
	for _, form := range forms {
		w.verbs[form] = forms[0]
	}
	if len(forms) > 0 {
		w.flags[forms[0]] = f
	}
	return forms
}

func loadAttributionWords() (*attributionWords, error) {
	w := &attributionWords{verbs: map[string]string{}, flags: map[string]verbFlags{}, loaded: map[string]string{},
		roles: map[string]bool{}, orgs: map[string]bool{}, people: map[string]bool{}, unnamed: map[string]bool{},
		evidence: map[string]bool{}, nobody: map[string]bool{}}
	err := eachLine("attribution-verbs.txt", func(line string) error {
		w.addVerb(strings.Fields(line))
		return nil
	})
	if err == nil {
		err = eachLine("attribution-verbs-loaded.txt", func(line string) error {
			words, why, ok := strings.Cut(line, "|")
			forms := w.addVerb(strings.Fields(words))
			if !ok || len(forms) == 0 {
				return fmt.Errorf("want \"forms | why\", got %q", line)
			}
			for _, f := range forms {
				w.loaded[f] = strings.TrimSpace(why)
			}
			return nil
		})
	}
	if err == nil {
		err = eachLine("attribution-sources.txt", func(line string) error {
			kind, phrase, _ := strings.Cut(line, "|")
			words := strings.Fields(strings.ToLower(phrase))
			switch strings.TrimSpace(kind) {
			case "vague":
				w.vague = append(w.vague, words)
				w.unnamed[strings.Join(words, " ")] = true
			case "anonymous":
				w.anonymous = append(w.anonymous, words)
				w.unnamed[strings.Join(words, " ")] = true
			case "people":
				w.people[strings.Join(words, " ")] = true
			case "evidence":
				w.evidence[strings.Join(words, " ")] = true
			case "nobody":
				w.nobody[strings.Join(words, " ")] = true
			default:
				return fmt.Errorf("unknown kind in %q", line)
			}
			return nil
		})
	}
	if err == nil {
		err = eachLine("attribution-roles.txt", func(line string) error {
			kind, word, _ := strings.Cut(line, "|")
			word = strings.TrimSuffix(strings.TrimSpace(word), ".")
			switch strings.TrimSpace(kind) {
			case "role":
				w.roles[word] = true
			case "org":
				w.orgs[word] = true
			default:
				return fmt.Errorf("unknown kind in %q", line)
			}
			return nil
		})
	}
	return w, err
}

// eachLine calls fn with each line of the word list that is not blank or a
// # comment.
func eachLine(name string, fn func(line string) error) error {
	b, err := assets.Lexicon(name)
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(line); err != nil {
			return fmt.Errorf("word list %s line %d: %w", name, n, err)
		}
	}
	return sc.Err()
}
