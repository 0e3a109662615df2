package analysis

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// quoted is a stretch of text between quotation marks: the words without
// the marks. A quote that runs on into later paragraphs (news style repeats
// the opening mark on each one and closes only the last) is one quoted.
type quoted struct {
	span
	openMark  span // the opening mark
	closeMark span // the closing mark; empty when the copy never closed it
}

// markLevel tells double quotation marks from single ones: quotes of one
// level pair among themselves, and single marks inside a double quote are
// the nested quote of a speaker, not the writer's.
type markLevel int

const (
	levelDouble markLevel = iota
	levelSingle
)

type markRole int

const (
	roleNone markRole = iota
	roleOpen
	roleClose
	roleEither
)

// findQuotes returns the quotes of text in order, given its paragraphs.
func findQuotes(text string, paras []span) []quoted {
	doubles := pairMarks(text, paras, levelDouble, nil)
	singles := pairMarks(text, paras, levelSingle, doubles)
	all := append(doubles, singles...)
	sort.Slice(all, func(i, j int) bool { return all[i].openMark.start < all[j].openMark.start })
	// A quote inside another is part of it ('He told us "no"', she said).
	out := all[:0]
	for _, q := range all {
		if n := len(out); n > 0 && q.openMark.start >= out[n-1].openMark.start && q.end <= out[n-1].outerEnd() {
			continue
		}
		out = append(out, q)
	}
	return out
}

// outerEnd is where the quote ends, with its closing mark when it has one.
func (q quoted) outerEnd() int {
	if q.closeMark.end > q.end {
		return q.closeMark.end
	}
	return q.end
}

// pairMarks pairs the marks of one level paragraph by paragraph. Marks that
// lie inside an outer quote (given in outer) are left alone.
func pairMarks(text string, paras []span, level markLevel, outer []quoted) []quoted {
	var out []quoted
	var cur *quoted // the open quote, nil when none
	for pi, p := range paras {
		i := p.start
		if cur != nil { // a continued quote: skip the repeated opening mark
			_, n := markAt(text, i)
			i += n
		}
		for i < p.end {
			r, n := markAt(text, i)
			mark := span{i, i + n}
			i += n
			if markLevelOf(r) != level || insideQuote(outer, mark.start) {
				continue
			}
			switch role := classifyMark(text, mark, r, cur != nil); {
			case role == roleNone:
			case cur == nil && role != roleClose:
				cur = &quoted{span: span{mark.end, -1}, openMark: mark}
			case cur != nil && role != roleOpen:
				cur.closeMark = mark
				out = appendQuoted(out, text, *cur, mark.start)
				cur = nil
			case cur != nil:
				// Sloppy copy: an opening mark while one is open. Start over.
				cur = &quoted{span: span{mark.end, -1}, openMark: mark}
			}
		}
		if cur == nil {
			continue
		}
		if opener, _ := markAt(text, cur.openMark.start); pi+1 < len(paras) && opensWith(text, paras[pi+1], opener) {
			continue // stays open: the next paragraph repeats the mark
		}
		if level == levelDouble {
			out = appendQuoted(out, text, *cur, p.end) // never closed
		}
		cur = nil
	}
	return out
}

func appendQuoted(out []quoted, text string, q quoted, end int) []quoted {
	s := trimSpan(text, q.span.start, end)
	for s.start < s.end {
		// An opening mark left empty before a paragraph break, then repeated:
		// the quote starts after the repeated mark.
		r, n := markAt(text[:s.end], s.start)
		if markLevelOf(r) != markLevelOf([]rune(text[q.openMark.start:q.openMark.end])[0]) {
			break
		}
		s = trimSpan(text, s.start+n, s.end)
	}
	if !strings.ContainsFunc(text[s.start:s.end], isWordRune) {
		return out
	}
	q.span = s
	return append(out, q)
}

// markAt reads the character at i, taking two apostrophes (”) as one
// straight double mark, as some wire copy writes them.
func markAt(text string, i int) (rune, int) {
	if strings.HasPrefix(text[i:], "''") {
		return '"', 2
	}
	return utf8.DecodeRuneInString(text[i:])
}

// opensWith says whether paragraph p begins by repeating the opening mark
// opener. Another mark ("… then “…) starts a new quote: the open one was
// never closed.
func opensWith(text string, p span, opener rune) bool {
	r, n := markAt(text[:p.end], p.start)
	return r == opener && classifyMark(text, span{p.start, p.start + n}, r, false) != roleClose
}

// insideQuote says whether offset i lies within one of qs (in order), marks
// included.
func insideQuote(qs []quoted, i int) bool {
	k := sort.Search(len(qs), func(k int) bool { return qs[k].openMark.start > i }) - 1
	return k >= 0 && i < max(qs[k].end, qs[k].closeMark.end)
}

func markLevelOf(r rune) markLevel {
	switch r {
	case '“', '”', '"', '«', '»', '„':
		return levelDouble
	case '‘', '’', '\'', '‹', '›', '‚':
		return levelSingle
	}
	return -1
}

// classifyMark decides from its neighbours whether a mark opens or closes a
// quote. Curly marks say which they are, but sloppy copy uses them the
// wrong way round; straight marks depend on the neighbours alone. A single
// mark between letters is an apostrophe.
func classifyMark(text string, m span, r rune, open bool) markRole {
	before, _ := utf8.DecodeLastRuneInString(text[:m.start])
	after, _ := utf8.DecodeRuneInString(text[m.end:])
	if m.start == 0 {
		before = ' '
	}
	if m.end == len(text) {
		after = ' '
	}
	leftFree := spaceLike(before)      // nothing glued on the left: an opener
	rightFree := !isWordRune(after) && // nothing glued on the right: a closer
		after != '$' && after != '£' && after != '€' && after != '#'
	if markLevelOf(r) == levelSingle {
		return classifySingle(r, before, after, leftFree, rightFree, open)
	}
	switch r {
	case '«', '„':
		return roleOpen
	case '»':
		return roleClose
	case '“':
		if open && !leftFree && rightFree {
			return roleClose
		}
		return roleOpen
	case '”':
		if !open && leftFree && !rightFree {
			return roleOpen
		}
		return roleClose
	}
	switch {
	case leftFree && !rightFree:
		return roleOpen
	case rightFree && !leftFree:
		return roleClose
	}
	return roleEither
}

func classifySingle(r, before, after rune, leftFree, rightFree, open bool) markRole {
	switch {
	case isWordRune(before) && isWordRune(after):
		return roleNone // apostrophe: don't, Clinton’s
	case leftFree && unicode.IsDigit(after):
		return roleNone // ’90s
	case r == '‘' || r == '‚' || r == '‹':
		return roleOpen
	case r == '›':
		return roleClose
	case leftFree && !rightFree:
		return roleOpen
	case rightFree && !leftFree:
		if !open {
			return roleNone // the voters’ choice
		}
		return roleClose
	}
	return roleNone
}

// spaceLike runes may stand before an opening mark.
func spaceLike(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune("([{—–-/:“‘«„", r)
}
