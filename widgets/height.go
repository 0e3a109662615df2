package widgets

import (
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// geometry is where a SentenceRow puts its parts; SentenceRow's layout and
// RowHeight share it so the height a list reserves is the height drawn.
type geometry struct {
	pad, inner, chip, chipY, icon, right, textX  float32
	small, number, line1, lineStep, caption, gap float32
	textSize                                     float32
}

func (g *geometry) gapFor(d *RowData) float32 {
	if d.ParagraphStart && d.Number > 1 {
		return g.gap
	}
	return 0
}

func (g *geometry) captionFor(d *RowData) float32 {
	if d.caption() == "" {
		return 0
	}
	return g.caption
}

var (
	geomMu sync.Mutex
	geoms  = map[float32]*geometry{}
)

// geometryOf measures once per text size how tall a line of RichText is.
func geometryOf(th fyne.Theme) *geometry {
	size := th.Size(theme.SizeNameText)
	geomMu.Lock()
	defer geomMu.Unlock()
	if g, ok := geoms[size]; ok {
		return g
	}
	g := &geometry{textSize: size, pad: th.Size(theme.SizeNamePadding), inner: th.Size(theme.SizeNameInnerPadding)}
	g.small = th.Size(theme.SizeNameCaptionText)
	g.number = fyne.MeasureText("0", g.small, fyne.TextStyle{}).Height + g.pad/2
	g.chip = size + g.inner
	g.icon = th.Size(theme.SizeNameInlineIcon)
	g.chipY = g.inner/2 + 1
	g.right = g.icon + 2*g.pad
	g.textX = g.pad*2 + g.chip
	one := widget.NewRichTextWithText("Xy")
	two := widget.NewRichTextWithText("Xy\nXy")
	g.line1 = one.MinSize().Height
	g.lineStep = two.MinSize().Height - g.line1
	g.caption = fyne.MeasureText("Xy", g.small, fyne.TextStyle{Italic: true}).Height + g.pad
	g.gap = 3 * g.pad
	geoms[size] = g
	return g
}

// RowHeight is the height a SentenceRow showing d needs at the given
// width: the row breaks its lines with the same lineStarts, so this is
// exact, and it never lays out a widget, which keeps a 5,000-sentence list
// quick to size.
func RowHeight(th fyne.Theme, d *RowData, width float32) float32 {
	g := geometryOf(th)
	lines := wrappedLines(d.Text, width-g.textX-g.right-2*g.inner, g.textSize)
	text := g.line1 + float32(lines-1)*g.lineStep + g.captionFor(d)
	return g.gapFor(d) + max(text, g.chipY+g.chip+g.number)
}

var (
	runeMu     sync.Mutex
	runeWidths = map[float32]map[rune]float32{}
)

func runeWidth(r rune, size float32) float32 {
	runeMu.Lock()
	defer runeMu.Unlock()
	m := runeWidths[size]
	if m == nil {
		m = map[rune]float32{}
		runeWidths[size] = m
	}
	w, ok := m[r]
	if !ok {
		w = fyne.MeasureText(string(r), size, fyne.TextStyle{Bold: true}).Width
		m[r] = w
	}
	return w
}

func wordWidth(w string, size float32) float32 {
	var x float32
	for _, r := range w {
		x += runeWidth(r, size)
	}
	return x
}

// wrappedLines counts the lines text takes in avail; see lineStarts.
func wrappedLines(text string, avail, size float32) int {
	return len(lineStarts(text, avail, size)) + 1
}

// lineStarts breaks text into lines no wider than avail and returns the
// byte offset at which each line after the first starts. Lines break at
// spaces (the space ends the line before); a word wider than a whole line
// is cut between two characters. Every letter is measured in bold, so a
// line never comes out wider than avail whatever its emphasis.
func lineStarts(text string, avail, size float32) []int {
	if avail <= 1 {
		return nil
	}
	var starts []int
	space := runeWidth(' ', size)
	x := float32(-1) // -1: nothing on the line yet
	for i := 0; i < len(text); {
		if text[i] == ' ' {
			i++
			continue
		}
		end := i + strings.IndexByte(text[i:], ' ')
		if end < i {
			end = len(text)
		}
		w := wordWidth(text[i:end], size)
		switch {
		case x < 0:
			x = w
		case x+space+w <= avail:
			x += space + w
		default:
			starts = append(starts, i)
			x = w
		}
		if x > avail {
			starts, x = cutWord(text, i, end, avail, size, starts)
		}
		i = end
	}
	return starts
}

// cutWord breaks the word text[start:end], which begins a line, into lines
// of at most avail, returning the new line starts and the width of its last
// piece.
func cutWord(text string, start, end int, avail, size float32, starts []int) ([]int, float32) {
	x := float32(0)
	for k, r := range text[start:end] {
		w := runeWidth(r, size)
		if x > 0 && x+w > avail {
			starts = append(starts, start+k)
			x = 0
		}
		x += w
	}
	return starts, x
}
