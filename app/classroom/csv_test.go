package classroom

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"time"
)

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
