package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mediareview/analysis"
)

// Share is one label's part of a MixBar.
type Share struct {
	Label analysis.Label
	Value float64 // any scale: the bar divides by the total
}

// MixBar is a horizontal bar split in the label colours by each label's
// share, each part carrying its letter where there is room.
type MixBar struct {
	widget.BaseWidget
	shares []Share
}

// NewMixBar returns a bar showing shares.
func NewMixBar(shares []Share) *MixBar {
	b := &MixBar{shares: shares}
	b.ExtendBaseWidget(b)
	return b
}

// SetShares changes what the bar shows.
func (b *MixBar) SetShares(shares []Share) {
	b.shares = shares
	b.Refresh()
}

// CreateRenderer is part of fyne.Widget.
func (b *MixBar) CreateRenderer() fyne.WidgetRenderer {
	r := &mixRenderer{bar: b}
	r.Refresh()
	return r
}

type mixRenderer struct {
	bar     *MixBar
	parts   []*canvas.Rectangle
	letters []*canvas.Text
	objects []fyne.CanvasObject
}

func (r *mixRenderer) total() float64 {
	t := 0.0
	for _, s := range r.bar.shares {
		t += max(s.Value, 0)
	}
	return t
}

func (r *mixRenderer) Layout(size fyne.Size) {
	total := r.total()
	x := float32(0)
	for i, s := range r.bar.shares {
		w := float32(0)
		if total > 0 {
			w = size.Width * float32(max(s.Value, 0)/total)
		}
		r.parts[i].Move(fyne.NewPos(x, 0))
		r.parts[i].Resize(fyne.NewSize(w, size.Height))
		t := r.letters[i]
		t.Hidden = w < t.MinSize().Width+4
		t.Move(fyne.NewPos(x, (size.Height-t.MinSize().Height)/2))
		t.Resize(fyne.NewSize(w, t.MinSize().Height))
		x += w
	}
}

func (r *mixRenderer) MinSize() fyne.Size {
	th := r.bar.Theme()
	return fyne.NewSize(4*th.Size(theme.SizeNameText), th.Size(theme.SizeNameText)*1.8)
}

func (r *mixRenderer) Refresh() {
	r.parts, r.letters, r.objects = r.parts[:0], r.letters[:0], r.objects[:0]
	for _, s := range r.bar.shares {
		p := canvas.NewRectangle(LabelColor(s.Label))
		t := &canvas.Text{Text: LabelLetter(s.Label), Color: LabelInk(s.Label), Alignment: fyne.TextAlignCenter,
			TextStyle: fyne.TextStyle{Bold: true}, TextSize: r.bar.Theme().Size(theme.SizeNameText)}
		r.parts, r.letters = append(r.parts, p), append(r.letters, t)
		r.objects = append(r.objects, p, t)
	}
	r.Layout(r.bar.Size())
	canvas.Refresh(r.bar)
}

func (r *mixRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *mixRenderer) Destroy()                     {}
