package app

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mediareview/analysis"
	"mediareview/app/classroom"
	"mediareview/widgets"
)

// studentScreen is a student working on an exercise: the sentences on the
// left with the student's labels, the current sentence's questions on the
// right. Every answer is saved as a draft at once; after handing in, the
// key, the reasons and the score appear if the teacher allowed it.
type studentScreen struct {
	win    fyne.Window
	ex     *classroom.Exercise
	path   string // the exercise file; the submission goes beside it
	sub    *classroom.Submission
	drafts classroom.Drafts
	now    func() time.Time

	current  int
	undo     []labelChange
	width    float32 // of the list, for row heights
	rows     []widgets.RowData
	quotesOf [][]int // key quotes by sentence
	score    *classroom.StudentScore

	list     *widgets.SentenceList
	heading  *widget.Label
	text     *widget.Label
	buttons  []*widget.Button
	speakers *fyne.Container
	entries  []*widgets.Entry
	reveal   *fyne.Container
	side     *fyne.Container // the details column, laid out again when its text changes
	status   *widget.Label
	submit   *widget.Button
}

func newStudentScreen(win fyne.Window, ex *classroom.Exercise, path string, sub *classroom.Submission, drafts classroom.Drafts) *studentScreen {
	s := &studentScreen{win: win, ex: ex, path: path, sub: sub, drafts: drafts, now: timeNow}
	s.quotesOf = make([][]int, len(ex.Sentences))
	for _, q := range ex.Quotes {
		for _, i := range q.Sentences {
			s.quotesOf[i] = append(s.quotesOf[i], q.Index)
		}
	}
	s.list = widgets.NewSentenceList(func() int { return len(s.ex.Sentences) },
		func() fyne.CanvasObject { return widgets.NewSentenceRow() },
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widgets.SentenceRow).SetData(s.rowData(id)) })
	s.list.OnSelected = func(id widget.ListItemID) {
		if id != s.current {
			s.selectSentence(id)
		}
	}
	s.list.OnKey = s.onKey
	s.list.OnShortcut = s.onShortcut
	s.list.OnWidth = func(w float32) {
		s.width = w
		s.resizeRows()
	}
	s.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.text = &widget.Label{Wrapping: fyne.TextWrapWord}
	for k, l := range analysis.Labels {
		s.buttons = append(s.buttons, &widget.Button{Text: fmt.Sprintf("%d  %s", k+1, widgets.LabelName(l)),
			OnTapped: func() { s.setLabel(l) }})
	}
	s.speakers = container.NewVBox()
	s.reveal = container.NewVBox()
	s.status = lowLabel("")
	s.submit = &widget.Button{Text: "Hand in…", Icon: theme.MailSendIcon(), Importance: widget.HighImportance, OnTapped: s.confirmSubmit}
	s.buildRows()
	if sub.Submitted() {
		s.afterSubmit()
	}
	return s
}

// content is the whole screen.
func (s *studentScreen) content() fyne.CanvasObject {
	m := s.ex.Manifest
	intro := &widget.Label{Text: strings.TrimSpace(m.Instructions + "\n" + s.askLine()), Wrapping: fyne.TextWrapWord}
	top := container.NewVBox(widget.NewLabelWithStyle(m.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), intro,
		container.NewBorder(nil, nil, nil, s.submit, s.status))
	var labelBox fyne.CanvasObject = container.NewGridWithColumns(2, toObjects(s.buttons)...)
	if !m.Settings.Ask.Labels() {
		labelBox = lowLabel("Only the speakers are asked in this exercise.")
	}
	s.side = container.NewVBox(s.heading, s.text, widget.NewSeparator(),
		widget.NewLabelWithStyle("Your label", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), labelBox,
		s.speakers, widget.NewSeparator(), s.reveal)
	side := container.NewVScroll(s.side)
	split := container.NewHSplit(s.list, side)
	split.SetOffset(0.62)
	s.win.Canvas().SetOnTypedKey(s.onKey)
	s.win.Canvas().AddShortcut(shortcutUndo, s.onShortcut)
	s.win.Canvas().AddShortcut(&fyne.ShortcutUndo{}, s.onShortcut)
	s.refresh()
	return container.NewBorder(top, nil, nil, nil, split)
}

func (s *studentScreen) askLine() string {
	switch s.ex.Manifest.Settings.Ask {
	case classroom.AskLabels:
		return "Label every sentence: 1 quote, 2 attributed, 3 reported, 4 opinion. J/K move, F1 for all keys."
	case classroom.AskSpeakers:
		return "Name who speaks in every quotation: Enter to type, Esc to go back. J/K move, F1 for all keys."
	}
	return "Label every sentence (1 quote, 2 attributed, 3 reported, 4 opinion) and name who speaks in every quotation (Enter to type). J/K move, F1 for all keys."
}

