package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mediareview/analysis"
)

// The fixture article: three sentences, the second with a quote.
const fixtureText = "The harbour board met on Tuesday. \u201cThe pier stays shut,\u201d said Rosa Lind. Critics say the delay is reckless."

func openTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// fixtureResult labels text split at ". " with the given version; the
// labels cycle reported, quote, opinion.
func fixtureResult(text, version string) *analysis.Result {
	res := &analysis.Result{Analyzer: analysis.AnalyzerInfo{Name: "test", Version: version}, Text: text}
	labels := []analysis.Label{analysis.LabelReported, analysis.LabelQuote, analysis.LabelOpinion}
	start := 0
	for start < len(text) {
		end := strings.Index(text[start:], ". ")
		if end < 0 {
			end = len(text)
		} else {
			end += start + 1
		}
		i := len(res.Sentences)
		res.Sentences = append(res.Sentences, analysis.Sentence{Index: i, Start: start, End: end,
			Text: text[start:end], Label: labels[i%3], Confidence: 0.5 + 0.1*float64(i), Source: "src" + string(rune('A'+i))})
		start = end + 1
	}
	if q := strings.Index(text, "The pier"); q >= 0 {
		res.Quotes = append(res.Quotes, analysis.Quote{Start: q, End: q + len("The pier stays shut,"),
			Text: "The pier stays shut,", Speaker: "Rosa Lind", Cue: "said", Kind: analysis.QuoteDirect, Sentences: []int{1}})
	}
	return res
}

func addFixture(t *testing.T, s *Store) (int64, *analysis.Result) {
	t.Helper()
	ctx := context.Background()
	id, _, err := s.AddArticle(ctx, Article{Title: "Harbour", Origin: "harbour.txt", Text: fixtureText})
	if err != nil {
		t.Fatal(err)
	}
	res := fixtureResult(fixtureText, "1")
	if err := s.SaveAnalysis(ctx, id, res); err != nil {
		t.Fatal(err)
	}
	return id, res
}

func TestAddArticleFindsSameText(t *testing.T) {
	s, ctx := openTemp(t), context.Background()
	id1, existed1, err := s.AddArticle(ctx, Article{Title: "First", Text: fixtureText})
	if err != nil || existed1 {
		t.Fatalf("first AddArticle = %d, %v, %v", id1, existed1, err)
	}
	id2, existed2, err := s.AddArticle(ctx, Article{Title: "Second name", Text: fixtureText})
	if err != nil || !existed2 || id2 != id1 {
		t.Fatalf("second AddArticle = %d, %v, %v; want %d, true", id2, existed2, err, id1)
	}
	id3, existed3, err := s.AddArticle(ctx, Article{Title: "Other", Text: fixtureText + " More."})
	if err != nil || existed3 || id3 == id1 {
		t.Fatalf("different text AddArticle = %d, %v, %v", id3, existed3, err)
	}
	a, err := s.Article(ctx, id1)
	if err != nil || a.Title != "First" || a.Text != fixtureText || a.SHA256 != TextHash(fixtureText) || a.ImportedAt.IsZero() {
		t.Fatalf("Article = %+v, %v", a, err)
	}
	if found, err := s.FindArticle(ctx, fixtureText); err != nil || found != id1 {
		t.Errorf("FindArticle = %d, %v", found, err)
	}
	if _, _, err := s.AddArticle(ctx, Article{Title: "Blank", Text: " \n"}); err == nil {
		t.Error("AddArticle accepted a blank text")
	}
	if _, err := s.Article(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("Article(999) error = %v, want ErrNotFound", err)
	}
}

