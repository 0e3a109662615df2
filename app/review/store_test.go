package review

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"mediareview/analysis"
	"mediareview/app/store"
)

// TestSessionOnSQLite gives verdicts through a session backed by the real
// store, reopens the database as a restarted app would, and finds exactly
// the verdicts left after the undo.
func TestSessionOnSQLite(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "review.db")
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	text := "Ferries stop at six. “We are sorry,” Ana Ruiz said. Fares should fall. Nobody knows why."
	id, _, err := st.AddArticle(ctx, store.Article{Title: "Ferries", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	res := &analysis.Result{Analyzer: analysis.AnalyzerInfo{Name: "test", Version: "1"}, Text: text}
	start := 0
	for i, end := range []int{21, 53, 72, len(text)} {
		label := analysis.Labels[i]
		res.Sentences = append(res.Sentences, analysis.Sentence{Index: i, Start: start, End: end, Text: text[start:end], Label: label})
		start = end
	}
	if err := st.SaveAnalysis(ctx, id, res); err != nil {
		t.Fatal(err)
	}

	s, err := NewSession(FromStore(st), id, "kim", res, FilterAll)
	if err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(s.Agree())                             // 0
	must(s.Disagree())                          // 1
	must(s.Relabel(analysis.LabelQuote))        // 2
	must(s.Relabel(analysis.LabelOpinion))      // 3
	if ok, err := s.Undo(); !ok || err != nil { // takes back 3
		t.Fatalf("undo: %v %v", ok, err)
	}
	s.Select(1)
	must(s.SetNote("the speaker is unclear"))
	st.Close()

	st, err = store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	again, err := NewSession(FromStore(st), id, "kim", res, FilterUnreviewed)
	if err != nil {
		t.Fatal(err)
	}
	want := map[int]Verdict{
		0: {Decision: Agree},
		1: {Decision: Disagree, Note: "the speaker is unclear"},
		2: {Decision: Disagree, Label: analysis.LabelQuote},
	}
	if !reflect.DeepEqual(again.verdicts, want) {
		t.Errorf("after reopening: %+v\nwant %+v", again.verdicts, want)
	}
	if again.Rows() != 1 || again.Current() != 3 {
		t.Errorf("unreviewed rows = %d, current %d; want only sentence 3", again.Rows(), again.Current())
	}
}

func TestAgreementByReviewer(t *testing.T) {
	sv := func(who string, d store.Decision, kind store.SpanKind, stale bool) store.Verdict {
		return store.Verdict{Reviewer: who, Decision: d, Span: store.Span{Kind: kind}, Stale: stale}
	}
	got := AgreementByReviewer([]store.Verdict{
		sv("kim", store.Agree, store.KindSentence, false),
		sv("lee", store.Disagree, store.KindSentence, false),
		sv("kim", store.Disagree, store.KindSentence, false),
		sv("kim", store.Agree, store.KindQuote, false),
		sv("lee", store.Agree, store.KindSentence, true),
		sv("lee", store.Agree, store.KindSentence, false),
	})
	want := []ReviewerAgreement{{"kim", 1, 2}, {"lee", 1, 2}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}
