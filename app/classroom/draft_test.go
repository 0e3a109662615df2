package classroom

import (
	"os"
	"testing"

	"mediareview/analysis"
)

func TestDrafts(t *testing.T) {
	e := fixtureExercise(t, AskBoth)
	d := Drafts{Dir: t.TempDir()}
	if s, err := d.Load(e, "S 1"); s != nil || err != nil {
		t.Fatalf("Load before any save = %v, %v", s, err)
	}
	s, err := e.NewSubmission("S 1", fixtureTime)
	if err != nil {
		t.Fatal(err)
	}
	s.SetLabel(3, analysis.LabelOpinion)
	s.SetSpeaker(0, " Lena Marsh ")
	if err := d.Save(e, s); err != nil {
		t.Fatal(err)
	}
	got, err := d.Load(e, "s  1") // case and spacing do not matter
	if err != nil || got == nil {
		t.Fatalf("Load = %v, %v", got, err)
	}
	if got.Label(3) != analysis.LabelOpinion || got.Speaker(0) != "Lena Marsh" || got.Label(0) != "" || got.Submitted() {
		t.Errorf("draft came back as %+v", got)
	}
	// A changed exercise (new hash) sets the old draft aside.
	e.Hash = "changed"
	if got, err := d.Load(e, "S 1"); got != nil || err != nil {
		t.Errorf("Load for a changed exercise = %v, %v; want nothing", got, err)
	}
	if _, err := os.Stat(d.Path(e, "S 1") + ".old"); err != nil {
		t.Errorf("old draft not kept: %v", err)
	}
}

func TestAnswers(t *testing.T) {
	e := fixtureExercise(t, AskBoth)
	s, _ := e.NewSubmission("A", fixtureTime)
	steps := []struct {
		sentence int
		label    analysis.Label
		want     []SentenceAnswer
	}{
		{2, analysis.LabelQuote, []SentenceAnswer{{2, analysis.LabelQuote}}},
		{0, analysis.LabelOpinion, []SentenceAnswer{{2, analysis.LabelQuote}, {0, analysis.LabelOpinion}}},
		{2, analysis.LabelReported, []SentenceAnswer{{2, analysis.LabelReported}, {0, analysis.LabelOpinion}}},
		{2, "", []SentenceAnswer{{0, analysis.LabelOpinion}}},
	}
	for i, st := range steps {
		s.SetLabel(st.sentence, st.label)
		if len(s.Labels) != len(st.want) {
			t.Fatalf("step %d: %v, want %v", i, s.Labels, st.want)
		}
		for j := range st.want {
			if s.Labels[j] != st.want[j] {
				t.Errorf("step %d: %v, want %v", i, s.Labels, st.want)
			}
		}
	}
}

func TestStudentCode(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"  7b  ", "7b", true},
		{"Table 4   seat 2", "Table 4 seat 2", true},
		{"", "", false},
		{"   ", "", false},
		{"a\x00b", "", false},
		{"this code is far too long to be a pseudonym at all", "", false},
	}
	for _, tt := range tests {
		got, err := CheckStudentCode(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("CheckStudentCode(%q) = %q, %v; want %q ok=%t", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestSpeakerMatches(t *testing.T) {
	tests := []struct {
		answer, key string
		want        bool
	}{
		{"Lena Marsh", "Lena Marsh", true},
		{"lena  marsh.", "Lena Marsh", true},
		{"Dr. Lena Marsh", "Lena Marsh", true},
		{"Marsh", "Lena Marsh", true},
		{"Lena", "Lena Marsh", false},
		{"Tom Marsh", "Lena Marsh", false},
		{"lawyer", "the city's lawyer", false},
		{"The city's lawyer", "the city's lawyer", true},
		{"", "Lena Marsh", false},
		{"anyone", "", false},
	}
	for _, tt := range tests {
		if got := SpeakerMatches(tt.answer, tt.key); got != tt.want {
			t.Errorf("SpeakerMatches(%q, %q) = %t, want %t", tt.answer, tt.key, got, tt.want)
		}
	}
}
