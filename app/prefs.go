package app

import (
	"fyne.io/fyne/v2"

	"mediareview/app/review"
)

// prefs is what the window remembers between runs. Fyne cannot place a
// window, so the position is left to the window manager.
type prefs struct{ p fyne.Preferences }

const (
	prefReviewer = "reviewer"
	prefArticle  = "lastArticle"
	prefFilter   = "filter"
	prefWidth    = "windowWidth"
	prefHeight   = "windowHeight"
)

func (p prefs) reviewer() string          { return p.p.String(prefReviewer) }
func (p prefs) setReviewer(name string)   { p.p.SetString(prefReviewer, name) }
func (p prefs) lastArticle() int64        { return int64(p.p.Int(prefArticle)) }
func (p prefs) setLastArticle(id int64)   { p.p.SetInt(prefArticle, int(id)) }
func (p prefs) filter() review.Filter     { return review.ParseFilter(p.p.String(prefFilter)) }
func (p prefs) setFilter(f review.Filter) { p.p.SetString(prefFilter, string(f)) }

func (p prefs) windowSize() fyne.Size {
	w := p.p.FloatWithFallback(prefWidth, 1240) // fits a 1366×768 laptop
	h := p.p.FloatWithFallback(prefHeight, 720)
	return fyne.NewSize(float32(max(w, 640)), float32(max(h, 420)))
}

func (p prefs) setWindowSize(s fyne.Size) {
	p.p.SetFloat(prefWidth, float64(s.Width))
	p.p.SetFloat(prefHeight, float64(s.Height))
}
