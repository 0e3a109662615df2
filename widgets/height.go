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
// width. It wraps the words the way RichText does, measuring each letter in
// bold so that it errs on the tall side, and never lays out a widget: this
// is what keeps a 5,000-sentence list quick to size.
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

// wrappedLines counts the lines text takes when wrapped at spaces within
// avail.
func wrappedLines(text string, avail, size float32) int {
	if avail <= 1 {
		return 1
	}
	space := runeWidth(' ', size)
	lines, x := 1, float32(0)
	for _, w := range strings.Fields(text) {
		ww := wordWidth(w, size)
		switch {
		case x == 0:
			x = ww
		case x+space+ww <= avail:
			x += space + ww
		default:
			lines++
			x = ww
		}
		for x > avail { // a word longer than the line is broken
			lines++
			x -= avail
		}
	}
	return lines
}
