package app

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"mediareview/analysis"
	"mediareview/app/cli"
	"mediareview/app/review"
	"mediareview/app/store"
	"mediareview/assets"
)

// newTestWindow builds the review window on a fresh database with loading
// run inline, so every step has finished when the call returns.
func newTestWindow(t testing.TB) (*mainWindow, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	w := a.NewWindow("test")
	t.Cleanup(w.Close)
	m := newMainWindow(a, w, st)
	m.spawn = func(f func()) { f() }
	w.Resize(fyne.NewSize(1200, 800))
	w.Show()
	return m, w
}

func press(w fyne.Window, keys ...fyne.KeyName) {
	for _, k := range keys {
		ev := &fyne.KeyEvent{Name: k}
		if f := w.Canvas().Focused(); f != nil {
			f.TypedKey(ev)
		} else {
			w.Canvas().OnTypedKey()(ev)
		}
	}
}

func undo(w fyne.Window) {
	s := &fyne.ShortcutUndo{}
	if f, ok := w.Canvas().Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(s)
		return
	}
	w.Canvas().(fyne.Shortcutable).TypedShortcut(s)
}

func TestFirstStartOpensFirstSample(t *testing.T) {
	m, w := newTestWindow(t)
	m.start(cli.Window{Reviewer: "kim"})
	samples := assets.Samples()
	if len(m.library.all) != len(samples) {
		t.Fatalf("library has %d articles, want the %d samples", len(m.library.all), len(samples))
	}
	if m.session == nil {
		t.Fatal("no article open")
	}
	if got := w.Title(); !strings.HasSuffix(got, " — Media Review") || !strings.HasPrefix(got, samples[0].Title()) {
		t.Errorf("title = %q, want the first sample's headline — Media Review", got)
	}
	if w.Canvas().Focused() != m.article.list {
		t.Errorf("focus = %T, want the sentence list so keys work at once", w.Canvas().Focused())
	}

	// A second start opens the last article rather than importing again.
	m.library.onSelected(len(m.library.shown) - 1)
	last := m.session.Article()
	again := newMainWindow(m.app, w, m.store)
	again.spawn = m.spawn
	again.start(cli.Window{Reviewer: "kim"})
	if len(again.library.all) != len(samples) || again.session.Article() != last {
		t.Errorf("restart: %d articles, article %d open; want %d and %d", len(again.library.all), again.session.Article(), len(samples), last)
	}
}

// TestKeyboardReview reviews by keyboard right after opening, after a
// click on a sentence, and checks that text fields keep their letters.
func TestKeyboardReview(t *testing.T) {
	m, w := newTestWindow(t)
	m.start(cli.Window{Reviewer: "kim"})
	s := m.session
	if s.Rows() < 6 {
		t.Fatalf("the sample has %d sentences, the test needs 6", s.Rows())
	}
	press(w, fyne.KeyA, fyne.KeyD, fyne.Key4, fyne.KeyJ, fyne.Key1, fyne.KeyK)
	undo(w) // takes back the relabel of sentence 4
	want := map[int]*review.Verdict{
		0: {Decision: review.Agree},
		1: {Decision: review.Disagree},
		2: relabelled(s, 2, analysis.LabelOpinion),
		3: nil,
		4: nil,
	}
	for i, v := range want {
		if got := s.Verdict(i); !sameVerdict(got, v) {
			t.Errorf("sentence %d: verdict %+v, want %+v", i, got, v)
		}
	}
	if s.Current() != 4 {
		t.Errorf("after undo the current sentence is %d, want 4 (the one undone)", s.Current())
	}

	// Click on the sixth row, then agree by key.
	m.article.list.Select(5)
	w.Canvas().Focus(m.article.list)
	press(w, fyne.KeyA)
	if v := s.Verdict(5); v == nil || v.Decision != review.Agree {
		t.Errorf("after a click on row 6, A gave %+v", v)
	}

	// Letters typed in the note go to the note.
	s.Select(0)
	m.afterMove(0)
	test.Type(m.details.note, "a dull one")
	if m.details.note.Text != "a dull one" {
		t.Errorf("note = %q", m.details.note.Text)
	}
	m.details.note.OnSubmitted(m.details.note.Text)
	if v := s.Verdict(0); v == nil || v.Note != "a dull one" || v.Decision != review.Agree {
		t.Errorf("after the note: %+v", v)
	}
	if w.Canvas().Focused() != m.article.list {
		t.Error("Enter in the note does not hand the keys back to the list")
	}

	// The store holds the same.
	saved, err := m.store.Verdicts(context.Background(), s.Article(), "kim")
	if err != nil {
		t.Fatal(err)
	}
	if len(saved) != 4 {
		t.Errorf("store holds %d verdicts, want 4: %+v", len(saved), saved)
	}
}

