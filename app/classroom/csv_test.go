package classroom

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"time"
)

func TestNeutralise(t *testing.T) {
	tests := []struct{ in, want string }{
		{"=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"+cmd", "'+cmd"},
		{"-1+1", "'-1+1"},
		{"\tx", "'\tx"},
		{"-0.333", "-0.333"},
		{"66.7", "66.7"},
		{"7b", "7b"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := neutralise(tt.in); got != tt.want {
			t.Errorf("neutralise(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A student code that looks like a formula reaches the CSV defused; the
// byte order mark comes first when asked for.
func TestStudentCSV(t *testing.T) {
	e := fixtureExercise(t, AskLabels)
	c := NewClass(e)
	s, _ := e.NewSubmission("=1+2", fixtureTime)
	s.Seal(e, fixtureTime.Add(time.Minute))
	if _, err := c.Take("sheet.mrsubmission", s); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := c.Report().WriteCSV(&buf, PerStudent, true); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), "\uFEFFstudent,") {
		t.Errorf("no byte order mark: %q", buf.String()[:12])
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\uFEFF"))).ReadAll()
	if err != nil || len(rows) != 2 {
		t.Fatalf("rows %v, %v", rows, err)
	}
	// Nothing answered: 0 of 9, kappa and AC1 undefined (empty cells), no
	// speakers asked.
	want := []string{"'=1+2", "2026-03-02T09:01:00Z", "sheet.mrsubmission", "9", "0", "0", "0.0", "", "", "0", "0"}
	if strings.Join(rows[1], "|") != strings.Join(want, "|") {
		t.Errorf("row = %q, want %q", rows[1], want)
	}
	if err := c.Report().WriteCSV(&buf, "teacher", false); err == nil {
		t.Error("an unknown table was written")
	}
}
