package widgets

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// SentenceRow draws one sentence of the article list: tinted by its label,
// with the label's letter chip, signal words in bold, quoted words in
// italics, who speaks underneath and the reviewer's verdict at the right.
type SentenceRow struct {
	widget.BaseWidget
	data RowData
}

// NewSentenceRow returns an empty row; fill it with SetData.
func NewSentenceRow() *SentenceRow {
	r := &SentenceRow{}
	r.ExtendBaseWidget(r)
	return r
}

// SetData shows d.
func (r *SentenceRow) SetData(d RowData) {
	r.data = d
	r.Refresh()
}

// Data is what the row shows.
func (r *SentenceRow) Data() RowData { return r.data }

// CreateRenderer is part of fyne.Widget.
func (r *SentenceRow) CreateRenderer() fyne.WidgetRenderer {
	rr := &rowRenderer{
		row:     r,
		bg:      &canvas.Rectangle{CornerRadius: 3},
		outline: &canvas.Rectangle{CornerRadius: 3, FillColor: color.Transparent},
		chip:    NewLabelChip(r.data.Label),
		text:    &widget.RichText{},
		caption: &canvas.Text{TextStyle: fyne.TextStyle{Italic: true}},
		number:  &canvas.Text{Alignment: fyne.TextAlignCenter},
		icon:    widget.NewIcon(nil),
	}
	rr.Refresh()
	return rr
}

type rowRenderer struct {
	row             *SentenceRow
	bg, outline     *canvas.Rectangle
	chip            *LabelChip
	text            *widget.RichText
	caption, number *canvas.Text
	icon            *widget.Icon
	lineWidth       float32 // the width the text's lines were broken for
}

func (r *rowRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.outline, r.chip, r.number, r.text, r.caption, r.icon}
}

func (r *rowRenderer) Destroy() {}

func (r *rowRenderer) MinSize() fyne.Size {
	g := geometryOf(r.row.Theme())
	d := &r.row.data
	return fyne.NewSize(g.textX+g.right+50, g.gapFor(d)+max(g.line1+g.captionFor(d), g.chipY+g.chip+g.number))
}

func (r *rowRenderer) Layout(s fyne.Size) {
	g := geometryOf(r.row.Theme())
	d := &r.row.data
	top := g.gapFor(d)
	r.bg.Move(fyne.NewPos(0, top))
	r.bg.Resize(fyne.NewSize(s.Width, s.Height-top))
	r.outline.Move(r.bg.Position())
	r.outline.Resize(r.bg.Size())
	r.chip.Move(fyne.NewPos(g.pad, top+g.chipY))
	r.chip.Resize(fyne.NewSquareSize(g.chip))
	r.number.Move(fyne.NewPos(g.pad, top+g.chipY+g.chip))
	r.number.Resize(fyne.NewSize(g.chip, g.number))
	textW := s.Width - g.textX - g.right
	r.text.Move(fyne.NewPos(g.textX, top))
	r.text.Resize(fyne.NewSize(textW, s.Height-top-g.captionFor(d)))
	if avail := textW - 2*g.inner; avail != r.lineWidth {
		r.lineWidth = avail
		r.text.Segments = d.segments(lineStarts(d.Text, avail, g.textSize))
		r.text.Refresh()
		r.caption.Text = fitText(d.caption(), avail, g.small, r.caption.TextStyle)
		r.caption.Refresh()
	}
	r.caption.Move(fyne.NewPos(g.textX+g.inner, s.Height-g.captionFor(d)))
	r.caption.Resize(fyne.NewSize(textW, g.captionFor(d)))
	r.icon.Move(fyne.NewPos(s.Width-g.right+g.pad, top+g.chipY))
	r.icon.Resize(fyne.NewSquareSize(g.icon))
}

func (r *rowRenderer) Refresh() {
	th := r.row.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	d := &r.row.data
	tint := LabelTint(d.Label, v)
	r.outline.StrokeWidth = 0
	if d.Selected {
		tint.A += 0x28
		r.outline.StrokeColor = th.Color(theme.ColorNamePrimary, v)
		r.outline.StrokeWidth = 2
	}
	r.bg.FillColor = tint
	r.chip.SetLabel(d.Label)
	r.number.Text = itoa(d.Number)
	r.number.TextSize = th.Size(theme.SizeNameCaptionText)
	r.number.Color = th.Color(theme.ColorNamePlaceHolder, v)
	r.lineWidth = -1 // break the lines again in Layout
	r.caption.TextSize = th.Size(theme.SizeNameCaptionText)
	r.caption.Color = th.Color(theme.ColorNamePlaceHolder, v)
	switch d.Verdict {
	case VerdictAgree:
		r.icon.SetResource(theme.NewSuccessThemedResource(theme.ConfirmIcon()))
	case VerdictDisagree:
		r.icon.SetResource(theme.NewErrorThemedResource(theme.CancelIcon()))
	default:
		r.icon.SetResource(nil)
	}
	r.Layout(r.row.Size())
	canvas.Refresh(r.row)
}

// caption is the line under the text: who speaks, then what the reviewer
// changed or noted.
func (d *RowData) caption() string {
	var parts []string
	if d.Caption != "" {
		parts = append(parts, d.Caption)
	}
	if d.Label != d.Machine {
		parts = append(parts, "machine said "+LabelName(d.Machine))
	}
	if d.Speaker != "" {
		parts = append(parts, "you: "+d.Speaker)
	}
	if d.Note != "" {
		parts = append(parts, "note: "+d.Note)
	}
	return strings.Join(parts, " · ")
}

// fitText shortens s with an ellipsis until it fits in width.
func fitText(s string, width, size float32, style fyne.TextStyle) string {
	if fyne.MeasureText(s, size, style).Width <= width {
		return s
	}
	r := []rune(s)
	lo, hi := 0, len(r) // the longest prefix that fits is in [lo, hi)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if fyne.MeasureText(string(r[:mid])+"…", size, style).Width <= width {
			lo = mid
		} else {
			hi = mid
		}
	}
	return strings.TrimRight(string(r[:lo]), " ·") + "…"
}

func itoa(n int) string {
	if n <= 0 {
		return ""
	}
	var b [20]byte
	i := len(b)
	for ; n > 0; n /= 10 {
		i--
		b[i] = byte('0' + n%10)
	}
	return string(b[i:])
}
