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
	verbs     map[string]string // form → base form, neutral and loaded
	loaded    map[string]string // form → why the verb judges the speaker
	vague     [][]string        // phrases, as lower-case words
	anonymous [][]string
	roles     map[string]bool // spokesman, lawyer, mayor …
	orgs      map[string]bool // ministry, council, times …
}

func loadAttributionWords() (*attributionWords, error) {
	w := &attributionWords{verbs: map[string]string{}, loaded: map[string]string{},
		roles: map[string]bool{}, orgs: map[string]bool{}}
	err := eachLine("attribution-verbs.txt", func(line string) error {
		forms := strings.Fields(line)
		for _, f := range forms {
			w.verbs[f] = forms[0]
		}
		return nil
	})
	if err == nil {
		err = eachLine("attribution-verbs-loaded.txt", func(line string) error {
			words, why, ok := strings.Cut(line, "|")
			forms := strings.Fields(words)
			if !ok || len(forms) == 0 {
				return fmt.Errorf("want \"forms | why\", got %q", line)
			}
			for _, f := range forms {
				w.verbs[f] = forms[0]
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
			case "anonymous":
				w.anonymous = append(w.anonymous, words)
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
