package classroom

import (
	"strings"
	"testing"
	"time"

	"mediareview/analysis"
)

// The fixture article was written for these tests.
var fixtureSentences = []struct {
	text  string
	label analysis.Label
}{
	{"The harbour ferry resumed service on Tuesday after a week of repairs. ", analysis.LabelReported},
	{"“We are glad to be sailing again,” said captain Lena Marsh. ", analysis.LabelQuote},
	{"The council said the repairs cost 40,000 euros. ", analysis.LabelAttributed},
	{"Passengers waited in long queues at the pier. ", analysis.LabelOpinion}, // the teacher relabels it reported
	{"The shameful delay should never have happened.\n\n", analysis.LabelOpinion},
	{"According to officials, a second boat will join in May. ", analysis.LabelAttributed},
	{"Tickets now cost two euros more. ", analysis.LabelReported}, // the teacher disagrees, no label: not graded
	{"“The engines are like new,” the mechanic added. ", analysis.LabelQuote},
	{"Residents deserve a better timetable. ", analysis.LabelOpinion},
	{"The next sailing leaves at noon.", analysis.LabelReported},
}

// fixtureResult builds the machine's analysis of the fixture by hand, so
// the tests do not depend on the analyser's rules.
func fixtureResult(t testing.TB) *analysis.Result {
	t.Helper()
	r := &analysis.Result{Analyzer: analysis.AnalyzerInfo{Name: "test", Version: "9.9"}}
	var b strings.Builder
	para := 0
	for i, s := range fixtureSentences {
		start := b.Len()
		b.WriteString(s.text)
		r.Sentences = append(r.Sentences, analysis.Sentence{Index: i, Start: start, End: start + len(strings.TrimRight(s.text, " \n")),
			Text: strings.TrimRight(s.text, " \n"), Paragraph: para, Label: s.label, Confidence: 0.7,
			Signals: []analysis.Signal{}})
		if strings.HasSuffix(s.text, "\n\n") {
			para++
		}
	}
	r.Text = b.String()
	quote := func(words, speaker, mention string, sentence int) analysis.Quote {
		start := strings.Index(r.Text, words)
		if start < 0 {
			t.Fatalf("fixture: %q not in text", words)
		}
		return analysis.Quote{Start: start, End: start + len(words), Text: words, Speaker: speaker, Mention: mention,
			Cue: "said", Kind: analysis.QuoteDirect, Sentences: []int{sentence}}
	}
	r.Quotes = []analysis.Quote{
		quote("We are glad to be sailing again,", "Lena Marsh", "captain Lena Marsh", 1),
		quote("The engines are like new,", "the mechanic", "the mechanic", 7), // the teacher names him
		{Start: 0, End: 3, Text: "The", Kind: analysis.QuoteScare, Sentences: []int{0}},
	}
	r.Sentences[4].Signals = []analysis.Signal{{Kind: analysis.SignalEvaluative, Text: "shameful", Why: "judges the delay"}}
	return r
}

func fixtureSource(t testing.TB) Source {
	r := fixtureResult(t)
	sent := func(i int) (int, int) { return r.Sentences[i].Start, r.Sentences[i].End }
	v := func(i int, agree bool, l analysis.Label) Verdict {
		s, e := sent(i)
		return Verdict{Start: s, End: e, Agree: agree, Label: l}
	}
	return Source{
		ArticleTitle: "Ferry back after repairs",
		Teacher:      "T1",
		Machine:      r,
		Verdicts: []Verdict{
			v(2, true, ""),
			v(3, false, analysis.LabelReported),
			v(6, false, ""),
			{Quote: true, Start: r.Quotes[1].Start, End: r.Quotes[1].End, Speaker: "Tom Berg"},
		},
	}
}

var fixtureTime = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

func fixtureExercise(t testing.TB, ask Ask) *Exercise {
	t.Helper()
	e, err := New(fixtureSource(t), Options{Instructions: "Label each sentence.", Now: fixtureTime,
		Settings: Settings{Ask: ask, HideMachine: true, RevealKey: true, ShowReasons: true}})
	if err != nil {
		t.Fatal(err)
	}
	return e
}