func relabelled(s *review.Session, i int, l analysis.Label) *review.Verdict {
	if s.Sentence(i).Label == l {
		return &review.Verdict{Decision: review.Agree}
	}
	return &review.Verdict{Decision: review.Disagree, Label: l}
}

func sameVerdict(a, b *review.Verdict) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

func TestFilterIsRememberedAndApplied(t *testing.T) {
	m, _ := newTestWindow(t)
	m.start(cli.Window{Reviewer: "kim"})
	m.top.filter.SetSelected(filterNames[review.FilterQuotes])
	if m.session.Filter() != review.FilterQuotes || m.prefs.filter() != review.FilterQuotes {
		t.Fatalf("filter = %q, remembered %q", m.session.Filter(), m.prefs.filter())
	}
	for r := 0; r < m.session.Rows(); r++ {
		if l := m.session.Sentence(m.session.Row(r)).Label; l != analysis.LabelQuote {
			t.Errorf("row %d is %s under the quotes filter", r, l)
		}
	}
	if n := m.article.list.Length(); n != m.session.Rows() {
		t.Errorf("list shows %d rows, session %d", n, m.session.Rows())
	}
}

func TestFindSelectsMatchingSentence(t *testing.T) {
	m, w := newTestWindow(t)
	m.start(cli.Window{Reviewer: "kim"})
	s := m.session
	word := lastWord(s.Sentence(s.Rows() - 1).Text)
	m.top.focusFind()
	test.Type(m.top.find, word)
	if got := s.Sentence(s.Current()).Text; !strings.Contains(strings.ToLower(got), strings.ToLower(word)) {
		t.Errorf("find %q selected %q", word, got)
	}
	if w.Canvas().Focused() != m.top.find {
		t.Error("typing in find moved the focus")
	}
	press(w, fyne.KeyEscape)
	if w.Canvas().Focused() != m.article.list {
		t.Error("Escape does not leave the find field")
	}
}

func lastWord(s string) string {
	f := strings.Fields(strings.Trim(s, " .\n”\""))
	return strings.Trim(f[len(f)-1], ".,;:”\"’")
}

func TestNoReviewerAsksBeforeVerdict(t *testing.T) {
	m, w := newTestWindow(t)
	m.start(cli.Window{})
	press(w, fyne.KeyA)
	if v := m.session.Verdict(0); v != nil {
		t.Errorf("a verdict was given with no reviewer: %+v", v)
	}
	if len(w.Canvas().Overlays().List()) == 0 {
		t.Error("no dialog asks for the reviewer")
	}
	name, ok := w.Canvas().Focused().(*widget.Entry)
	if !ok {
		t.Fatalf("the name field has no focus: %T", w.Canvas().Focused())
	}
	test.Type(name, "R-12")
	name.OnSubmitted(name.Text) // Enter
	if m.prefs.reviewer() != "R-12" || m.session.Reviewer() != "R-12" {
		t.Errorf("reviewer = %q, session %q", m.prefs.reviewer(), m.session.Reviewer())
	}
}

func TestPlainErrors(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{&store.OpenError{Path: "/x/lib.db", Reason: store.ErrNotDatabase}, "The file /x/lib.db is not a Media Review library"},
		{&store.OpenError{Path: "/x/lib.db", Reason: store.ErrNewer}, "made by a newer version"},
		{store.ErrBusy, "another copy of Media Review"},
		{context.Canceled, "Context canceled."},
	}
	for _, tt := range tests {
		if got := plainError(tt.err); !strings.Contains(got, tt.want) {
			t.Errorf("plainError(%v) = %q, want it to contain %q", tt.err, got, tt.want)
		}
	}
}

func TestCannotStartExplains(t *testing.T) {
	a := test.NewTempApp(t)
	w := a.NewWindow("")
	defer w.Close()
	showCannotStart(w, &store.OpenError{Path: "/x/lib.db", Reason: store.ErrNotDatabase})
	said := ""
	for _, o := range test.LaidOutObjects(w.Content()) {
		said += labelText(o)
	}
	if !strings.Contains(said, "/x/lib.db") || !strings.Contains(said, "cannot open its library") {
		t.Errorf("the window says %q", said)
	}
	if findButton(w.Content(), "Quit") == nil {
		t.Error("no Quit button")
	}
	if h := w.Content().MinSize().Height; h > 400 {
		t.Errorf("the message needs %v px: the window would fill the screen", h)
	}
}