func TestAnalysesAndArticleList(t *testing.T) {
	s, ctx := openTemp(t), context.Background()
	id, res := addFixture(t, s)
	got, err := s.LatestAnalysis(ctx, id)
	if err != nil || got.Analyzer.Version != "1" || len(got.Sentences) != 3 || got.Quotes[0].Speaker != "Rosa Lind" {
		t.Fatalf("LatestAnalysis = %+v, %v", got, err)
	}
	if _, err := s.SetVerdict(ctx, id, "ana", withDecision(SentenceVerdict(res, 0), Agree)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetVerdict(ctx, id, "ana", withDecision(QuoteVerdict(res, 0), Agree)); err != nil {
		t.Fatal(err)
	}
	list, err := s.Articles(ctx, "ana")
	if err != nil || len(list) != 1 || list[0].Sentences != 3 || list[0].Reviewed != 1 || list[0].Title != "Harbour" {
		t.Fatalf("Articles = %+v, %v; want 3 sentences, 1 reviewed", list, err)
	}
	if list, _ := s.Articles(ctx, "ben"); list[0].Reviewed != 0 {
		t.Errorf("Articles(ben) reviewed = %d, want 0", list[0].Reviewed)
	}
	other := fixtureResult("Not the article.", "1")
	if err := s.SaveAnalysis(ctx, id, other); err == nil {
		t.Error("SaveAnalysis accepted an analysis of another text")
	}
	if _, err := s.LatestAnalysis(ctx, 42); !errors.Is(err, ErrNotFound) {
		t.Errorf("LatestAnalysis(42) error = %v, want ErrNotFound", err)
	}
}

func withDecision(v Verdict, d Decision) Verdict {
	v.Decision = d
	return v
}

func TestSetVerdictAndUndo(t *testing.T) {
	s, ctx := openTemp(t), context.Background()
	id, res := addFixture(t, s)
	first := withDecision(SentenceVerdict(res, 2), Agree)
	relabel := withDecision(SentenceVerdict(res, 2), Disagree)
	relabel.Label, relabel.Note = analysis.LabelAttributed, "critics are a source"
	quote := withDecision(QuoteVerdict(res, 0), Disagree)
	quote.Speaker = "Rosa Lindqvist"

	for _, v := range []Verdict{first, relabel, quote} {
		if _, err := s.SetVerdict(ctx, id, "ana", v); err != nil {
			t.Fatal(err)
		}
	}
	saved, err := s.SetVerdict(ctx, id, "ana", quote) // identical: no new history
	if err != nil || saved.Speaker != "Rosa Lindqvist" || saved.SpanHash != TextHash("The pier stays shut,") {
		t.Fatalf("SetVerdict again = %+v, %v", saved, err)
	}
	if _, err := s.SetVerdict(ctx, id, "ben", withDecision(SentenceVerdict(res, 2), Agree)); err != nil {
		t.Fatal(err)
	}
	vs, err := s.Verdicts(ctx, id, "ana")
	if err != nil || len(vs) != 2 {
		t.Fatalf("Verdicts = %+v, %v; want 2", vs, err)
	}
	if vs[0].Kind != KindQuote || vs[1].Label != analysis.LabelAttributed || vs[1].Note != "critics are a source" ||
		vs[1].MachineLabel != analysis.LabelOpinion || vs[1].MachineSpeaker != "srcC" {
		t.Fatalf("Verdicts = %+v", vs)
	}

	steps := []struct {
		span Span
		want string // the decision and label now current on span, "" for none
	}{
		{quote.Span, ""},
		{first.Span, "agree/"},
		{first.Span, ""},
	}
	for i, st := range steps {
		span, v, err := s.Undo(ctx, id, "ana")
		if err != nil || span != st.span {
			t.Fatalf("undo %d = %v, %v; want span %v", i, span, err, st.span)
		}
		got := ""
		if v != nil {
			got = string(v.Decision) + "/" + string(v.Label)
		}
		if got != st.want {
			t.Errorf("undo %d restored %q, want %q", i, got, st.want)
		}
	}
	hist, err := s.History(ctx, id, "ana")
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, c := range hist {
		actions = append(actions, fmt.Sprintf("%s %s %v>%v undone=%v", c.Action, c.Kind, c.Before != nil, c.After != nil, c.Undone))
	}
	wantHist := []string{
		"set sentence false>true undone=true", "set sentence true>true undone=true", "set quote false>true undone=true",
		"undo quote true>false undone=false", "undo sentence true>true undone=false", "undo sentence true>false undone=false",
	}
	if strings.Join(actions, "\n") != strings.Join(wantHist, "\n") {
		t.Errorf("history:\n%s\nwant:\n%s", strings.Join(actions, "\n"), strings.Join(wantHist, "\n"))
	}
	if _, _, err := s.Undo(ctx, id, "ana"); !errors.Is(err, ErrNothingToUndo) {
		t.Errorf("undo past the start: %v, want ErrNothingToUndo", err)
	}
	if vs, _ := s.Verdicts(ctx, id, "ana"); len(vs) != 0 {
		t.Errorf("after undoing everything ana has %d verdicts", len(vs))
	}
	if vs, _ := s.Verdicts(ctx, 0, ""); len(vs) != 1 || vs[0].Reviewer != "ben" {
		t.Errorf("ben's verdict was touched by ana's undo: %+v", vs)
	}
}

func TestWithdrawAndUndoSpan(t *testing.T) {
	s, ctx := openTemp(t), context.Background()
	id, res := addFixture(t, s)
	a := withDecision(SentenceVerdict(res, 0), Agree)
	b := withDecision(SentenceVerdict(res, 1), Disagree)
	for _, v := range []Verdict{a, b} {
		if _, err := s.SetVerdict(ctx, id, "ana", v); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.WithdrawVerdict(ctx, id, "ana", a.Span); err != nil {
		t.Fatal(err)
	}
	if vs, _ := s.Verdicts(ctx, id, "ana"); len(vs) != 1 {
		t.Fatalf("after withdraw %d verdicts, want 1", len(vs))
	}
	v, err := s.UndoSpan(ctx, id, "ana", a.Span)
	if err != nil || v == nil || v.Decision != Agree {
		t.Fatalf("UndoSpan = %+v, %v; want the agree back", v, err)
	}
	if vs, _ := s.Verdicts(ctx, id, "ana"); len(vs) != 2 {
		t.Fatalf("after undoing the withdraw %d verdicts, want 2", len(vs))
	}
}

func TestReanalysisMarksStale(t *testing.T) {
	s, ctx := openTemp(t), context.Background()
	id, res := addFixture(t, s)
	for i := range res.Sentences {
		if _, err := s.SetVerdict(ctx, id, "ana", withDecision(SentenceVerdict(res, i), Agree)); err != nil {
			t.Fatal(err)
		}
	}
	// Version 2 merges the last two sentences.
	v2 := fixtureResult(fixtureText, "2")
	v2.Sentences[1].End = v2.Sentences[2].End
	v2.Sentences = v2.Sentences[:2]
	if err := s.SaveAnalysis(ctx, id, v2); err != nil {
		t.Fatal(err)
	}
	vs, _ := s.Verdicts(ctx, id, "ana")
	var stale []bool
	for _, v := range vs {
		stale = append(stale, v.Stale)
	}
	if len(vs) != 3 || stale[0] || !stale[1] || !stale[2] {
		t.Fatalf("stale after v2 = %v, want [false true true] and all kept", stale)
	}
	if list, _ := s.Articles(ctx, "ana"); list[0].Sentences != 2 || list[0].Reviewed != 1 {
		t.Errorf("Articles after v2 = %+v, want 2 sentences, 1 reviewed", list[0])
	}
	if latest, _ := s.LatestAnalysis(ctx, id); latest.Analyzer.Version != "2" {
		t.Errorf("latest analysis is version %s, want 2", latest.Analyzer.Version)
	}
	if old, err := s.Analysis(ctx, id, "1"); err != nil || len(old.Sentences) != 3 {
		t.Errorf("Analysis(v1) = %v, want the old result kept", err)
	}
	if err := s.SaveAnalysis(ctx, id, fixtureResult(fixtureText, "3")); err != nil {
		t.Fatal(err)
	}
	for _, v := range mustVerdicts(t, s, id) {
		if v.Stale {
			t.Errorf("verdict %v still stale after v3 matches it again", v.Span)
		}
	}
}

func mustVerdicts(t *testing.T, s *Store, id int64) []Verdict {
	t.Helper()
	vs, err := s.Verdicts(context.Background(), id, "")
	if err != nil {
		t.Fatal(err)
	}
	return vs
}

func TestSetVerdictRefuses(t *testing.T) {
	s, ctx := openTemp(t), context.Background()
	id, res := addFixture(t, s)
	good := withDecision(SentenceVerdict(res, 0), Agree)
	outside := good
	outside.End = len(fixtureText) + 1
	badKind := good
	badKind.Kind = "paragraph"
	badLabel := good
	badLabel.Label = "satire"
	tests := []struct {
		name     string
		article  int64
		reviewer string
		v        Verdict
	}{
		{"no reviewer", id, "  ", good},
		{"no decision", id, "ana", SentenceVerdict(res, 0)},
		{"outside the text", id, "ana", outside},
		{"unknown kind", id, "ana", badKind},
		{"unknown label", id, "ana", badLabel},
		{"unknown article", 99, "ana", good},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := s.SetVerdict(ctx, tt.article, tt.reviewer, tt.v); err == nil {
				t.Error("SetVerdict accepted it")
			}
		})
	}
	if vs := mustVerdicts(t, s, id); len(vs) != 0 {
		t.Errorf("refused verdicts were stored: %+v", vs)
	}
}

