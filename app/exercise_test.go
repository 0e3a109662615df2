package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"mediareview/analysis"
	"mediareview/app/classroom"
	"mediareview/app/store"
	"mediareview/widgets"
)

// exerciseFixture is a four-sentence exercise written for these tests:
// key reported, quote (speaker Ana Ruiz), attributed, opinion.
func exerciseFixture(t *testing.T, settings classroom.Settings) (*classroom.Exercise, string) {
	t.Helper()
	parts := []struct {
		text  string
		label analysis.Label
	}{
		{"The pool opened at nine.", analysis.LabelReported},
		{"“The water is warm,” said Ana Ruiz.", analysis.LabelQuote},
		{"Staff said the heating was fixed.", analysis.LabelAttributed},
		{"It is a wonderful pool.", analysis.LabelOpinion},
	}
	r := &analysis.Result{Analyzer: analysis.AnalyzerInfo{Name: "test", Version: "1"}}
	var b strings.Builder
	for i, p := range parts {
		if i > 0 {
			b.WriteString(" ")
		}
		start := b.Len()
		b.WriteString(p.text)
		r.Sentences = append(r.Sentences, analysis.Sentence{Index: i, Start: start, End: b.Len(), Text: p.text, Label: p.label})
	}
	r.Text = b.String()
	q := strings.Index(r.Text, "The water is warm,")
	r.Quotes = []analysis.Quote{{Start: q, End: q + len("The water is warm,"), Speaker: "Ana Ruiz", Kind: analysis.QuoteDirect, Sentences: []int{1}}}
	w := strings.Index(r.Text, "wonderful")
	r.Sentences[3].Signals = []analysis.Signal{{Kind: analysis.SignalEvaluative, Text: "wonderful", Start: w, End: w + 9, Why: "praises the pool"}}
	// The teacher says sentence 3 is reported, against the machine.
	ex, err := classroom.New(classroom.Source{Machine: r, ArticleTitle: "Pool", Verdicts: []classroom.Verdict{
		{Start: r.Sentences[3].Start, End: r.Sentences[3].End, Label: analysis.LabelReported}}},
		classroom.Options{Settings: settings})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "pool"+classroom.Ext)
	if err := ex.Write(path); err != nil {
		t.Fatal(err)
	}
	return ex, path
}

func newStudentTest(t *testing.T, settings classroom.Settings) (*studentScreen, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	ex, path := exerciseFixture(t, settings)
	drafts := classroom.Drafts{Dir: t.TempDir()}
	sub, err := studentSheet(ex, " k7 ", drafts)
	if err != nil {
		t.Fatal(err)
	}
	w := a.NewWindow("student")
	t.Cleanup(w.Close)
	s := newStudentScreen(w, ex, path, sub, drafts)
	w.SetContent(s.content())
	w.Resize(fyne.NewSize(1000, 700))
	w.Show()
	w.Canvas().Focus(s.list)
	return s, w
}

func TestStudentKeyboardFlow(t *testing.T) {
	s, w := newStudentTest(t, classroom.Settings{Ask: classroom.AskBoth, HideMachine: true, RevealKey: true, ShowReasons: true})
	press(w, fyne.Key3)             // sentence 1: reported, moves on
	press(w, fyne.Key1)             // sentence 2: quote
	press(w, fyne.KeyJ, fyne.KeyK)  // back to sentence 3
	press(w, fyne.Key4, fyne.KeyUp) // sentence 3: opinion, then up to it again
	press(w, fyne.KeyBackspace)     // cleared
	press(w, fyne.Key2, fyne.KeyN)  // attributed; N goes to the next open question (sentence 2's speaker)
	if s.current != 1 {
		t.Errorf("N went to sentence %d, want 2 (its speaker is not named)", s.current+1)
	}
	press(w, fyne.KeyReturn)
	if len(s.entries) != 1 || w.Canvas().Focused() != s.entries[0] {
		t.Fatalf("Enter did not focus the speaker entry")
	}
	test.Type(s.entries[0], "Ruiz")
	press(w, fyne.KeyEscape)
	if w.Canvas().Focused() != s.list {
		t.Errorf("Esc did not go back to the sentences")
	}
	want := []analysis.Label{analysis.LabelReported, analysis.LabelQuote, analysis.LabelAttributed, ""}
	for i, l := range want {
		if got := s.sub.Label(i); got != l {
			t.Errorf("sentence %d: label %q, want %q", i+1, got, l)
		}
	}
	// Everything is in the draft already: a second session finds it.
	again, err := studentSheet(s.ex, "K7", s.drafts)
	if err != nil {
		t.Fatal(err)
	}
	if again.Label(2) != analysis.LabelAttributed || again.Speaker(0) != "Ruiz" || again.Submitted() {
		t.Errorf("draft = %+v", again)
	}
	if got := s.status.Text; !strings.Contains(got, "3 of 4 sentences labelled · 1 of 1 speakers named") {
		t.Errorf("status = %q", got)
	}
	// The machine is hidden while working: no signal words, no "machine said".
	d := s.rowData(3)
	if len(d.Signals) != 0 || d.Machine != d.Label {
		t.Errorf("hidden machine shows in row 4: %+v", d)
	}
}

