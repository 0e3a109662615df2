package classroom

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"mediareview/analysis"
)

func TestVerify(t *testing.T) {
	e := fixtureExercise(t, AskBoth)
	sealed := func(edit func(*Submission)) *Submission {
		s, _ := e.NewSubmission("V1", fixtureTime)
		s.SetLabel(0, analysis.LabelReported)
		s.SetSpeaker(1, "Tom Berg")
		edit(s)
		if err := s.Seal(e, fixtureTime); err != nil {
			t.Fatal(err)
		}
		return s
	}
	tests := []struct {
		name string
		sub  *Submission
		want error
	}{
		{"good", sealed(func(*Submission) {}), nil},
		{"other exercise", sealed(func(s *Submission) { s.ExerciseID = "another" }), ErrOtherExercise},
		{"older exercise version", sealed(func(s *Submission) { s.ExerciseHash = "0123" }), ErrExerciseChanged},
		{"draft", func() *Submission { s, _ := e.NewSubmission("V1", fixtureTime); return s }(), ErrNotSubmitted},
		{"answer edited after sealing", func() *Submission {
			s := sealed(func(*Submission) {})
			s.Labels[0].Label = analysis.LabelOpinion
			return s
		}(), ErrTampered},
		{"student changed after sealing", func() *Submission {
			s := sealed(func(*Submission) {})
			s.Student = "V2"
			return s
		}(), ErrTampered},
		{"sentence out of range", sealed(func(s *Submission) { s.SetLabel(99, analysis.LabelQuote) }), ErrNotSubmission},
		{"unknown label", sealed(func(s *Submission) { s.SetLabel(1, "gossip") }), ErrNotSubmission},
		{"quote out of range", sealed(func(s *Submission) { s.SetSpeaker(-1, "X") }), ErrNotSubmission},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := e.Verify(tt.sub)
			if (tt.want == nil) != (err == nil) || (tt.want != nil && !errors.Is(err, tt.want)) {
				t.Errorf("Verify = %v, want %v", err, tt.want)
			}
		})
	}
}

// A submission survives its file form: what is read back verifies.
func TestSubmissionRoundTrip(t *testing.T) {
	e := fixtureExercise(t, AskBoth)
	s, _ := e.NewSubmission("Ü-7 😀", fixtureTime)
	s.SetLabel(4, analysis.LabelOpinion)
	s.SetSpeaker(0, "Lena “the captain” Marsh")
	s.Seal(e, fixtureTime)
	b, err := s.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	got, err := UnmarshalSubmission(b)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Verify(got); err != nil {
		t.Errorf("read back: %v", err)
	}
}

func FuzzUnmarshalSubmission(f *testing.F) {
	e := fixtureExercise(f, AskBoth)
	s, _ := e.NewSubmission("F1", fixtureTime)
	s.SetLabel(0, analysis.LabelQuote)
	s.Seal(e, fixtureTime)
	b, _ := s.Marshal()
	f.Add(b)
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := UnmarshalSubmission(data)
		if err != nil {
			return
		}
		if err := e.Verify(s); err == nil {
			NewClass(e).add(Handed{Path: "fuzz", Submission: s})
			e.score(Handed{Submission: s}, newSheet(s), NewTable(len(analysis.Labels)))
		}
	})
}

func FuzzUnmarshalExercise(f *testing.F) {
	e := fixtureExercise(f, AskBoth)
	b, _ := e.Marshal()
	f.Add(b)
	f.Add(b[:len(b)/2])
	f.Fuzz(func(t *testing.T, data []byte) {
		e, err := Unmarshal(data)
		if err != nil {
			return
		}
		// Whatever opens must be usable without panicking.
		for i := range e.Sentences {
			_ = e.SentenceText(i)
		}
		for i := range e.Quotes {
			_ = e.QuoteText(i)
		}
		c := NewClass(e)
		c.Report()
	})
}

// TestSetAnswers: answers are added, replaced in place and cleared, labels
// and speakers alike; each step is checked against the whole sheet.
func TestSetAnswers(t *testing.T) {
	e := fixtureExercise(t, AskBoth)
	s, err := e.NewSubmission("S1", fixtureTime)
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		do               func()
		labels, speakers string
	}{
		{func() { s.SetLabel(3, Q) }, "3:quote", ""},
		{func() { s.SetLabel(0, R) }, "3:quote 0:reported", ""},
		{func() { s.SetLabel(3, O) }, "3:opinion 0:reported", ""},
		{func() { s.SetLabel(0, "") }, "3:opinion", ""},
		{func() { s.SetLabel(9, "") }, "3:opinion", ""},
		{func() { s.SetSpeaker(1, " Tom ") }, "3:opinion", "1:Tom"},
		{func() { s.SetSpeaker(0, "Lena Marsh") }, "3:opinion", "1:Tom 0:Lena Marsh"},
		{func() { s.SetSpeaker(1, "Tom Berg") }, "3:opinion", "1:Tom Berg 0:Lena Marsh"},
		{func() { s.SetSpeaker(1, "  ") }, "3:opinion", "0:Lena Marsh"},
	}
	for i, step := range steps {
		step.do()
		var labels, speakers []string
		for _, a := range s.Labels {
			labels = append(labels, fmt.Sprintf("%d:%s", a.Sentence, a.Label))
		}
		for _, a := range s.Speakers {
			speakers = append(speakers, fmt.Sprintf("%d:%s", a.Quote, a.Speaker))
		}
		if got := strings.Join(labels, " ") + " | " + strings.Join(speakers, " "); got != step.labels+" | "+step.speakers {
			t.Errorf("step %d: sheet %q, want %q", i+1, got, step.labels+" | "+step.speakers)
		}
	}
}
