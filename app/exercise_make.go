package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"mediareview/analysis"
	"mediareview/app/classroom"
	"mediareview/app/store"
)

// exerciseMenu holds the teacher's exercise commands.
func (m *mainWindow) exerciseMenu() *fyne.Menu {
	return fyne.NewMenu("Exercise",
		&fyne.MenuItem{Label: "Make an exercise from this article…", Action: m.showMakeExercise},
		&fyne.MenuItem{Label: "Open an exercise or grade a class…", Action: m.onOpenExercise},
	)
}

var askChoices = map[string]classroom.Ask{
	"Labels and speakers": classroom.AskBoth,
	"Labels only":         classroom.AskLabels,
	"Speakers only":       classroom.AskSpeakers,
}

// showMakeExercise asks for the exercise's title, instructions and
// settings; the reviewer's verdicts on the open article become the key.
func (m *mainWindow) showMakeExercise() {
	if m.session == nil {
		m.showProblem("Make an exercise", "Open a reviewed article first: your verdicts on it become the answer key.")
		return
	}
	title := widget.NewEntry()
	title.SetText(m.title)
	instructions := widget.NewMultiLineEntry()
	instructions.SetPlaceHolder("e.g. Which sentences are the writer's opinion, and who speaks in each quote?")
	ask := widget.NewRadioGroup([]string{"Labels and speakers", "Labels only", "Speakers only"}, nil)
	ask.SetSelected("Labels and speakers")
	hide := widget.NewCheck("Hide the machine's labels until the student hands in", nil)
	hide.SetChecked(true)
	reveal := widget.NewCheck("After handing in, show the key and the score", nil)
	reveal.SetChecked(true)
	reasons := widget.NewCheck("After handing in, show the machine's reasons", nil)
	reasons.SetChecked(true)
	items := []*widget.FormItem{
		widget.NewFormItem("Title", title),
		widget.NewFormItem("Instructions", instructions),
		widget.NewFormItem("Ask", ask),
		widget.NewFormItem("", hide), widget.NewFormItem("", reveal), widget.NewFormItem("", reasons),
	}
	d := dialog.NewForm("Make an exercise", "Save as…", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		m.saveExercise(classroom.Options{Title: title.Text, Instructions: instructions.Text, Settings: classroom.Settings{
			Ask: askChoices[ask.Selected], HideMachine: hide.Checked, RevealKey: reveal.Checked, ShowReasons: reasons.Checked}})
	}, m.win)
	d.Resize(fyne.NewSize(560, 460))
	d.Show()
}

func (m *mainWindow) saveExercise(opt classroom.Options) {
	article, res, reviewer := m.session.Article(), m.session.Result(), m.reviewer
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		w.Close() // the exercise is written atomically beside it
		go func() {
			ex, err := makeExercise(m.store, article, reviewer, res, opt, path)
			fyne.Do(func() {
				if err != nil {
					m.showError("Cannot make the exercise", err)
					return
				}
				m.showProblem("Exercise saved", describeExercise(ex, path))
			})
		}()
	}, m.win)
	d.SetFileName(fileNameFor(opt.Title) + classroom.Ext)
	d.SetFilter(storage.NewExtensionFileFilter([]string{classroom.Ext}))
	d.Show()
}

// makeExercise builds and writes the exercise; it runs off the UI
// goroutine.
func makeExercise(st *store.Store, article int64, reviewer string, res *analysis.Result, opt classroom.Options, path string) (*classroom.Exercise, error) {
	src, err := classroom.FromLibrary(context.Background(), st, article, reviewer, res)
	if err != nil {
		return nil, err
	}
	ex, err := classroom.New(src, opt)
	if err != nil {
		return nil, err
	}
	return ex, ex.Write(path)
}

func describeExercise(ex *classroom.Exercise, path string) string {
	n := ex.KeyFrom()
	msg := fmt.Sprintf("Saved %s.\n\nThe key has %d sentences: %d from your verdicts, %d from the machine", path,
		len(ex.Sentences), n[classroom.FromTeacher], n[classroom.FromMachine])
	if n[classroom.FromNone] > 0 {
		msg += fmt.Sprintf(", %d left out (you disagreed without giving a label)", n[classroom.FromNone])
	}
	return msg + fmt.Sprintf(", and %d quotes whose speaker students name.\n\nGive the file to the students; collect their .mrsubmission files and open the exercise again to grade them.", len(ex.Quotes))
}

// fileNameFor turns a title into a file name.
func fileNameFor(title string) string {
	name := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) {
			return '-'
		}
		return r
	}, strings.TrimSpace(title))
	if name == "" {
		return "exercise"
	}
	return name
}

// onOpenExercise opens an exercise file: a student works on it, a teacher
// grades the class.
func (m *mainWindow) onOpenExercise() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		r.Close()
		openExercise(m.win, r.URI().Path())
	}, m.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{classroom.Ext}))
	d.Show()
}
