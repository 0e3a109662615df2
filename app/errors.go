package app

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

var errNoName = errors.New("enter a name or a code")

func trim(s string) string { return strings.TrimSpace(s) }

// showError tells the reviewer in plain words what went wrong.
func (m *mainWindow) showError(title string, err error) {
	m.showProblem(title, plainError(err))
}

func (m *mainWindow) showProblem(title, message string) {
	text := widget.NewLabel(message)
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(title, "OK", text, m.win)
	d.Resize(fyne.NewSize(480, 200))
	d.SetOnClosed(m.focusArticle)
	d.Show()
}
