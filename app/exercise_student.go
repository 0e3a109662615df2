package app

import (
	"fmt"
	"os"
	"path/filepath"
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
	s.status = &widget.Label{Importance: widget.LowImportance, Wrapping: fyne.TextWrapWord}
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

// machineShown reports whether the machine's labels and reasons are on
// screen: while working unless the teacher hid them, after handing in if
// reasons are allowed.
func (s *studentScreen) machineShown() bool {
	if s.sub.Submitted() {
		return s.ex.Manifest.Settings.ShowReasons
	}
	return !s.ex.Manifest.Settings.HideMachine
}

func (s *studentScreen) revealed() bool { return s.sub.Submitted() && s.ex.Manifest.Settings.RevealKey }

// buildRows prepares each sentence's row from the exercise's own spans;
// the machine's signals and speakers are left out while they are hidden.
func (s *studentScreen) buildRows() {
	s.rows = make([]widgets.RowData, len(s.ex.Sentences))
	for i, k := range s.ex.Sentences {
		sent := s.machineSentence(i)
		var quotes []analysis.Quote
		for _, q := range s.quotesOf[i] {
			kq := s.ex.Quotes[q]
			quotes = append(quotes, analysis.Quote{Start: kq.Start, End: kq.End, Kind: analysis.QuoteDirect})
		}
		if !s.machineShown() {
			sent.Signals = nil
		}
		s.rows[i] = widgets.NewRowData(sent, quotes)
		s.rows[i].ParagraphStart = i == 0 || k.Paragraph != s.ex.Sentences[i-1].Paragraph
	}
}

// machineSentence is the machine's sentence i, or the bare span when the
// stored analysis does not have it.
func (s *studentScreen) machineSentence(i int) analysis.Sentence {
	k := s.ex.Sentences[i]
	if m := s.ex.Machine; m != nil && i < len(m.Sentences) && m.Sentences[i].Start == k.Start && m.Sentences[i].End == k.End {
		return m.Sentences[i]
	}
	return analysis.Sentence{Index: i, Start: k.Start, End: k.End, Text: s.ex.SentenceText(i)}
}

// rowData is sentence i as the student sees it now.
func (s *studentScreen) rowData(i int) widgets.RowData {
	d := s.rows[i]
	d.Label = s.sub.Label(i)
	d.Machine = d.Label // the row's own "machine said" only while working
	if !s.sub.Submitted() && s.machineShown() && s.ex.Manifest.Settings.Ask.Labels() {
		d.Machine = s.machineSentence(i).Label
	}
	d.Selected = i == s.current
	d.Caption = s.caption(i)
	if k := s.ex.Sentences[i]; s.revealed() && k.Graded() && s.ex.Manifest.Settings.Ask.Labels() {
		d.Verdict = widgets.VerdictDisagree
		if d.Label == k.Label {
			d.Verdict = widgets.VerdictAgree
		}
	}
	return d
}

func (s *studentScreen) caption(i int) string {
	var parts []string
	if s.ex.Manifest.Settings.Ask.Speakers() {
		for _, q := range s.quotesOf[i] {
			switch sp := s.sub.Speaker(q); {
			case sp != "":
				parts = append(parts, "you: "+sp)
			case s.sub.Submitted():
				parts = append(parts, "no speaker named")
			default:
				parts = append(parts, "who speaks? (Enter)")
			}
		}
	}
	k := s.ex.Sentences[i]
	if s.revealed() && k.Graded() && s.sub.Label(i) != k.Label {
		parts = append(parts, "key: "+widgets.LabelName(k.Label))
	}
	if m := s.machineSentence(i).Label; s.sub.Submitted() && s.machineShown() && m != "" && m != k.Label {
		parts = append(parts, "machine said "+widgets.LabelName(m))
	}
	return strings.Join(parts, " · ")
}

// resizeRows tells the list how tall each wrapped row is.
func (s *studentScreen) resizeRows() {
	for i := range s.rows {
		s.resizeRow(i)
	}
}

func (s *studentScreen) resizeRow(i int) {
	if s.width > 0 {
		d := s.rowData(i)
		s.list.SetItemHeight(i, widgets.RowHeight(s.list.Theme(), &d, s.width))
	}
}

// onKey is the review window's keyboard flow: J/K move, 1–4 label,
// N the next question not answered, Enter names the speaker.
func (s *studentScreen) onKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyJ, fyne.KeyDown:
		s.selectSentence(s.current + 1)
	case fyne.KeyK, fyne.KeyUp:
		s.selectSentence(s.current - 1)
	case fyne.KeyN:
		s.selectSentence(s.nextOpen())
	case fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4:
		s.setLabel(analysis.Labels[e.Name[0]-'1'])
	case fyne.KeyBackspace, fyne.KeyDelete, fyne.Key0:
		s.setLabel("")
	case fyne.KeyReturn, fyne.KeyEnter:
		if len(s.entries) > 0 {
			s.win.Canvas().Focus(s.entries[0])
		}
	case fyne.KeyF1:
		s.showKeys()
	}
}

// nextOpen is the next sentence after the current one with a question
// left open, or the current one when none is.
func (s *studentScreen) nextOpen() int {
	n := len(s.ex.Sentences)
	for step := 1; step <= n; step++ {
		i := (s.current + step) % n
		if s.open(i) {
			return i
		}
	}
	return s.current
}

