package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mediareview/analysis"
)

// LabelChip is a small rounded square in the label's colour with its
// letter, so the label never depends on colour alone.
type LabelChip struct {
	widget.BaseWidget
	Label analysis.Label
}

// NewLabelChip returns a chip for l.
func NewLabelChip(l analysis.Label) *LabelChip {
	c := &LabelChip{Label: l}
	c.ExtendBaseWidget(c)
	return c
}

// SetLabel changes the chip's label.
func (c *LabelChip) SetLabel(l analysis.Label) {
	if c.Label != l {
		c.Label = l
		c.Refresh()
	}
}

// CreateRenderer is part of fyne.Widget.
func (c *LabelChip) CreateRenderer() fyne.WidgetRenderer {
	bg := &canvas.Rectangle{CornerRadius: 4}
	txt := &canvas.Text{TextStyle: fyne.TextStyle{Bold: true}, Alignment: fyne.TextAlignCenter}
	r := &chipRenderer{chip: c, bg: bg, text: txt}
	r.Refresh()
	return r
}

type chipRenderer struct {
	chip *LabelChip
	bg   *canvas.Rectangle
	text *canvas.Text
}

func (r *chipRenderer) Layout(s fyne.Size) {
	r.bg.Resize(s)
	ts := r.text.MinSize()
	r.text.Move(fyne.NewPos(0, (s.Height-ts.Height)/2))
	r.text.Resize(fyne.NewSize(s.Width, ts.Height))
}

func (r *chipRenderer) MinSize() fyne.Size {
	side := r.chip.Theme().Size(theme.SizeNameText) + 2*r.chip.Theme().Size(theme.SizeNameInnerPadding)/2
	return fyne.NewSquareSize(side)
}

func (r *chipRenderer) Refresh() {
	r.bg.FillColor = LabelColor(r.chip.Label)
	r.text.Text = LabelLetter(r.chip.Label)
	r.text.Color = LabelInk(r.chip.Label)
	r.text.TextSize = r.chip.Theme().Size(theme.SizeNameText) * 0.9
	r.bg.Refresh()
	r.text.Refresh()
}

func (r *chipRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.bg, r.text} }
func (r *chipRenderer) Destroy()                     {}
