package classroom

import (
	"strings"
	"unicode"
)

// titles are courtesy titles a student may add or leave out.
var titles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "prof": true, "professor": true, "sir": true, "dame": true,
}

// speakerWords folds case, punctuation and courtesy titles away.
func speakerWords(s string) []string {
	s = strings.ToLower(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		default:
			b.WriteRune(' ')
		}
	}
	words := strings.Fields(b.String())
	out := words[:0]
	for i, w := range words {
		if (i == 0 && w == "the") || titles[w] {
			continue
		}
		out = append(out, w)
	}
	return out
}

// SpeakerMatches reports whether a student's answer names the key's
// speaker: the same words once case, punctuation, a leading "the"
// and courtesy titles are set aside, or the key's surname alone for a
// name of two or more words.
func SpeakerMatches(answer, key string) bool {
	a, k := speakerWords(answer), speakerWords(key)
	if len(a) == 0 || len(k) == 0 {
		return false
	}
	if strings.Join(a, " ") == strings.Join(k, " ") {
		return true
	}
	return len(a) == 1 && len(k) >= 2 && a[0] == k[len(k)-1] && isName(key)
}

// isName reports whether the key looks like a person's name (every word
// capitalised), so that "the city's lawyer" does not match "lawyer".
func isName(key string) bool {
	for _, w := range strings.Fields(key) {
		r := []rune(w)
		if !unicode.IsUpper(r[0]) {
			return false
		}
	}
	return true
}
