package widgets

import (
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"mediareview/analysis"
)

// Mark is a span of a row's text, as byte offsets into RowData.Text.
type Mark struct{ Start, End int }

// Verdict marks shown at a row's right edge.
const (
	VerdictNone     = ""
	VerdictAgree    = "agree"
	VerdictDisagree = "disagree"
)

// RowData is everything a SentenceRow draws.
type RowData struct {
	Number         int            // 1-based sentence number
	Text           string         // the sentence
	Label          analysis.Label // the label shown: the reviewer's when relabelled
	Machine        analysis.Label // the machine's label
	Signals        []Mark         // signal words, emphasised
	Quotes         []Mark         // quoted words, in italics
	Caption        string         // who speaks, e.g. "Dana Ortiz · said"; empty for none
	Verdict        string         // VerdictNone, VerdictAgree or VerdictDisagree
	Speaker        string         // the reviewer's correction of who speaks
	Note           string         // the reviewer's note
	ParagraphStart bool           // a new paragraph begins here: leave a gap above
	Selected       bool
}

// NewRowData builds a row from a sentence: its signal and quote spans made
// relative to the sentence, its text flattened onto one paragraph.
func NewRowData(s analysis.Sentence, quotes []analysis.Quote) RowData {
	d := RowData{Number: s.Index + 1, Label: s.Label, Machine: s.Label, Text: flatten(s.Text)}
	for _, sig := range s.Signals {
		d.Signals = appendMark(d.Signals, sig.Start-s.Start, sig.End-s.Start, len(d.Text))
	}
	var speakers []string
	for _, q := range quotes {
		d.Quotes = appendMark(d.Quotes, q.Start-s.Start, q.End-s.Start, len(d.Text))
		if q.Kind != analysis.QuoteScare && q.Speaker != "" && !contains(speakers, q.Speaker) {
			speakers = append(speakers, q.Speaker)
		}
	}
	switch {
	case len(speakers) > 0:
		d.Caption = "said by " + strings.Join(speakers, ", ")
	case s.Source != "":
		d.Caption = "source: " + s.Source
	}
	return d
}

// flatten turns line breaks into spaces (keeping every byte offset) and
// drops trailing white space, so a row is one wrapped paragraph.
func flatten(s string) string {
	s = strings.TrimRight(s, " \t\r\n")
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, s)
}

func appendMark(ms []Mark, start, end, n int) []Mark {
	start, end = max(start, 0), min(end, n)
	if start >= end {
		return ms
	}
	return append(ms, Mark{start, end})
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// segments cuts the text at the marks, signal words bold and quoted words
// italic, and ends each line where lineStarts says. The row breaks its own
// lines: RichText's wrapping of many segments can cut words letter by
// letter, and this way the height RowHeight reserves is the height drawn.
func (d *RowData) segments(starts []int) []widget.RichTextSegment {
	cuts := append([]int{0, len(d.Text)}, starts...)
	for _, m := range append(append([]Mark{}, d.Signals...), d.Quotes...) {
		cuts = append(cuts, runeStart(d.Text, m.Start), runeStart(d.Text, m.End))
	}
	sort.Ints(cuts)
	var segs []widget.RichTextSegment
	for k := 0; k+1 < len(cuts); k++ {
		a, b := cuts[k], cuts[k+1]
		if a == b {
			continue
		}
		text := d.Text[a:b]
		if isStart(starts, b) {
			text = strings.TrimSuffix(text, " ") + "\n"
		}
		style := widget.RichTextStyleInline
		style.TextStyle = fyne.TextStyle{Bold: inside(d.Signals, a), Italic: inside(d.Quotes, a)}
		segs = append(segs, &widget.TextSegment{Text: text, Style: style})
	}
	return segs
}

func isStart(starts []int, at int) bool {
	i := sort.SearchInts(starts, at)
	return i < len(starts) && starts[i] == at
}

func runeStart(s string, i int) int {
	for i < len(s) && i > 0 && s[i]&0xC0 == 0x80 {
		i++
	}
	return i
}

func inside(ms []Mark, at int) bool {
	for _, m := range ms {
		if at >= m.Start && at < m.End {
			return true
		}
	}
	return false
}