func TestDeleteArticle(t *testing.T) {
	s, ctx := openTemp(t), context.Background()
	id, res := addFixture(t, s)
	if _, err := s.SetVerdict(ctx, id, "ana", withDecision(SentenceVerdict(res, 0), Agree)); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteArticle(ctx, id); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.Articles(ctx, ""); len(list) != 0 {
		t.Errorf("articles after delete: %+v", list)
	}
	if vs := mustVerdicts(t, s, 0); len(vs) != 0 {
		t.Errorf("verdicts after delete: %+v", vs)
	}
	if err := s.DeleteArticle(ctx, id); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete: %v, want ErrNotFound", err)
	}
	rs, err := s.Reviewers(ctx)
	if err != nil || len(rs) != 1 || rs[0].Name != "ana" || rs[0].Code() != "R001" {
		t.Errorf("Reviewers = %+v, %v", rs, err)
	}
}

func TestDefaultPath(t *testing.T) {
	t.Setenv("MEDIAREVIEW_DB", "/somewhere/else.db")
	if p, err := DefaultPath(); err != nil || p != "/somewhere/else.db" {
		t.Errorf("DefaultPath with MEDIAREVIEW_DB = %q, %v", p, err)
	}
	t.Setenv("MEDIAREVIEW_DB", "")
	t.Setenv("XDG_CONFIG_HOME", "/cfg")
	p, err := DefaultPath()
	if err != nil || p != filepath.Join("/cfg", "fyne", "org.mediareview.MediaReview", "mediareview.db") {
		t.Errorf("DefaultPath = %q, %v", p, err)
	}
}

