package app

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mediareview/app/review"
	"mediareview/widgets"
)

var filterNames = map[review.Filter]string{
	review.FilterAll:        "All sentences",
	review.FilterQuotes:     "Quotes",
	review.FilterAttributed: "Attributed",
	review.FilterReported:   "Reported",
	review.FilterOpinions:   "Opinions",
	review.FilterUnreviewed: "Not reviewed yet",
}

// topBar holds the filter, find, the reviewer, progress, Summary and
// Export.
type topBar struct {
	m        *mainWindow
	filter   *widget.Select
	find     *widgets.Entry
	reviewer *widget.Button
	progress *widget.ProgressBar
	done     *widget.Label
	status   *widget.Label
	flashed  int
}

func newTopBar(m *mainWindow) *topBar {
	t := &topBar{m: m}
	var names []string
	for _, f := range review.Filters {
		names = append(names, filterNames[f])
	}
	t.filter = widget.NewSelect(names, t.onFilter)
	t.filter.SetSelected(filterNames[m.prefs.filter()])
	t.find = widgets.NewEntry("Find in the article (Ctrl+F)")
	t.find.OnChanged = func(string) { t.onFind(false) }
	t.find.OnSubmitted = func(string) { t.onFind(true) }
	t.find.OnEscape = m.focusArticle
	t.reviewer = &widget.Button{Icon: theme.AccountIcon(), Importance: widget.LowImportance,
		OnTapped: func() { m.askReviewer(true) }}
	t.progress = widget.NewProgressBar()
	t.progress.TextFormatter = func() string { return "" }
	t.done = widget.NewLabel("")
	t.status = &widget.Label{TextStyle: fyne.TextStyle{Italic: true}, Truncation: fyne.TextTruncateEllipsis}
	return t
}

func (t *topBar) content() fyne.CanvasObject {
	summary := &widget.Button{Text: "Summary", Icon: theme.InfoIcon(), OnTapped: t.m.showSummary}
	export := &widget.Button{Text: "Export…", Icon: theme.DocumentSaveIcon(), OnTapped: t.m.showExport}
	help := &widget.Button{Icon: theme.HelpIcon(), Importance: widget.LowImportance, OnTapped: t.m.showShortcuts}
	left := container.NewHBox(widget.NewLabel("Show"), t.filter)
	bar := container.NewGridWrap(fyne.NewSize(140, t.progress.MinSize().Height), t.progress)
	right := container.NewHBox(t.reviewer, t.done, container.NewCenter(bar), summary, export, help)
	top := container.NewBorder(nil, nil, left, right, t.find)
	return container.NewVBox(container.NewPadded(top), t.statusLine(), widget.NewSeparator())
}

func (t *topBar) statusLine() fyne.CanvasObject {
	t.status.Hidden = true
	return t.status
}

func (t *topBar) onFilter(name string) {
	for f, n := range filterNames {
		if n == name {
			t.m.setFilter(f)
		}
	}
}

func (t *topBar) refreshReviewer() {
	name := t.m.reviewer
	if name == "" {
		name = "Who is reviewing?"
	}
	t.reviewer.SetText(name)
}

func (t *topBar) progressText() string {
	s := t.m.session
	if s == nil {
		return "no article"
	}
	done, total := s.Progress()
	return fmt.Sprintf("%d of %d reviewed", done, total)
}

func (t *topBar) refreshProgress() {
	s := t.m.session
	t.done.SetText(t.progressText())
	if s == nil {
		t.progress.SetValue(0)
		return
	}
	done, total := s.Progress()
	t.progress.Max = float64(max(total, 1))
	t.progress.SetValue(float64(done))
	t.m.library.setProgress(s.Article(), done, total)
}

// flash shows a short message under the bar for a few seconds.
func (t *topBar) flash(msg string) {
	t.flashed++
	n := t.flashed
	t.status.SetText(msg)
	t.status.Show()
	after(4*time.Second, func() {
		if t.flashed == n {
			t.status.Hide()
		}
	})
}

func (t *topBar) focusFind() {
	t.m.win.Canvas().Focus(t.find)
}

// onFind selects the next sentence containing the words: from the current
// one while typing, after it on Enter.
func (t *topBar) onFind(again bool) {
	s := t.m.session
	q := strings.ToLower(strings.TrimSpace(t.find.Text))
	if s == nil || q == "" || s.Rows() == 0 {
		return
	}
	start := max(s.RowOf(s.Current()), 0)
	if again {
		start++
	}
	for k := 0; k < s.Rows(); k++ {
		i := s.Row((start + k) % s.Rows())
		if strings.Contains(strings.ToLower(s.Sentence(i).Text), q) {
			from := s.Current()
			s.Select(i)
			t.m.afterMove(from)
			return
		}
	}
	t.flash("“" + t.find.Text + "” is not in the sentences shown.")
}