func toObjects(bs []*widget.Button) []fyne.CanvasObject {
	out := make([]fyne.CanvasObject, len(bs))
	for i, b := range bs {
		out[i] = b
	}
	return out
}

// onClose saves the sheet (the speaker being typed too) before the
// window closes; when that fails the student chooses.
func (s *studentScreen) onClose() {
	if s.sub.Submitted() {
		s.win.Close()
		return
	}
	if err := s.drafts.Save(s.ex, s.sub); err != nil {
		dialog.ShowConfirm("Your answers are not saved", plainError(err)+"\n\nClose anyway and lose the latest answers?", func(ok bool) {
			if ok {
				s.win.Close()
			}
		}, s.win)
		return
	}
	s.win.Close()
}

// timeNow is the clock; tests replace it.
var timeNow = time.Now

// save keeps the draft; a failure is shown on the status line and in a
// dialog, and the answers stay on screen to be saved again.
func (s *studentScreen) save() {
	if err := s.drafts.Save(s.ex, s.sub); err != nil {
		s.status.Importance = widget.DangerImportance
		s.status.SetText("NOT SAVED: " + plainError(err))
		dialog.ShowError(err, s.win)
		return
	}
	s.status.Importance = widget.MediumImportance
	s.refreshStatus()
}

func (s *studentScreen) refresh() {
	s.list.Refresh()
	s.resizeRows()
	s.list.Select(s.current)
	s.refreshDetails()
}

func (s *studentScreen) refreshDetails() {
	i := s.current
	s.heading.SetText(fmt.Sprintf("Sentence %d of %d", i+1, len(s.ex.Sentences)))
	s.text.SetText(s.ex.SentenceText(i))
	done := s.sub.Submitted()
	for k, b := range s.buttons {
		b.Importance = widget.MediumImportance
		if s.sub.Label(i) == analysis.Labels[k] {
			b.Importance = widget.HighImportance
		}
		if done {
			b.Disable()
		}
		b.Refresh()
	}
	s.refreshSpeakers()
	s.refreshReveal()
	s.refreshStatus()
	if s.side != nil {
		s.side.Refresh() // wrapped text changes height: lay the column out again
	}
}

// refreshSpeakers shows one entry per quotation in the sentence.
func (s *studentScreen) refreshSpeakers() {
	s.speakers.RemoveAll()
	s.entries = nil
	if !s.ex.Manifest.Settings.Ask.Speakers() {
		return
	}
	for _, q := range s.quotesOf[s.current] {
		s.speakers.Add(&widget.Label{Text: "Who speaks: “" + s.ex.QuoteText(q) + "”", Wrapping: fyne.TextWrapWord})
		e := widgets.NewEntry("a name, or how the article describes them")
		e.SetText(s.sub.Speaker(q))
		e.OnChanged = func(text string) { s.sub.SetSpeaker(q, text) }
		e.OnSubmitted = func(text string) {
			s.setSpeaker(q, text)
			s.win.Canvas().Focus(s.list)
		}
		e.OnEscape = func() {
			s.setSpeaker(q, e.Text)
			s.win.Canvas().Focus(s.list)
		}
		if s.sub.Submitted() {
			e.Disable()
		}
		s.entries = append(s.entries, e)
		s.speakers.Add(e)
	}
}

func (s *studentScreen) refreshStatus() {
	if s.status.Importance == widget.DangerImportance {
		return
	}
	ask := s.ex.Manifest.Settings.Ask
	var parts []string
	if ask.Labels() {
		parts = append(parts, fmt.Sprintf("%d of %d sentences labelled", len(s.sub.Labels), len(s.ex.Sentences)))
	}
	if ask.Speakers() {
		parts = append(parts, fmt.Sprintf("%d of %d speakers named", len(s.sub.Speakers), len(s.ex.Quotes)))
	}
	state := "saved as you go"
	if s.sub.Submitted() {
		state = "handed in " + s.sub.SubmittedAt.Local().Format("15:04")
	}
	s.status.SetText("Student " + s.sub.Student + " · " + strings.Join(parts, " · ") + " · " + state)
}

func (s *studentScreen) showKeys() {
	grid := container.NewGridWithColumns(2)
	for _, row := range [][2]string{{"J or ↓", "next sentence"}, {"K or ↑", "previous sentence"},
		{"N", "next question not answered"}, {"1 2 3 4", "quote, attributed, reported, opinion"},
		{"0 or Backspace", "clear the label"}, {"Ctrl+Z", "undo the last label"}, {"Enter", "name who speaks"}, {"Esc", "back to the sentences"}, {"F1", "this sheet"}} {
		grid.Add(widget.NewLabelWithStyle(row[0], fyne.TextAlignTrailing, fyne.TextStyle{Bold: true, Monospace: true}))
		grid.Add(widget.NewLabel(row[1]))
	}
	dialog.ShowCustom("Keyboard shortcuts", "Close", grid, s.win)
}
