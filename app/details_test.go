package app

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"mediareview/analysis"
	"mediareview/app/review"
	"mediareview/app/store"
	"mediareview/widgets/golden"
)

// fixtureText is an article written for these tests.
const fixtureText = "Harbour fees rise\n\n" +
	"“We had no choice,” said Mara Quist, the harbour master. " +
	"Critics say the rise is reckless. " +
	"Fees will rise by 9% in May."

// fixtureResult is a hand-made analysis of fixtureText, so goldens do not
// move when the analyser's rules change.
func fixtureResult() *analysis.Result {
	at := func(s string) int {
		for i := 0; i+len(s) <= len(fixtureText); i++ {
			if fixtureText[i:i+len(s)] == s {
				return i
			}
		}
		panic("not in fixture: " + s)
	}
	sen := func(i int, first, last string, l analysis.Label, p int) analysis.Sentence {
		start, end := at(first), at(last)+len(last)
		return analysis.Sentence{Index: i, Start: start, End: end, Text: fixtureText[start:end], Label: l, Paragraph: p,
			Confidence: 0.8, Signals: []analysis.Signal{}}
	}
	res := &analysis.Result{
		Analyzer: analysis.AnalyzerInfo{Name: analysis.Name, Version: analysis.Version},
		Text:     fixtureText,
		Sentences: []analysis.Sentence{
			sen(0, "Harbour fees rise", "Harbour fees rise", analysis.LabelReported, 0),
			sen(1, "“We had", "master.", analysis.LabelQuote, 1),
			sen(2, "Critics say", "reckless.", analysis.LabelAttributed, 1),
			sen(3, "Fees will", "May.", analysis.LabelReported, 1),
		},
	}
	res.Sentences[1].Source, res.Sentences[1].Cue, res.Sentences[1].Confidence = "Mara Quist", "said", 0.95
	res.Sentences[2].Source, res.Sentences[2].Cue = "critics", "say"
	res.Sentences[2].Signals = []analysis.Signal{
		{Kind: analysis.SignalVagueSource, Text: "Critics say", Start: at("Critics say"), End: at("Critics say") + 11,
			Why: "A source the reader cannot check."},
		{Kind: analysis.SignalEvaluative, Text: "reckless", Start: at("reckless"), End: at("reckless") + 8,
			Why: "A word that judges rather than describes."},
	}
	q := at("We had")
	m := at("Mara Quist")
	res.Quotes = []analysis.Quote{{Start: q, End: q + len("We had no choice,"), Text: "We had no choice,", Speaker: "Mara Quist",
		Mention: "Mara Quist, the harbour master", MentionStart: m, MentionEnd: m + 30, Cue: "said", Kind: analysis.QuoteDirect,
		Sentences: []int{1}}}
	res.Summary = analysis.Summary{Sources: []analysis.SourceCount{{Name: "Mara Quist", Quotes: 1, Named: true},
		{Name: "critics", Paraphrases: 1}}}
	return res
}

// openFixture opens the fixture article in a test window.
func openFixture(t *testing.T) (*mainWindow, fyne.Window) {
	t.Helper()
	m, w := newTestWindow(t)
	m.reviewer = "kim"
	ctx := context.Background()
	id, _, err := m.store.AddArticle(ctx, store.Article{Title: "Harbour fees rise", Text: fixtureText})
	if err != nil {
		t.Fatal(err)
	}
	if err := m.store.SaveAnalysis(ctx, id, fixtureResult()); err != nil {
		t.Fatal(err)
	}
	m.library.load()
	m.open(id)
	if m.session == nil {
		t.Fatal("the fixture did not open")
	}
	return m, w
}

func TestDetailsPanel(t *testing.T) {
	m, _ := openFixture(t)
	steps := []struct {
		golden string
		do     func()
	}{
		{"details_quote.xml", func() { m.session.Select(1); m.afterMove(0) }},
		{"details_signals_relabelled.xml", func() {
			m.session.Select(2)
			m.afterMove(1)
			test.Tap(m.details.relabel[3]) // opinion
			m.session.Select(2)
			m.afterMove(3)
		}},
	}
	for _, st := range steps {
		st.do()
		m.details.root.Resize(fyne.NewSize(380, 860))
		golden.AssertMarkup(t, st.golden, m.details.root)
	}
	v := m.session.Verdict(2)
	if v == nil || v.Label != analysis.LabelOpinion || v.Decision != review.Disagree {
		t.Errorf("tap on Opinion gave %+v", v)
	}
}

func TestDetailsButtons(t *testing.T) {
	m, _ := openFixture(t)
	test.Tap(m.details.agree)    // sentence 0, moves to 1
	test.Tap(m.details.disagree) // sentence 1, moves to 2
	m.session.Select(1)
	m.afterMove(2)
	test.Type(m.details.speaker, "the harbour master")
	m.details.speaker.OnSubmitted(m.details.speaker.Text)
	if v := m.session.Verdict(0); v == nil || v.Decision != review.Agree {
		t.Errorf("Agree gave %+v", v)
	}
	if v := m.session.Verdict(1); v == nil || v.Decision != review.Disagree || v.Speaker != "the harbour master" {
		t.Errorf("Disagree and a speaker gave %+v", v)
	}
	if m.details.disagree.Importance != widget.HighImportance || m.details.agree.Importance != widget.MediumImportance {
		t.Error("the Disagree button does not stand out on a sentence the reviewer disagreed with")
	}
}

func TestSummaryView(t *testing.T) {
	test.NewTempApp(t)
	res := fixtureResult()
	verdicts := map[int]review.Verdict{0: {Decision: review.Agree}, 2: {Decision: review.Disagree, Label: analysis.LabelOpinion}}
	v := summaryView{sum: review.Summarize(res, verdicts),
		reviewers: []review.ReviewerAgreement{{Reviewer: "kim", Agreed: 1, Reviewed: 2}, {Reviewer: "lee", Agreed: 3, Reviewed: 3}}}
	o := v.content()
	o.Resize(fyne.NewSize(600, o.MinSize().Height))
	golden.AssertMarkup(t, "summary.xml", o)
}
