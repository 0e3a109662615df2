package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"mediareview/analysis"
	"mediareview/app/review"
)

// show installs a freshly opened session.
func (m *mainWindow) show(s *review.Session, title string) {
	m.session = s
	m.setTitle(title)
	m.prefs.setLastArticle(s.Article())
	m.library.setCurrent(s.Article())
	m.article.setSession(s)
	m.details.refresh()
	m.top.refreshProgress()
}

// closeArticle forgets the article when it was the one shown.
func (m *mainWindow) closeArticle(id int64) {
	if m.session == nil || m.session.Article() != id {
		return
	}
	m.cancel()
	m.session = nil
	m.setTitle("")
	m.article.showMessage("Choose an article in the library, or open a file.")
	m.details.refresh()
	m.top.refreshProgress()
}

// move runs a selection change and redraws what it touched.
func (m *mainWindow) move(step func(*review.Session)) {
	if m.session == nil {
		return
	}
	from := m.session.Current()
	step(m.session)
	m.afterMove(from)
}

func (m *mainWindow) afterMove(from int) {
	m.article.moved(from, m.session.Current())
	m.details.refresh()
}

// decide gives a verdict on the current sentence and moves on.
func (m *mainWindow) decide(verdict func(*review.Session) error) {
	if m.session == nil || !m.haveReviewer() {
		return
	}
	from := m.session.Current()
	if err := verdict(m.session); err != nil {
		m.showError("Cannot save the verdict", err)
		return
	}
	m.article.moved(from, m.session.Current())
	m.details.refresh()
	m.top.refreshProgress()
}

func (m *mainWindow) relabel(l analysis.Label) {
	m.decide(func(s *review.Session) error { return s.Relabel(l) })
}

func (m *mainWindow) undo() {
	if m.session == nil {
		return
	}
	from := m.session.Current()
	ok, err := m.session.Undo()
	if err != nil {
		m.showError("Cannot undo", err)
		return
	}
	if !ok {
		m.top.flash("Nothing to undo in this session.")
		return
	}
	if m.session.RowOf(m.session.Current()) < 0 {
		m.session.SetFilter(m.session.Filter()) // the undone sentence is hidden: show it again
		m.article.resizeRows()
		m.article.refresh()
	}
	m.article.moved(from, m.session.Current())
	m.details.refresh()
	m.top.refreshProgress()
}

func (m *mainWindow) setFilter(f review.Filter) {
	m.prefs.setFilter(f)
	if m.session == nil || m.session.Filter() == f {
		return
	}
	m.session.SetFilter(f)
	m.article.resizeRows()
	m.article.refresh()
	m.details.refresh()
	m.focusArticle()
}

// focusArticle gives the keyboard back to the sentence list.
func (m *mainWindow) focusArticle() { m.win.Canvas().Focus(m.article.list) }

// haveReviewer asks for the reviewer's name when there is none yet.
func (m *mainWindow) haveReviewer() bool {
	if m.reviewer != "" {
		return true
	}
	m.askReviewer(false)
	return false
}

// askReviewer asks for the name or code verdicts are given under; Enter
// confirms. On first start it may be put off ("Not now"): the first
// verdict asks again.
func (m *mainWindow) askReviewer(cancellable bool) {
	name := widget.NewEntry()
	name.SetText(m.reviewer)
	name.SetPlaceHolder("a name or a code, e.g. 7B-12")
	name.Validator = func(s string) error {
		if trim(s) == "" {
			return errNoName
		}
		return nil
	}
	item := widget.NewFormItem("Reviewer", name)
	item.HintText = "Your verdicts are kept under it, on this computer only."
	dismiss := "Not now"
	if cancellable {
		dismiss = "Cancel"
	}
	d := dialog.NewForm("Who is reviewing?", "Start reviewing", dismiss, []*widget.FormItem{item}, func(ok bool) {
		if ok {
			m.setReviewer(trim(name.Text))
			return
		}
		m.focusArticle()
	}, m.win)
	name.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(460, 220))
	d.Show()
	m.win.Canvas().Focus(name)
}

func (m *mainWindow) setReviewer(name string) {
	if name == "" || name == m.reviewer {
		m.focusArticle()
		return
	}
	m.reviewer = name
	m.prefs.setReviewer(name)
	m.top.refreshReviewer()
	m.library.load()
	if m.session != nil {
		m.open(m.session.Article()) // load this reviewer's verdicts
	}
}
