package classroom

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mediareview/analysis"
)

func TestGroupByExercise(t *testing.T) {
	dir, elsewhere := t.TempDir(), t.TempDir()
	a, b := fixtureExercise(t, AskBoth), fixtureExercise(t, AskLabels)
	for name, e := range map[string]*Exercise{"a" + Ext: a, "b" + Ext: b} {
		if err := e.Write(filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(dir, "broken"+Ext), []byte("PK"), 0o644)
	sheet := func(e *Exercise, folder, name string) string {
		s, _ := e.NewSubmission(name, fixtureTime)
		s.SetLabel(0, analysis.LabelReported)
		s.Seal(e, fixtureTime)
		p := filepath.Join(folder, name+SubmissionExt)
		if err := s.Write(p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a1, a2, b1 := sheet(a, dir, "a1"), sheet(a, dir, "a2"), sheet(b, dir, "b1")
	lost := sheet(a, elsewhere, "lost")
	junk := filepath.Join(dir, "junk"+SubmissionExt)
	os.WriteFile(junk, []byte("{"), 0o644)

	groups, refused := GroupByExercise([]string{a1, b1, lost, a2, junk})
	if len(groups) != 2 || groups[0].Exercise.Manifest.ID != a.Manifest.ID || groups[1].Exercise.Manifest.ID != b.Manifest.ID {
		t.Fatalf("groups = %+v", groups)
	}
	if got := strings.Join(groups[0].Submissions, ","); got != a1+","+a2 {
		t.Errorf("exercise a got %s", got)
	}
	if len(groups[1].Submissions) != 1 || groups[1].Submissions[0] != b1 {
		t.Errorf("exercise b got %v", groups[1].Submissions)
	}
	if len(refused) != 2 || !strings.Contains(refused[0].Err.Error(), "not in the same folder") || !errors.Is(refused[1].Err, ErrNotSubmission) {
		t.Errorf("refused = %v", refused)
	}
}
