package analysis

import (
	"sort"
	"unicode"
	"unicode/utf8"
)

// voiceToken is one word of a sentence as the writer-voice rules see it.
type voiceToken struct {
	start, end int  // the word in the text
	key0, key1 int  // its lower-case form in voiceScan.keys
	joined     bool // only spaces lie between it and the word before
	skipped    bool // inside a quotation
	upper      bool // begins with a capital letter
	digit      bool // holds a digit
}

// voiceScan holds the words of one sentence. Their lower-case forms sit in
// one buffer separated by single spaces, so the key of a run of words is one
// slice of it and a map lookup with it costs no allocation.
type voiceScan struct {
	toks []voiceToken
	keys []byte
}

// scan splits text[start:end] into words: letters, digits and marks, with
// inner apostrophes, hyphens, dots and ampersands ("don't", "ill-conceived",
// "U.S.").
func (sc *voiceScan) scan(text string, start, end int, skip []span) {
	sc.toks, sc.keys = sc.toks[:0], sc.keys[:0]
	joined, prevEnd := false, start
	for i := start; i < end; {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:end])
		}
		switch {
		case isVoiceWordRune(r):
			j := voiceWordEnd(text, i+n, end)
			joined = joined && !overlapsAny(skip, prevEnd, i)
			sc.add(text, i, j, joined, overlapsAny(skip, i, j))
			joined, i, prevEnd = true, j, j
		case unicode.IsSpace(r):
			i += n
		default:
			joined, i = false, i+n
		}
	}
}

func (sc *voiceScan) add(text string, start, end int, joined, skipped bool) {
	if len(sc.toks) > 0 {
		sc.keys = append(sc.keys, ' ')
	}
	t := voiceToken{start: start, end: end, key0: len(sc.keys), joined: joined, skipped: skipped}
	for i := start; i < end; i++ {
		c := text[i]
		switch {
		case 'A' <= c && c <= 'Z':
			t.upper = t.upper || i == start
			c += 'a' - 'A'
		case '0' <= c && c <= '9':
			t.digit = true
		case c == 0xE2 && i+2 < end && text[i+1] == 0x80 && text[i+2] == 0x99: // ’
			sc.keys = append(sc.keys, '\'')
			i += 2
			continue
		}
		sc.keys = append(sc.keys, c)
	}
	if r, _ := utf8.DecodeRuneInString(text[start:end]); r >= utf8.RuneSelf && unicode.IsUpper(r) {
		t.upper = true
	}
	t.key1 = len(sc.keys)
	sc.toks = append(sc.toks, t)
}

// asciiWord marks the ASCII bytes that belong to words: letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

func isVoiceWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}

// voiceWordEnd returns where the word that goes on at i ends.
func voiceWordEnd(text string, i, end int) int {
	for i < end {
		if c := text[i]; c < utf8.RuneSelf && asciiWord[c] {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:end])
		if isVoiceWordRune(r) {
			i += n
			continue
		}
		if r == '\'' || r == '’' || r == '-' || r == '.' || r == '&' {
			if next, _ := utf8.DecodeRuneInString(text[i+n : end]); i+n < end && isVoiceWordRune(next) {
				i += n
				continue
			}
		}
		break
	}
	return i
}

// key returns the lower-case words i..j joined by single spaces. Callers
// convert it to a string only inside a map index or a comparison, where Go
// does not allocate.
func (sc *voiceScan) key(i, j int) []byte {
	return sc.keys[sc.toks[i].key0:sc.toks[j].key1]
}

// phrase says whether words i..j can form one term: none quoted and no
// punctuation between them.
func (sc *voiceScan) phrase(i, j int) bool {
	for k := i; k <= j; k++ {
		if sc.toks[k].skipped || (k > i && !sc.toks[k].joined) {
			return false
		}
	}
	return true
}

// sameCase says whether word i is written exactly as term, allowing a
// capital on the first word of the sentence.
func (sc *voiceScan) sameCase(text string, i int, term string) bool {
	w := text[sc.toks[i].start:sc.toks[i].end]
	if w == term {
		return true
	}
	first := i == 0
	return first && len(w) == len(term) && w[1:] == term[1:] && w[0]|0x20 == term[0]|0x20
}

// possessiveStem is word i without a final "'s" ("regime's" → "regime"),
// or nil when it has none.
func (sc *voiceScan) possessiveStem(i int) []byte {
	k := sc.key(i, i)
	if len(k) > 2 && k[len(k)-2] == '\'' && k[len(k)-1] == 's' {
		return k[:len(k)-2]
	}
	return nil
}

// ranks are the words before a measure superlative that make it a plain
// ranking ("the third largest").
var ranks = map[string]bool{"second": true, "third": true, "fourth": true, "fifth": true,
	"sixth": true, "seventh": true, "eighth": true, "ninth": true, "tenth": true}

// measureAfterRank says whether term t at word i is a measure superlative
// ("largest", weight under 0.5) after a rank or a number: a fact, not a
// judgement.
func (sc *voiceScan) measureAfterRank(t voiceTerm, i int) bool {
	if t.kind != SignalSuperlative || t.weight >= 0.5 || i == 0 {
		return false
	}
	prev := sc.toks[i-1]
	return prev.digit || ranks[string(sc.key(i-1, i-1))]
}

// overlapsAny says whether [start, end) overlaps one of the ranges, which
// are in order of their starts. A long list (every quote of a long article)
// is searched, not walked; nested ranges are looked back through a few deep.
func overlapsAny(ranges []span, start, end int) bool {
	last := len(ranges)
	if last > 32 {
		last = sort.Search(len(ranges), func(k int) bool { return ranges[k].start >= end })
	}
	for k := last - 1; k >= 0 && k >= last-32; k-- {
		if r := ranges[k]; r.start < end && start < r.end {
			return true
		}
	}
	return false
}
