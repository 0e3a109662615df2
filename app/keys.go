package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"mediareview/analysis"
	"mediareview/app/review"
)

// The review keys work whether the sentence list has the focus (after a
// click on a sentence, or when an article opens) or nothing has: the list
// hands them over with OnKey, the canvas with SetOnTypedKey. Text fields
// keep their letters; Escape leaves them.

var (
	shortcutFind   = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutExport = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutOpen   = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutUndo   = &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault}
)

func (m *mainWindow) installKeys() {
	c := m.win.Canvas()
	c.SetOnTypedKey(m.onKey)
	for _, s := range []fyne.Shortcut{shortcutFind, shortcutExport, shortcutOpen, shortcutUndo, &fyne.ShortcutUndo{}, &fyne.ShortcutPaste{}} {
		c.AddShortcut(s, m.onShortcut)
	}
}

// onKey runs the single-key commands of the review flow. While a dialog
// is open its keys are its own, and while an article is being opened or
// imported the sentences are hidden: nothing reaches the article then.
func (m *mainWindow) onKey(e *fyne.KeyEvent) {
	if m.win.Canvas().Overlays().Top() != nil || !m.article.list.Visible() {
		return
	}
	switch e.Name {
	case fyne.KeyJ, fyne.KeyDown:
		m.move((*review.Session).Next)
	case fyne.KeyK, fyne.KeyUp:
		m.move((*review.Session).Prev)
	case fyne.KeyN:
		m.move(func(s *review.Session) {
			if !s.NextUnreviewed() {
				m.top.flash("Every sentence shown is reviewed.")
			}
		})
	case fyne.KeyA:
		m.decide((*review.Session).Agree)
	case fyne.KeyD:
		m.decide((*review.Session).Disagree)
	case fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4:
		m.relabel(analysis.Labels[e.Name[0]-'1'])
	case fyne.KeyS:
		m.showSummary()
	case fyne.KeyF1:
		m.showShortcuts()
	}
}

// onShortcut runs the Ctrl shortcuts, from the canvas or the list.
func (m *mainWindow) onShortcut(s fyne.Shortcut) {
	if m.win.Canvas().Overlays().Top() != nil {
		return
	}
	switch s.ShortcutName() {
	case shortcutUndo.ShortcutName(), (&fyne.ShortcutUndo{}).ShortcutName():
		m.undo()
	case shortcutFind.ShortcutName():
		m.top.focusFind()
	case shortcutExport.ShortcutName():
		m.showExport()
	case shortcutOpen.ShortcutName():
		m.library.onOpen()
	case (&fyne.ShortcutPaste{}).ShortcutName():
		m.library.onPaste()
	}
}

var shortcutSheet = [][2]string{
	{"J or ↓", "next sentence"},
	{"K or ↑", "previous sentence"},
	{"N", "next sentence not reviewed yet"},
	{"A", "agree with the label"},
	{"D", "disagree with the label"},
	{"1 2 3 4", "relabel: quote, attributed, reported, opinion"},
	{"S", "summary of the article"},
	{"Ctrl+Z", "undo the last verdict"},
	{"Ctrl+F", "find words in the article"},
	{"Ctrl+E", "export the review report"},
	{"Ctrl+O", "open a file"},
	{"Ctrl+V", "paste an article into the library"},
	{"Esc", "leave a text field, back to the sentences"},
	{"F1", "this sheet"},
}

func (m *mainWindow) showShortcuts() {
	grid := container.NewGridWithColumns(2)
	for _, row := range shortcutSheet {
		grid.Add(widget.NewLabelWithStyle(row[0], fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
		grid.Add(widget.NewLabel(row[1]))
	}
	d := dialog.NewCustom("Keyboard shortcuts", "Close", grid, m.win)
	d.SetOnClosed(m.focusArticle)
	d.Show()
}

func (m *mainWindow) menu() *fyne.MainMenu {
	return fyne.NewMainMenu(
		fyne.NewMenu("File",
			&fyne.MenuItem{Label: "Open…", Shortcut: shortcutOpen, Action: m.library.onOpen},
			&fyne.MenuItem{Label: "Paste as new article…", Action: m.library.onPaste},
			&fyne.MenuItem{Label: "Export…", Shortcut: shortcutExport, Action: m.showExport},
		),
		fyne.NewMenu("Review",
			&fyne.MenuItem{Label: "Undo last verdict", Shortcut: shortcutUndo, Action: m.undo},
			&fyne.MenuItem{Label: "Find…", Shortcut: shortcutFind, Action: m.top.focusFind},
			&fyne.MenuItem{Label: "Summary", Action: m.showSummary},
			&fyne.MenuItem{Label: "Change reviewer…", Action: func() { m.askReviewer(true) }},
		),
		m.exerciseMenu(),
		fyne.NewMenu("Help",
			&fyne.MenuItem{Label: "Keyboard shortcuts", Action: m.showShortcuts},
		),
	)
}