// TestUndoAfterReanalysis restores a verdict replaced before a re-analysis
// that no longer has its span: it comes back stale.
func TestUndoAfterReanalysis(t *testing.T) {
	s, ctx := openTemp(t), context.Background()
	id, res := addFixture(t, s)
	v := withDecision(SentenceVerdict(res, 2), Agree)
	if _, err := s.SetVerdict(ctx, id, "ana", v); err != nil {
		t.Fatal(err)
	}
	v.Decision = Disagree
	if _, err := s.SetVerdict(ctx, id, "ana", v); err != nil {
		t.Fatal(err)
	}
	v2 := fixtureResult(fixtureText, "2")
	v2.Sentences[2].Start++ // the last sentence now starts a byte later
	if err := s.SaveAnalysis(ctx, id, v2); err != nil {
		t.Fatal(err)
	}
	_, restored, err := s.Undo(ctx, id, "ana")
	if err != nil || restored == nil || restored.Decision != Agree || !restored.Stale {
		t.Fatalf("Undo = %+v, %v; want the agree back, marked stale", restored, err)
	}
	if vs := mustVerdicts(t, s, id); len(vs) != 1 || !vs[0].Stale {
		t.Errorf("stored after undo: %+v", vs)
	}
}

// TestOddPaths opens databases whose names would break a naive SQLite URI.
func TestOddPaths(t *testing.T) {
	for _, name := range []string{"with space.db", "hash#1.db", "what?.db", "100%.db", "ünï €.db"} {
		path := filepath.Join(t.TempDir(), name)
		s, err := Open(context.Background(), path)
		if err != nil {
			t.Fatalf("Open(%q): %v", name, err)
		}
		_, _, err = s.AddArticle(context.Background(), Article{Title: "T", Text: "Some text."})
		s.Close()
		if err != nil {
			t.Fatalf("AddArticle in %q: %v", name, err)
		}
		if _, err := os.Stat(path); err != nil {
			t.Errorf("database %q not at its path: %v", name, err)
		}
	}
}
