package analysis

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word or a punctuation mark of the text, with its byte range.
type token struct {
	start, end int
	text       string
	lower      string // lower case, with a trailing possessive 's removed
	word       bool   // letters or digits, not punctuation
	upper      bool   // begins with a capital letter
}

// tokenize splits text[start:end] into words and punctuation, skipping the
// ranges in skip (in order). Words keep inner apostrophes, hyphens and dots ("don't",
// "U.S.", "Jean-Luc"); a final dot stays on a word only for an abbreviation
// that has one inside ("U.S.") or a known title ("Dr.").
func tokenize(text string, start, end int, skip []span) []token {
	toks := make([]token, 0, (end-start)/5+1)
	i := start
	for i < end {
		for len(skip) > 0 && skip[0].end <= i {
			skip = skip[1:] // skip is in order: drop the ranges behind us
		}
		if len(skip) > 0 && i >= skip[0].start {
			i = skip[0].end
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case isWordRune(r):
			j := wordEnd(text, i, end)
			toks = append(toks, newWord(text, i, j))
			i = j
		default:
			toks = append(toks, token{start: i, end: i + n, text: text[i : i+n], lower: text[i : i+n]})
			i += n
		}
	}
	return toks
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// wordEnd returns the end of the word that starts at i.
func wordEnd(text string, i, end int) int {
	j := i
	for j < end {
		r, n := utf8.DecodeRuneInString(text[j:])
		if isWordRune(r) {
			j += n
			continue
		}
		if r == '\'' || r == '’' || r == '-' || r == '.' || r == '&' {
			if j+n < end {
				r2, _ := utf8.DecodeRuneInString(text[j+n:])
				if isWordRune(r2) {
					j += n
					continue
				}
			}
			if r == '.' && (keepsDot(text[i:j]) || j+n < end && strings.ContainsRune(",);", rune(text[j+n]))) {
				j += n // "Dr.", "U.S.", and "R-Ky.," where a comma follows the dot
			}
		}
		break
	}
	return j
}

// keepsDot says whether a word takes the dot that follows it: an
// abbreviation with inner dots (U.S) or a short title (Dr, Mr, Sen).
func keepsDot(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	initial := n == len(w) && unicode.IsUpper(r) // "Laurence H. Tribe"
	return initial || strings.Contains(w, ".") || abbreviations[strings.ToLower(w)]
}

func newWord(text string, i, j int) token {
	w := text[i:j]
	r, _ := utf8.DecodeRuneInString(w)
	lower := strings.ToLower(w)
	for _, suf := range []string{"'s", "’s"} {
		if len(lower) > len(suf) {
			lower = strings.TrimSuffix(lower, suf)
		}
	}
	return token{start: i, end: j, text: w, lower: lower, word: true, upper: unicode.IsUpper(r)}
}

// abbreviations never end a sentence: titles and short forms that come
// before a name or a number.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sr": true, "jr": true,
	"st": true, "sen": true, "rep": true, "gov": true, "gen": true, "lt": true, "col": true,
	"capt": true, "sgt": true, "rev": true, "hon": true, "pres": true, "supt": true, "det": true,
	"no": true, "vs": true, "v": true, "etc": true, "approx": true, "dept": true, "fig": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "inc": true, "corp": true,
	"co": true, "ltd": true, "mt": true, "ft": true, "ave": true, "blvd": true,
}
