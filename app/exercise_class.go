package app

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mediareview/app/classroom"
)

// classScreen is the teacher's class report: submissions come in by
// dialog or by dropping files, and the report shows per student, per
// sentence, per speaker and as a confusion matrix.
type classScreen struct {
	win    fyne.Window
	class  *classroom.Class
	report *classroom.Report

	summary *widget.Label
	log     *widget.Label
	tabs    *container.AppTabs
	tables  map[classroom.Per]*reportTable
	spawn   func(func()) // runs file reading off the UI goroutine; tests run it inline
}

var reportTabs = []struct {
	per   classroom.Per
	title string
}{
	{classroom.PerStudent, "Students"},
	{classroom.PerSentence, "Sentences, hardest first"},
	{classroom.PerSpeaker, "Speakers"},
	{classroom.PerConfusion, "Confusion of labels"},
}

func newClassScreen(win fyne.Window, ex *classroom.Exercise) *classScreen {
	c := &classScreen{win: win, class: classroom.NewClass(ex), tables: map[classroom.Per]*reportTable{},
		spawn: func(f func()) { go f() }}
	c.summary = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.log = lowLabel("")
	c.tabs = container.NewAppTabs()
	for _, t := range reportTabs {
		c.tables[t.per] = newReportTable()
		c.tabs.Append(container.NewTabItem(t.title, c.tables[t.per].table))
	}
	c.refresh()
	return c
}

func (c *classScreen) content() fyne.CanvasObject {
	bar := container.NewHBox(
		&widget.Button{Text: "Add submission…", Icon: theme.FileIcon(), OnTapped: c.onAddFile},
		&widget.Button{Text: "Add folder…", Icon: theme.FolderOpenIcon(), OnTapped: c.onAddFolder},
		&widget.Button{Text: "Export this table as CSV…", Icon: theme.DocumentSaveIcon(), OnTapped: c.onExport})
	hint := &widget.Label{Text: "Drop .mrsubmission files (or folders) onto this window to add them.", TextStyle: fyne.TextStyle{Italic: true}}
	top := container.NewVBox(c.summary, bar, hint)
	return container.NewBorder(top, container.NewVScroll(c.log), nil, nil, c.tabs)
}

// openClassWindow opens the class report of the exercise at path with the
// submissions handed in beside it and those named.
func openClassWindow(ex *classroom.Exercise, path string, submissions ...string) {
	win := fyne.CurrentApp().NewWindow("Class report — " + ex.Manifest.Title)
	c := newClassScreen(win, ex)
	win.SetContent(c.content())
	win.SetOnDropped(func(_ fyne.Position, uris []fyne.URI) {
		var paths []string
		for _, u := range uris {
			paths = append(paths, u.Path())
		}
		c.addPaths(paths)
	})
	win.Resize(fyne.NewSize(1000, 640))
	win.Show()
	found, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "*"+classroom.SubmissionExt))
	if paths := union(found, submissions); len(paths) > 0 {
		c.addPaths(paths)
	}
}

// union is a then b without repeats.
func union(a, b []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range append(a, b...) {
		if abs, err := filepath.Abs(p); err == nil && !seen[abs] {
			seen[abs] = true
			out = append(out, p)
		}
	}
	return out
}

// addPaths reads the files (folders expanded) off the UI goroutine and
// takes them into the class on it.
func (c *classScreen) addPaths(paths []string) {
	c.spawn(func() {
		type read struct {
			path string
			sub  *classroom.Submission
			err  error
		}
		var got []read
		for _, p := range classroom.ExpandFolders(paths) {
			s, err := classroom.ReadSubmission(p)
			got = append(got, read{p, s, err})
		}
		fyne.Do(func() {
			var lines []string
			for _, r := range got {
				if r.err != nil {
					c.class.Refused = append(c.class.Refused, classroom.Refusal{Path: r.path, Err: r.err})
					lines = append(lines, "Refused "+r.err.Error())
					continue
				}
				note, err := c.class.Take(r.path, r.sub)
				switch {
				case err != nil:
					lines = append(lines, "Refused "+err.Error())
				case note != "":
					lines = append(lines, capitalise(note))
				}
			}
			c.note(lines)
			c.refresh()
		})
	})
}

func (c *classScreen) note(lines []string) {
	if len(lines) == 0 {
		return
	}
	text := strings.Join(lines, "\n")
	if c.log.Text != "" {
		text = c.log.Text + "\n" + text
	}
	c.log.SetText(text)
}

func (c *classScreen) refresh() {
	c.report = c.class.Report()
	c.summary.SetText(fmt.Sprintf("%s — %s graded, %s refused", c.report.Title, count(len(c.report.Students), "student"), count(len(c.class.Refused), "file")))
	for per, t := range c.tables {
		t.setRows(c.report.Rows(per))
	}
}

func count(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

func (c *classScreen) onAddFile() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		r.Close()
		c.addPaths([]string{r.URI().Path()})
	}, c.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{classroom.SubmissionExt}))
	d.Show()
}

func (c *classScreen) onAddFolder() {
	dialog.ShowFolderOpen(func(u fyne.ListableURI, err error) {
		if err == nil && u != nil {
			c.addPaths([]string{u.Path()})
		}
	}, c.win)
}

// onExport saves the table on show as CSV, with a byte order mark so
// that spreadsheet programs read it as UTF-8.
func (c *classScreen) onExport() {
	per := reportTabs[c.tabs.SelectedIndex()].per
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		err = c.report.WriteCSV(w, per, true)
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			dialog.ShowInformation("Export failed", plainError(err), c.win)
		}
	}, c.win)
	d.SetFileName("class-" + string(per) + ".csv")
	d.Show()
}

// reportTable shows rows of text, the first in bold as the header.
type reportTable struct {
	rows  [][]string
	table *widget.Table
}

func newReportTable() *reportTable {
	t := &reportTable{}
	t.table = widget.NewTable(
		func() (int, int) {
			if len(t.rows) == 0 {
				return 0, 0
			}
			return len(t.rows), len(t.rows[0])
		},
		func() fyne.CanvasObject { return &widget.Label{Truncation: fyne.TextTruncateEllipsis} },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.TextStyle.Bold = id.Row == 0
			l.SetText(t.rows[id.Row][id.Col])
		})
	return t
}

func (t *reportTable) setRows(rows [][]string) {
	head := make([]string, len(rows[0]))
	for i, h := range rows[0] {
		head[i] = strings.ReplaceAll(h, "_", " ")
	}
	t.rows = append([][]string{head}, rows[1:]...)
	for col := range head {
		longest := 0
		for _, r := range t.rows {
			longest = max(longest, len([]rune(r[col])))
		}
		t.table.SetColumnWidth(col, float32(min(max(longest, 4), 48))*9+24)
	}
	t.table.Refresh()
}
