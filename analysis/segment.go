package analysis

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// paragraphs returns the paragraphs of text: runs of non-blank lines, with
// the surrounding space trimmed. Blank lines (only spaces) separate them.
func paragraphs(text string) []span {
	var out []span
	start := -1 // start of the current paragraph, -1 outside one
	lineStart := 0
	for lineStart <= len(text) {
		nl := strings.IndexByte(text[lineStart:], '\n')
		lineEnd := len(text)
		if nl >= 0 {
			lineEnd = lineStart + nl
		}
		blank := strings.TrimSpace(text[lineStart:lineEnd]) == ""
		switch {
		case blank && start >= 0:
			out = append(out, trimSpan(text, start, lineStart))
			start = -1
		case !blank && start < 0:
			start = lineStart
		}
		if nl < 0 {
			break
		}
		lineStart = lineEnd + 1
	}
	if start >= 0 {
		out = append(out, trimSpan(text, start, len(text)))
	}
	return splitLines(text, out)
}

// splitLines makes each line a paragraph of its own in blocks whose line
// breaks are not mere wrapping: copy that puts one paragraph on each line,
// or a headline over a byline.
func splitLines(text string, blocks []span) []span {
	var out []span
	for _, b := range blocks {
		block := text[b.start:b.end]
		if hardWrapped(block) {
			out = append(out, b)
			continue
		}
		for start := b.start; start < b.end; {
			end := b.end
			if nl := strings.IndexByte(text[start:b.end], '\n'); nl >= 0 {
				end = start + nl
			}
			if s := trimSpan(text, start, end); s.end > s.start {
				out = append(out, s)
			}
			start = end + 1
		}
	}
	return out
}

// trimSpan shrinks [start, end) to leave out white space at both ends.
func trimSpan(text string, start, end int) span {
	for start < end {
		r, n := utf8.DecodeRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	return span{start, end}
}

// sentences splits the paragraph p into sentences that cover it in order;
// only white space between them is left out.
func sentences(text string, p span) []span {
	var out []span
	start := p.start
	for i := p.start; i < p.end; {
		r, n := utf8.DecodeRuneInString(text[i:])
		next := i + n
		switch {
		case r == '.' || r == '!' || r == '?' || r == '…':
			if end, ok := sentenceEnd(text, i, p.end); ok {
				out = appendSentence(out, text, start, end)
				start = end
				next = end
			}
		}
		i = next
	}
	return appendSentence(out, text, start, p.end)
}

func appendSentence(out []span, text string, start, end int) []span {
	s := trimSpan(text, start, end)
	if s.end > s.start {
		out = append(out, s)
	}
	return out
}

// hardWrapped says whether a block's line breaks are mere wrapping: every
// line but the last is about as long as a wrapped line (40–100 characters).
func hardWrapped(block string) bool {
	lines := strings.Split(block, "\n")
	for _, l := range lines[:len(lines)-1] {
		if n := utf8.RuneCountInString(strings.TrimSpace(l)); n < 40 || n > 100 {
			return false
		}
	}
	return true
}

// closers may follow the end mark of a sentence and still belong to it.
const closers = "\"'”’»)]"

// sentenceEnd decides whether the end mark at i ends a sentence, and if so
// returns the offset just after it and any closing marks.
func sentenceEnd(text string, i, limit int) (int, bool) {
	j := i
	for j < limit {
		r, n := utf8.DecodeRuneInString(text[j:])
		if r != '.' && r != '!' && r != '?' && r != '…' && !strings.ContainsRune(closers, r) {
			break
		}
		j += n
	}
	if j == limit {
		return j, true
	}
	r, _ := utf8.DecodeRuneInString(text[j:])
	if !unicode.IsSpace(r) {
		return 0, false
	}
	k := trimSpan(text, j, limit).start
	nr, _ := utf8.DecodeRuneInString(text[k:])
	if unicode.IsLower(nr) || nr == ',' || nr == ';' || nr == ':' {
		return 0, false
	}
	if text[i] == '.' && !endsSentenceAfterDot(text, i, k, limit) {
		return 0, false
	}
	return j, true
}

// endsSentenceAfterDot rules out the dots of titles, initials and
// abbreviations: "Dr. Kovac", "J. Smith", "the U.S. Senate".
func endsSentenceAfterDot(text string, dot, next, limit int) bool {
	ws := dot
	for ws > 0 && dot-ws < 24 { // a word, not a run of "a.b.c.…"
		r, n := utf8.DecodeLastRuneInString(text[:ws])
		if !isWordRune(r) && r != '.' {
			break
		}
		ws -= n
	}
	word := strings.ToLower(text[ws:dot])
	if word == "" {
		return true
	}
	if titles[word] {
		return false
	}
	initial := utf8.RuneCountInString(word) == 1 && unicode.IsUpper([]rune(text[ws:dot])[0])
	if initial || strings.Contains(word, ".") || abbreviations[word] {
		// "U.S. The" ends; "U.S. Senate" and "J. Smith" do not.
		return startsWithFunctionWord(text[next:limit])
	}
	return true
}

// titles come before a name and never end a sentence.
var titles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sen": true, "rep": true,
	"gov": true, "gen": true, "lt": true, "col": true, "capt": true, "sgt": true, "rev": true,
	"hon": true, "st": true, "supt": true, "det": true, "no": true, "vs": true, "v": true, "mt": true,
}

