package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"mediareview/app/buildinfo"
	"mediareview/app/cli"
	"mediareview/app/review"
	"mediareview/app/store"
)

// mainWindow is the review window: the library on the left, the article in
// the centre, the selected sentence's details on the right and the top bar.
type mainWindow struct {
	app   fyne.App
	win   fyne.Window
	store *store.Store
	prefs prefs

	reviewer string
	session  *review.Session // nil until an article is shown
	title    string
	cancel   context.CancelFunc // stops the article being opened
	spawn    func(func())       // runs loading off the UI goroutine

	library *libraryPanel
	article *articlePanel
	details *detailsPanel
	top     *topBar
}

func newMainWindow(a fyne.App, w fyne.Window, st *store.Store) *mainWindow {
	m := &mainWindow{app: a, win: w, store: st, prefs: prefs{a.Preferences()},
		cancel: func() {}, spawn: background}
	m.library = newLibraryPanel(m)
	m.article = newArticlePanel(m)
	m.details = newDetailsPanel(m)
	m.top = newTopBar(m)

	centre := container.NewHSplit(m.article.content(), m.details.content())
	centre.SetOffset(0.66)
	panes := container.NewHSplit(m.library.content(), centre)
	panes.SetOffset(0.2)
	w.SetContent(container.NewBorder(m.top.content(), nil, nil, nil, panes))
	w.SetMainMenu(m.menu())
	w.Resize(m.prefs.windowSize())
	w.SetOnDropped(m.onDropped)
	a.Lifecycle().SetOnStopped(m.rememberWindow)
	m.installKeys()
	return m
}

// start picks the reviewer and the first article: FILE from the command
// line, else the last article, else the first sample (imported on the very
// first start).
func (m *mainWindow) start(opts cli.Window) {
	warmUp()
	m.reviewer = opts.Reviewer
	if m.reviewer == "" {
		m.reviewer = m.prefs.reviewer()
	}
	m.top.refreshReviewer()
	m.library.load()
	switch {
	case opts.File != "":
		m.importAndOpen([]string{opts.File})
	case m.library.has(m.prefs.lastArticle()):
		m.open(m.prefs.lastArticle())
	default:
		m.openFirstSample()
	}
	if m.reviewer == "" {
		m.askReviewer(false)
	}
}

func (m *mainWindow) stop() { m.cancel() }

// rememberWindow keeps the window's size for the next start; Fyne writes
// the preferences to disk right after, however the app was asked to quit.
func (m *mainWindow) rememberWindow() {
	if s := m.win.Canvas().Size(); s.Width > 0 && s.Height > 0 {
		m.prefs.setWindowSize(s)
	}
}

// setTitle names the window after the article.
func (m *mainWindow) setTitle(title string) {
	m.title = title
	if title == "" {
		m.win.SetTitle(buildinfo.Name)
		return
	}
	m.win.SetTitle(title + " — " + buildinfo.Name)
}