// TestDialogKeepsReviewKeys: with a dialog open, review keys do nothing to
// the article behind it.
func TestDialogKeepsReviewKeys(t *testing.T) {
	m, w := newTestWindow(t)
	m.start(cli.Window{Reviewer: "kim"})
	press(w, fyne.KeyS)
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("S did not open the summary")
	}
	w.Canvas().Unfocus()
	press(w, fyne.KeyA, fyne.KeyD, fyne.KeyJ)
	if r, _ := m.session.Progress(); r != 0 || m.session.Current() != 0 {
		t.Errorf("keys behind the summary: %d verdicts, current %d", r, m.session.Current())
	}
}

// dialogText is all the text of the topmost dialog, empty with none.
func dialogText(w fyne.Window) string {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var b strings.Builder
	for _, o := range test.LaidOutObjects(top) {
		b.WriteString(labelText(o))
		b.WriteByte('\n')
	}
	return b.String()
}

// findButton finds a button by its text among o's laid-out objects.
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	for _, c := range test.LaidOutObjects(o) {
		if b, ok := c.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	return nil
}

// TestOpeningAnotherArticleCancelsTheFirst: the first article's loading,
// finishing after the second was opened, must not replace it.
func TestOpeningAnotherArticleCancelsTheFirst(t *testing.T) {
	m, w := newTestWindow(t)
	m.start(cli.Window{Reviewer: "kim"})
	first, second := m.library.all[0], m.library.all[1]
	var pending []func()
	m.spawn = func(f func()) { pending = append(pending, f) }
	m.open(first.ID)
	m.open(second.ID)
	pending[1]()
	pending[0]() // the first finishes last
	if m.session.Article() != second.ID || !strings.HasPrefix(w.Title(), second.Title) {
		t.Errorf("article %d (%q) is shown, want the second, %d", m.session.Article(), w.Title(), second.ID)
	}
}

func TestWindowSizeRemembered(t *testing.T) {
	m, w := newTestWindow(t)
	w.Resize(fyne.NewSize(1000, 640))
	m.rememberWindow()
	if got := m.prefs.windowSize(); got != fyne.NewSize(1000, 640) {
		t.Errorf("remembered %v", got)
	}
	m.prefs.setWindowSize(fyne.NewSize(20, 20))
	if got := m.prefs.windowSize(); got.Width < 640 || got.Height < 420 {
		t.Errorf("a tiny remembered size gives %v", got)
	}
}

// TestRefusedVerdictSaysSo: when the database refuses a verdict the
// reviewer is told, and the sentence stays as it was.
func TestRefusedVerdictSaysSo(t *testing.T) {
	m, w := newTestWindow(t)
	m.start(cli.Window{Reviewer: "kim"})
	m.store.Close()
	press(w, fyne.KeyA)
	if v := m.session.Verdict(0); v != nil || m.session.Current() != 0 {
		t.Errorf("a refused verdict shows as %+v, current %d", v, m.session.Current())
	}
	said := dialogText(w)
	if !strings.Contains(said, "sentence 1") {
		t.Errorf("the dialog says %q", said)
	}
}

// TestKeysWaitWhileOpening: keys pressed while an article is being opened
// judge nothing, neither the article left nor the one coming.
func TestKeysWaitWhileOpening(t *testing.T) {
	m, w := newTestWindow(t)
	m.start(cli.Window{Reviewer: "kim"})
	left := m.session
	var pending []func()
	m.spawn = func(f func()) { pending = append(pending, f) }
	m.open(m.library.all[1].ID)
	press(w, fyne.KeyA, fyne.KeyD, fyne.Key1)
	pending[0]()
	if r, _ := left.Progress(); r != 0 {
		t.Errorf("%d verdicts on the article being left", r)
	}
	if r, _ := m.session.Progress(); r != 0 {
		t.Errorf("%d verdicts on the article opened", r)
	}
}

func TestF1ShowsEveryShortcut(t *testing.T) {
	m, w := newTestWindow(t)
	m.start(cli.Window{Reviewer: "kim"})
	press(w, fyne.KeyF1)
	said := dialogText(w)
	for _, row := range shortcutSheet {
		if !strings.Contains(said, row[0]) || !strings.Contains(said, row[1]) {
			t.Errorf("the sheet lacks %s: %s", row[0], row[1])
		}
	}
}