// sentenceStarters are words that, capitalised, usually begin a sentence.
var sentenceStarters = map[string]bool{
	"the": true, "a": true, "an": true, "he": true, "she": true, "it": true, "they": true,
	"we": true, "i": true, "but": true, "and": true, "in": true, "this": true, "that": true,
	"there": true, "his": true, "her": true, "their": true, "its": true, "our": true, "as": true,
	"on": true, "at": true, "for": true, "if": true, "when": true, "after": true, "while": true,
	"yet": true, "so": true, "some": true, "many": true, "most": true, "no": true, "these": true,
	"those": true, "what": true, "who": true, "why": true, "how": true, "you": true, "by": true,
	"then": true, "now": true, "meanwhile": true, "however": true, "still": true, "also": true,
	"later": true, "instead": true, "today": true, "yesterday": true, "last": true, "next": true,
	"first": true, "finally": true, "before": true, "during": true, "with": true, "without": true,
	"from": true, "since": true, "although": true, "though": true, "because": true, "once": true,
	"even": true, "only": true, "all": true, "every": true, "each": true, "both": true, "such": true,
	"another": true, "other": true, "one": true, "two": true, "under": true, "over": true, "not": true,
	"according": true, "asked": true, "like": true, "unlike": true, "despite": true, "among": true,
	"should": true, "would": true, "could": true, "will": true, "can": true, "may": true, "might": true,
	"must": true, "did": true, "does": true, "do": true, "is": true, "are": true, "was": true, "were": true,
	"has": true, "have": true, "had": true, "where": true, "which": true, "here": true, "not only": true,
}

func startsWithFunctionWord(s string) bool {
	s = strings.TrimLeft(s, closers+"“‘«„")
	w := s
	for i, r := range s {
		if !unicode.IsLetter(r) {
			w = s[:i]
			break
		}
	}
	return sentenceStarters[strings.ToLower(w)]
}

// sentences splits a paragraph, then joins a short cue to the quote it
// belongs to: “Who knows?” Smith asked. is one sentence, not two.
func (a *Analyzer) sentences(text string, p span) []span {
	all := sentences(text, p)
	out := all[:0]
	for _, s := range all {
		if n := len(out); n > 0 && a.isCueTail(text, out[n-1], s) {
			out[n-1].end = s.end
			continue
		}
		out = append(out, s)
	}
	return out
}

// isCueTail says whether s is only a speaker and a reporting verb ("Smith
// asked.") following a sentence that ends in a closing quotation mark.
func (a *Analyzer) isCueTail(text string, prev, s span) bool {
	last, _ := utf8.DecodeLastRuneInString(text[prev.start:prev.end])
	if !strings.ContainsRune("\"'”’»", last) {
		return false
	}
	toks := tokenize(text, s.start, s.end, nil)
	if len(toks) < 2 || len(toks) > 8 || markLevelOf([]rune(toks[0].text)[0]) >= 0 {
		return false
	}
	if isDash(toks[0].text) && toks[1].upper {
		return true // “…” ― Ana Ortiz
	}
	for _, t := range toks {
		if t.word && a.words.verbs[t.lower] != "" {
			return true
		}
	}
	return false
}
