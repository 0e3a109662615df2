package app

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"mediareview/app/report"
)

// exportForm holds the choices of the `export` command as widgets.
type exportForm struct {
	scope, who                *widget.RadioGroup
	summary, anonymize, excel *widget.Check
}

const (
	scopeArticle = "This article"
	scopeAll     = "Every article in the library"
	whoMe        = "My verdicts"
	whoAll       = "Every reviewer's verdicts"
)

func newExportForm() *exportForm {
	f := &exportForm{
		scope:     widget.NewRadioGroup([]string{scopeArticle, scopeAll}, nil),
		who:       widget.NewRadioGroup([]string{whoMe, whoAll}, nil),
		summary:   widget.NewCheck("Summary: one row per article and reviewer, with agreement", nil),
		anonymize: widget.NewCheck("Replace reviewer names by codes (R001, R002, …)", nil),
		excel:     widget.NewCheck("For Excel (UTF-8 with a byte-order mark)", nil),
	}
	f.scope.SetSelected(scopeArticle)
	f.who.SetSelected(whoAll)
	return f
}

func (f *exportForm) items() []*widget.FormItem {
	return []*widget.FormItem{
		{Text: "Articles", Widget: f.scope},
		{Text: "Verdicts", Widget: f.who},
		{Text: "Rows", Widget: f.summary},
		{Text: "Privacy", Widget: f.anonymize},
		{Text: "Format", Widget: f.excel},
	}
}

// options turns the choices into report options for the open article and
// reviewer.
func (f *exportForm) options(article int64, reviewer string) report.Options {
	o := report.Options{Summary: f.summary.Checked, Anonymize: f.anonymize.Checked, Excel: f.excel.Checked}
	if f.scope.Selected == scopeArticle {
		o.Article = article
	}
	if f.who.Selected == whoMe {
		o.Reviewer = reviewer
	}
	return o
}

// showExport asks what to export, then where, then writes the CSV report.
func (m *mainWindow) showExport() {
	f := newExportForm()
	if m.session == nil {
		f.scope.SetSelected(scopeAll)
		f.scope.Disable()
	}
	d := dialog.NewForm("Export the review report", "Choose file…", "Cancel", f.items(), func(ok bool) {
		if !ok {
			m.focusArticle()
			return
		}
		var article int64
		if m.session != nil {
			article = m.session.Article()
		}
		m.chooseExportFile(f.options(article, m.reviewer))
	}, m.win)
	d.Resize(fyne.NewSize(560, 360))
	d.Show()
}

func (m *mainWindow) chooseExportFile(opts report.Options) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			m.showError("Cannot export", err)
			return
		}
		if wc == nil {
			m.focusArticle()
			return
		}
		m.spawn(func() {
			n, err := report.Write(context.Background(), wc, m.store, opts)
			if cerr := wc.Close(); err == nil {
				err = cerr
			}
			fyne.Do(func() { m.afterExport(wc.URI().Path(), n, err) })
		})
	}, m.win)
	d.SetFileName(exportName(m.title, opts))
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv"}))
	d.Resize(fyne.NewSize(760, 520))
	d.Show()
}

func (m *mainWindow) afterExport(path string, rows int, err error) {
	if err != nil {
		m.showError("Cannot export "+path, err)
		return
	}
	m.top.flash(fmt.Sprintf("Exported %d rows to %s", rows, path))
	m.focusArticle()
}

// exportName suggests a file name: the article's title or "library", the
// kind of report and today's date.
func exportName(title string, o report.Options) string {
	name := "library"
	if o.Article != 0 && title != "" {
		name = slug(title)
	}
	kind := "verdicts"
	if o.Summary {
		kind = "summary"
	}
	return fmt.Sprintf("%s-%s-%s.csv", name, kind, time.Now().Format("2006-01-02"))
}

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
		if b.Len() >= 40 {
			break
		}
	}
	return strings.Trim(b.String(), "-")
}
