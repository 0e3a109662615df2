package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mediareview/app/classroom"
)

// submissionPath is where the hand-in goes: beside the exercise, named
// after it and the student code.
func (s *studentScreen) submissionPath() string {
	base := strings.TrimSuffix(filepath.Base(s.path), filepath.Ext(s.path))
	return filepath.Join(filepath.Dir(s.path), base+"-"+safeName(s.sub.Student)+classroom.SubmissionExt)
}

func safeName(code string) string {
	return strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r == ':' || r == '*' || r == '?' || r == '"' || r == '<' || r == '>' || r == '|' || r == ' ' {
			return '_'
		}
		return r
	}, code)
}

func (s *studentScreen) confirmSubmit() {
	open := 0
	for i := range s.ex.Sentences {
		if s.open(i) {
			open++
		}
	}
	msg := "Hand in your answers? You cannot change them afterwards."
	if open > 0 {
		msg = fmt.Sprintf("%d sentences still have a question open. %s", open, msg)
	}
	text := &widget.Label{Text: msg + "\n\nThe file goes beside the exercise: " + s.submissionPath(), Wrapping: fyne.TextWrapWord}
	var d dialog.Dialog
	buttons := container.NewHBox(
		&widget.Button{Text: "Hand in", Icon: theme.ConfirmIcon(), Importance: widget.HighImportance, OnTapped: func() {
			d.Hide()
			s.handIn(s.submissionPath())
		}},
		&widget.Button{Text: "Save elsewhere…", OnTapped: func() {
			d.Hide()
			s.askWhere(nil)
		}},
		&widget.Button{Text: "Not yet", Icon: theme.CancelIcon(), OnTapped: func() { d.Hide() }})
	d = dialog.NewCustomWithoutButtons("Hand in", container.NewVBox(text, container.NewCenter(buttons)), s.win)
	d.Resize(fyne.NewSize(520, 220))
	d.Show()
}

// handIn seals and writes the submission; where the folder cannot be
// written (a read-only stick), it asks where to save.
func (s *studentScreen) handIn(path string) {
	sealed := *s.sub
	if err := sealed.Seal(s.ex, s.now()); err != nil {
		dialog.ShowError(err, s.win)
		return
	}
	if err := sealed.Write(path); err != nil {
		s.askWhere(err)
		return
	}
	*s.sub = sealed
	s.save()
	s.afterSubmit()
	s.buildRows()
	s.refresh()
	dialog.ShowInformation("Handed in", "Your answers are in "+path+".\nGive this file to your teacher.", s.win)
}

// askWhere lets the student choose where the submission goes; cause, when
// not nil, says why the folder of the exercise would not do.
func (s *studentScreen) askWhere(cause error) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		os.Remove(path) // handIn writes it atomically itself
		s.handIn(path)
	}, s.win)
	d.SetFileName(filepath.Base(s.submissionPath()))
	if cause != nil {
		d.SetTitleText("Could not save beside the exercise (" + plainError(cause) + ") — choose where")
	}
	d.Show()
}

// afterSubmit grades the student's own sheet when the key may be shown.
func (s *studentScreen) afterSubmit() {
	s.submit.Disable()
	if !s.revealed() {
		return
	}
	c := classroom.NewClass(s.ex)
	if _, err := c.Take(s.path, s.sub); err != nil {
		return
	}
	if r := c.Report(); len(r.Students) == 1 {
		s.score = &r.Students[0]
	}
}