func TestStudentHandInAndReveal(t *testing.T) {
	s, w := newStudentTest(t, classroom.Settings{Ask: classroom.AskBoth, HideMachine: true, RevealKey: true, ShowReasons: true})
	press(w, fyne.Key3, fyne.Key1, fyne.Key2, fyne.Key4) // the last is wrong: the key says reported
	s.sub.SetSpeaker(0, "Ana Ruiz")
	timeNow = func() time.Time { return time.Date(2026, 4, 1, 10, 0, 0, 0, time.UTC) }
	t.Cleanup(func() { timeNow = time.Now })
	s.handIn(s.submissionPath())

	if !strings.HasSuffix(s.submissionPath(), "pool-k7.mrsubmission") {
		t.Errorf("submission path %s", s.submissionPath())
	}
	c := classroom.NewClass(s.ex)
	if _, err := c.AddFile(s.submissionPath()); err != nil {
		t.Fatalf("the handed-in file does not grade: %v", err)
	}
	if s.score == nil || s.score.Correct != 3 || s.score.Graded != 4 || s.score.SpeakersRight != 1 {
		t.Fatalf("score = %+v, want 3 of 4 and 1 speaker", s.score)
	}
	s.selectSentence(3)
	var texts []string
	for _, o := range s.reveal.Objects {
		texts = append(texts, labelText(o))
	}
	joined := strings.Join(texts, "\n")
	for _, want := range []string{"Your score: 3 of 4 sentences right (75%), 1 of 1 speakers right", "✗ You said Opinion. Key: Reported (your teacher's answer)", "The machine said Opinion"} {
		if !strings.Contains(joined, want) {
			t.Errorf("reveal lacks %q:\n%s", want, joined)
		}
	}
	if d := s.rowData(3); d.Verdict != widgets.VerdictDisagree || len(d.Signals) == 0 || !strings.Contains(d.Caption, "key: Reported") {
		t.Errorf("row 4 after the reveal = %+v", d)
	}
	// Handed in: no more changes.
	press(w, fyne.Key1)
	if s.sub.Label(3) != analysis.LabelOpinion || !s.submit.Disabled() {
		t.Errorf("answers still change after handing in")
	}
}

func TestStudentNoReveal(t *testing.T) {
	s, w := newStudentTest(t, classroom.Settings{Ask: classroom.AskLabels})
	press(w, fyne.Key3)
	s.handIn(s.submissionPath())
	if s.score != nil || len(s.reveal.Objects) != 1 || !strings.Contains(labelText(s.reveal.Objects[0]), "Handed in") {
		t.Errorf("the key shows although the teacher did not allow it")
	}
	if d := s.rowData(0); d.Verdict != "" {
		t.Errorf("row marked right or wrong: %+v", d)
	}
	if len(s.entries) != 0 {
		t.Errorf("speakers asked in a labels-only exercise")
	}
}

func TestStudentCodeRequired(t *testing.T) {
	ex, _ := exerciseFixture(t, classroom.DefaultSettings())
	if _, err := studentSheet(ex, "   ", classroom.Drafts{Dir: t.TempDir()}); err == nil {
		t.Error("an empty student code was accepted")
	}
}

func labelText(o fyne.CanvasObject) string {
	switch l := o.(type) {
	case *widget.Label:
		return l.Text
	case *widget.RichText:
		return l.String()
	}
	return ""
}

func TestClassScreen(t *testing.T) {
	a := test.NewTempApp(t)
	ex, path := exerciseFixture(t, classroom.DefaultSettings())
	dir := filepath.Dir(path)
	write := func(code string, at time.Time, labels ...analysis.Label) {
		s, _ := ex.NewSubmission(code, at)
		for i, l := range labels {
			s.SetLabel(i, l)
		}
		s.Seal(ex, at)
		if err := s.Write(filepath.Join(dir, code+classroom.SubmissionExt)); err != nil {
			t.Fatal(err)
		}
	}
	t0 := time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC)
	R, Q, A := analysis.LabelReported, analysis.LabelQuote, analysis.LabelAttributed
	write("a1", t0, R, Q, A, R)
	write("b2", t0, R, R, R, R)
	newer := filepath.Join(t.TempDir(), "b2-again"+classroom.SubmissionExt)
	s, _ := ex.NewSubmission("B2", t0)
	s.Seal(ex, t0.Add(time.Hour))
	s.Write(newer)
	junk := filepath.Join(dir, "junk"+classroom.SubmissionExt)
	os.WriteFile(junk, []byte("not json"), 0o644)

	w := a.NewWindow("class")
	t.Cleanup(w.Close)
	c := newClassScreen(w, ex)
	c.spawn = func(f func()) { f() }
	w.SetContent(c.content())
	c.addPaths([]string{dir}) // the folder: a1, b2 and junk
	c.addPaths([]string{newer})
	if got := c.summary.Text; !strings.Contains(got, "2 students graded, 1 file refused") {
		t.Errorf("summary = %q", got)
	}
	for _, want := range []string{"Refused " + junk, `Student "B2" handed in twice: kept b2-again.mrsubmission`} {
		if !strings.Contains(c.log.Text, want) {
			t.Errorf("log lacks %q:\n%s", want, c.log.Text)
		}
	}
	rows := c.tables[classroom.PerStudent].rows
	if len(rows) != 3 || rows[1][0] != "a1" || rows[1][5] != "4" || rows[2][0] != "B2" || rows[2][4] != "0" {
		t.Errorf("student table = %v", rows)
	}
}

