package classroom

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"mediareview/analysis"
)

// bigExercise is a 400-sentence exercise with 40 quotes.
func bigExercise(b *testing.B) *Exercise {
	r := &analysis.Result{}
	var text strings.Builder
	for i := range 400 {
		start := text.Len()
		fmt.Fprintf(&text, "Sentence %d says “something %d,” said Person %d. ", i, i, i%7)
		r.Sentences = append(r.Sentences, analysis.Sentence{Index: i, Start: start, End: text.Len() - 1, Label: analysis.Labels[i%4]})
		if i%10 == 0 {
			q := strings.Index(text.String()[start:], "something") + start
			r.Quotes = append(r.Quotes, analysis.Quote{Start: q, End: q + 9, Speaker: fmt.Sprintf("Person %d", i%7),
				Kind: analysis.QuoteDirect, Sentences: []int{i}})
		}
	}
	r.Text = text.String()
	e, err := New(Source{Machine: r}, Options{Now: fixtureTime})
	if err != nil {
		b.Fatal(err)
	}
	return e
}

func BenchmarkClassReport(b *testing.B) {
	e := bigExercise(b)
	c := NewClass(e)
	rng := rand.New(rand.NewPCG(1, 1))
	for i := range 30 {
		s, _ := e.NewSubmission(fmt.Sprintf("S%02d", i), fixtureTime)
		for j := range e.Sentences {
			s.SetLabel(j, analysis.Labels[rng.IntN(4)])
		}
		for j := range e.Quotes {
			s.SetSpeaker(j, fmt.Sprintf("Person %d", rng.IntN(7)))
		}
		s.Seal(e, fixtureTime.Add(time.Minute))
		c.add(Handed{Path: s.Student, Submission: s})
	}
	b.ReportAllocs()
	for b.Loop() {
		c.Report()
	}
}

func BenchmarkOpen(b *testing.B) {
	data, err := bigExercise(b).Marshal()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Unmarshal(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDraftSave is the cost of one autosave (write, fsync, rename)
// of a 400-sentence sheet, paid after every answer.
func BenchmarkDraftSave(b *testing.B) {
	e := bigExercise(b)
	d := Drafts{Dir: b.TempDir()}
	s, _ := e.NewSubmission("S1", fixtureTime)
	for j := range e.Sentences {
		s.SetLabel(j, analysis.Labels[j%4])
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := d.Save(e, s); err != nil {
			b.Fatal(err)
		}
	}
}
