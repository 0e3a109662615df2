package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// SentenceList is a widget.List that keeps the keyboard: once focused (by
// a click on a row or by the window) it hands every key and shortcut to
// OnKey and OnShortcut instead of swallowing letters, so review keys work
// whether or not the list has focus. It also reports width changes, which
// change how tall wrapped rows are.
type SentenceList struct {
	widget.List

	OnKey      func(*fyne.KeyEvent)
	OnShortcut func(fyne.Shortcut)
	OnWidth    func(width float32)

	width float32
}

// NewSentenceList returns a list of length rows built by create and
// filled by update, as widget.NewList.
func NewSentenceList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *SentenceList {
	l := &SentenceList{}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey passes keys to OnKey; without one it moves as a List does.
func (l *SentenceList) TypedKey(e *fyne.KeyEvent) {
	if l.OnKey != nil {
		l.OnKey(e)
		return
	}
	l.List.TypedKey(e)
}

// FocusGained keeps the list from marking its own keyboard row: the
// current sentence is the row drawn as selected.
func (l *SentenceList) FocusGained() {}

// FocusLost is part of fyne.Focusable.
func (l *SentenceList) FocusLost() {}

// TypedRune is ignored: review keys arrive as TypedKey.
func (l *SentenceList) TypedRune(rune) {}

// TypedShortcut passes shortcuts such as Ctrl+Z to OnShortcut.
func (l *SentenceList) TypedShortcut(s fyne.Shortcut) {
	if l.OnShortcut != nil {
		l.OnShortcut(s)
	}
}

// Resize reports a new width to OnWidth before laying out.
func (l *SentenceList) Resize(s fyne.Size) {
	if s.Width != l.width {
		l.width = s.Width
		if l.OnWidth != nil {
			l.OnWidth(s.Width)
		}
	}
	l.List.Resize(s)
}