func (s *studentScreen) open(i int) bool {
	if s.ex.Manifest.Settings.Ask.Labels() && s.sub.Label(i) == "" {
		return true
	}
	if s.ex.Manifest.Settings.Ask.Speakers() {
		for _, q := range s.quotesOf[i] {
			if s.sub.Speaker(q) == "" {
				return true
			}
		}
	}
	return false
}

func (s *studentScreen) selectSentence(i int) {
	if i < 0 || i >= len(s.ex.Sentences) {
		return
	}
	from := s.current
	s.current = i
	s.list.RefreshItem(from)
	s.list.RefreshItem(i)
	s.list.Select(i)
	s.refreshDetails()
}

// setLabel records the student's label for the current sentence, saves
// and moves on.
func (s *studentScreen) setLabel(l analysis.Label) {
	if s.sub.Submitted() || !s.ex.Manifest.Settings.Ask.Labels() {
		return
	}
	s.sub.SetLabel(s.current, l)
	s.save()
	s.resizeRow(s.current)
	s.list.RefreshItem(s.current)
	if l != "" && s.current+1 < len(s.ex.Sentences) {
		s.selectSentence(s.current + 1)
		return
	}
	s.refreshDetails()
}

func (s *studentScreen) setSpeaker(q int, name string) {
	if s.sub.Submitted() {
		return
	}
	s.sub.SetSpeaker(q, name)
	s.save()
	s.resizeRow(s.current)
	s.list.RefreshItem(s.current)
	s.refreshStatus()
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
	s.status.Importance = widget.LowImportance
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
		{"0 or Backspace", "clear the label"}, {"Enter", "name who speaks"}, {"Esc", "back to the sentences"}, {"F1", "this sheet"}} {
		grid.Add(widget.NewLabelWithStyle(row[0], fyne.TextAlignTrailing, fyne.TextStyle{Bold: true, Monospace: true}))
		grid.Add(widget.NewLabel(row[1]))
	}
	dialog.ShowCustom("Keyboard shortcuts", "Close", grid, s.win)
}

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
	dialog.ShowConfirm("Hand in", msg, func(ok bool) {
		if ok {
			s.handIn(s.submissionPath())
		}
	}, s.win)
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
	d.SetTitleText("Could not save beside the exercise (" + plainError(cause) + ") — choose where")
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

// refreshReveal shows, after handing in, the key and the machine's
// reasons for the current sentence and the score, as the teacher allowed.
func (s *studentScreen) refreshReveal() {
	s.reveal.RemoveAll()
	if !s.sub.Submitted() {
		return
	}
	if !s.revealed() {
		s.reveal.Add(lowLabel("Handed in. Your teacher will go through the answers."))
		return
	}
	if sc := s.score; sc != nil {
		s.reveal.Add(&widget.Label{Text: scoreLine(*sc, s.ex.Manifest.Settings.Ask), TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord})
	}
	k := s.ex.Sentences[s.current]
	switch {
	case !s.ex.Manifest.Settings.Ask.Labels():
	case !k.Graded():
		s.reveal.Add(lowLabel("This sentence is not marked: your teacher left it open."))
	default:
		mark, yours := "✗", "nothing"
		if l := s.sub.Label(s.current); l != "" {
			yours = widgets.LabelName(l)
			if l == k.Label {
				mark = "✓"
			}
		}
		s.reveal.Add(&widget.Label{Text: fmt.Sprintf("%s You said %s. Key: %s (%s)", mark, yours, widgets.LabelName(k.Label), keyFromWords(k.From)),
			Wrapping: fyne.TextWrapWord})
	}
	if s.ex.Manifest.Settings.Ask.Speakers() {
		for _, q := range s.quotesOf[s.current] {
			kq := s.ex.Quotes[q]
			mark := "✗"
			if classroom.SpeakerMatches(s.sub.Speaker(q), kq.Speaker) {
				mark = "✓"
			}
			s.reveal.Add(&widget.Label{Text: fmt.Sprintf("%s “%s” — %s", mark, s.ex.QuoteText(q), kq.Speaker), Wrapping: fyne.TextWrapWord})
		}
	}
	if s.ex.Manifest.Settings.ShowReasons {
		m := s.machineSentence(s.current)
		s.reveal.Add(&widget.Label{Text: "The machine said " + widgets.LabelName(m.Label) + ", because:", TextStyle: fyne.TextStyle{Italic: true}, Wrapping: fyne.TextWrapWord})
		for _, o := range reasonLines(m) {
			s.reveal.Add(o)
		}
	}
}

func keyFromWords(f classroom.KeyFrom) string {
	if f == classroom.FromTeacher {
		return "your teacher's answer"
	}
	return "the machine's answer, kept by your teacher"
}

func scoreLine(sc classroom.StudentScore, ask classroom.Ask) string {
	var parts []string
	if ask.Labels() {
		parts = append(parts, fmt.Sprintf("%d of %d sentences right (%.0f%%)", sc.Correct, sc.Graded, sc.Percent))
	}
	if ask.Speakers() {
		parts = append(parts, fmt.Sprintf("%d of %d speakers right", sc.SpeakersRight, sc.SpeakersAsked))
	}
	return "Your score: " + strings.Join(parts, ", ")
}