func TestStudentSpeakersOnly(t *testing.T) {
	s, w := newStudentTest(t, classroom.Settings{Ask: classroom.AskSpeakers, RevealKey: true})
	press(w, fyne.Key2) // labels are not asked: ignored
	if len(s.sub.Labels) != 0 || s.current != 0 {
		t.Errorf("a label was taken in a speakers-only exercise: %+v", s.sub.Labels)
	}
	if d := s.rowData(0); d.Label != analysis.LabelReported {
		t.Errorf("row 1 chip = %q, want the machine's label (not hidden)", d.Label)
	}
	press(w, fyne.KeyN) // the next open question: the quote in sentence 2
	press(w, fyne.KeyReturn)
	test.Type(s.entries[0], "Ana Ruiz")
	press(w, fyne.KeyReturn) // Enter in the entry saves and goes back
	if s.sub.Speaker(0) != "Ana Ruiz" || w.Canvas().Focused() != s.list {
		t.Errorf("speaker %q, focus %T", s.sub.Speaker(0), w.Canvas().Focused())
	}
	s.handIn(s.submissionPath())
	if s.score == nil || s.score.SpeakersRight != 1 || !strings.Contains(labelText(s.reveal.Objects[0]), "1 of 1 speakers right") {
		t.Errorf("score = %+v", s.score)
	}
}

func TestMakeExercise(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ex0, _ := exerciseFixture(t, classroom.DefaultSettings())
	res := ex0.Machine
	id, _, err := st.AddArticle(ctx, store.Article{Title: "Pool", Text: res.Text})
	if err != nil {
		t.Fatal(err)
	}
	v := store.SentenceVerdict(res, 2)
	v.Decision, v.Label = store.Disagree, analysis.LabelOpinion
	if _, err := st.SetVerdict(ctx, id, "Ms K", v); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), fileNameFor(" Pool: day 1? ")+classroom.Ext)
	ex, err := makeExercise(st, id, "Ms K", res, classroom.Options{Title: "Pool", Settings: classroom.DefaultSettings()}, path)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(path) != "Pool- day 1-.mrexercise" {
		t.Errorf("file name %q", filepath.Base(path))
	}
	got, err := classroom.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if got.Hash != ex.Hash || got.Sentences[2].Label != analysis.LabelOpinion || got.Sentences[2].From != classroom.FromTeacher {
		t.Errorf("key sentence 3 = %+v", got.Sentences[2])
	}
	if msg := describeExercise(ex, path); !strings.Contains(msg, "1 from your verdicts, 3 from the machine") {
		t.Errorf("message %q", msg)
	}
}

func TestStudentUndo(t *testing.T) {
	s, w := newStudentTest(t, classroom.Settings{Ask: classroom.AskLabels})
	press(w, fyne.Key3, fyne.Key1, fyne.KeyK, fyne.Key2) // sentence 2: quote, then attributed
	undo(w)
	if s.current != 1 || s.sub.Label(1) != analysis.LabelQuote {
		t.Errorf("after one undo: at %d, label %q; want sentence 2 back to quote", s.current+1, s.sub.Label(1))
	}
	undo(w)
	undo(w)
	if s.current != 0 || len(s.sub.Labels) != 0 {
		t.Errorf("after three undos: at %d, labels %+v; want none", s.current+1, s.sub.Labels)
	}
	undo(w) // nothing left: no change
	if again, _ := s.drafts.Load(s.ex, "k7"); again == nil || len(again.Labels) != 0 {
		t.Errorf("the draft does not follow the undo: %+v", again)
	}
}

func TestStudentHandInDialog(t *testing.T) {
	s, w := newStudentTest(t, classroom.Settings{Ask: classroom.AskLabels, RevealKey: true})
	press(w, fyne.Key3)
	test.Tap(s.submit)
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("Hand in… asked nothing")
	}
	if b := findButton(top, "Not yet"); b == nil {
		t.Fatal("no way to go back")
	} else {
		test.Tap(b)
	}
	if s.sub.Submitted() {
		t.Fatal("handed in although the student said not yet")
	}
	test.Tap(s.submit)
	test.Tap(findButton(w.Canvas().Overlays().Top(), "Hand in"))
	if !s.sub.Submitted() {
		t.Fatal("not handed in")
	}
	if _, err := os.Stat(s.submissionPath()); err != nil {
		t.Errorf("no submission file: %v", err)
	}
}
