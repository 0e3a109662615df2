package app

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"mediareview/app/classroom"
)

// openExercise is where the review window hands over a .mrexercise file
// (opened, dropped or named on the command line): it reads the file off
// the UI goroutine, then asks for a student code, or lets the teacher
// grade the class.
func openExercise(w fyne.Window, path string) {
	go func() {
		ex, err := classroom.Open(path)
		fyne.Do(func() {
			if err != nil {
				dialog.ShowInformation("Cannot open the exercise", plainError(err), w)
				return
			}
			showExerciseStart(w, ex, path)
		})
	}()
}

// isClassroomFile reports whether the exercise screens open path rather
// than the library importing it: an exercise or a submission.
func isClassroomFile(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	return ext == classroom.Ext || ext == classroom.SubmissionExt
}

// openClassroomFiles opens each exercise, and takes submissions to the
// class report of the exercise lying beside them.
func openClassroomFiles(w fyne.Window, paths []string) {
	var subs []string
	for _, p := range paths {
		if strings.EqualFold(filepath.Ext(p), classroom.Ext) {
			openExercise(w, p)
		} else {
			subs = append(subs, p)
		}
	}
	if len(subs) > 0 {
		openSubmissions(w, subs)
	}
}

// openSubmissions finds each submission's exercise off the UI goroutine,
// then opens one class report per exercise; files whose exercise is not
// beside them are named in a dialog.
func openSubmissions(w fyne.Window, paths []string) {
	go func() {
		groups, refused := classroom.GroupByExercise(paths)
		fyne.Do(func() {
			for _, g := range groups {
				openClassWindow(g.Exercise, g.Path, g.Submissions...)
			}
			if len(refused) == 0 {
				return
			}
			lines := make([]string, len(refused))
			for i, r := range refused {
				lines[i] = plainError(r.Err)
			}
			dialog.ShowInformation("Some submissions were not opened", strings.Join(lines, "\n")+
				"\n\nTo grade a class, open its exercise (Exercise → Open an exercise or grade a class…), choose “Teacher: grade submissions…” and add the files there.", w)
		})
	}()
}

// draftsDir is where students' unfinished sheets are kept: in the app's
// own storage folder on this computer, never beside the exercise, so a
// shared folder does not show one student's work to another.
func draftsDir() classroom.Drafts {
	return classroom.Drafts{Dir: filepath.Join(fyne.CurrentApp().Storage().RootURI().Path(), "drafts")}
}

func showExerciseStart(w fyne.Window, ex *classroom.Exercise, path string) {
	m := ex.Manifest
	code := widget.NewEntry()
	code.SetPlaceHolder("your student code — no real name needed")
	problem := &widget.Label{Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord}
	var d dialog.Dialog
	start := func() {
		sub, err := studentSheet(ex, code.Text, draftsDir())
		if err != nil {
			problem.SetText(plainError(err))
			return
		}
		d.Hide()
		openStudentWindow(ex, path, sub, draftsDir())
	}
	code.OnSubmitted = func(string) { start() }
	intro := &widget.Label{Text: m.Instructions, Wrapping: fyne.TextWrapWord}
	body := container.NewVBox(widget.NewLabelWithStyle(m.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), intro,
		widget.NewLabel("Student code:"), code, problem,
		container.NewHBox(&widget.Button{Text: "Start", Importance: widget.HighImportance, OnTapped: start},
			&widget.Button{Text: "Cancel", OnTapped: func() { d.Hide() }},
			widget.NewSeparator(),
			&widget.Button{Text: "Teacher: grade submissions…", Importance: widget.LowImportance, OnTapped: func() {
				d.Hide()
				openClassWindow(ex, path)
			}}))
	d = dialog.NewCustomWithoutButtons("Exercise", body, w)
	d.Resize(fyne.NewSize(520, 300))
	d.Show()
	w.Canvas().Focus(code)
}

// studentSheet is the student's saved draft of the exercise, or a new
// sheet.
func studentSheet(ex *classroom.Exercise, code string, drafts classroom.Drafts) (*classroom.Submission, error) {
	code, err := classroom.CheckStudentCode(code)
	if err != nil {
		return nil, err
	}
	sub, err := drafts.Load(ex, code)
	if err != nil || sub != nil {
		return sub, err
	}
	return ex.NewSubmission(code, timeNow())
}

func openStudentWindow(ex *classroom.Exercise, path string, sub *classroom.Submission, drafts classroom.Drafts) {
	win := fyne.CurrentApp().NewWindow(ex.Manifest.Title + " — student " + sub.Student)
	s := newStudentScreen(win, ex, path, sub, drafts)
	win.SetContent(s.content())
	win.SetCloseIntercept(s.onClose)
	win.Resize(fyne.NewSize(1100, 720))
	win.Show()
	win.Canvas().Focus(s.list)
}
