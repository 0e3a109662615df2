package classroom

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mediareview/analysis"
	"mediareview/app/importer"
)

// TestRefusesClassroomFiles: the importer, which cannot import this
// package, knows real exercise and submission files — by name, and by
// content when they were renamed.
func TestRefusesClassroomFiles(t *testing.T) {
	dir := t.TempDir()
	e := fixtureExercise(t, AskBoth)
	exercise := filepath.Join(dir, "ferry"+Ext)
	if err := e.Write(exercise); err != nil {
		t.Fatal(err)
	}
	allR := answers{labels: []analysis.Label{R, R}}
	submission := hand(t, e, dir, "ferry-7b"+SubmissionExt, "7b", fixtureTime, allR)
	renamed := func(path, name string) string {
		b, err := os.ReadFile(path)
		if err == nil {
			err = os.WriteFile(filepath.Join(dir, name), b, 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
		return filepath.Join(dir, name)
	}
	tests := []struct{ path, what string }{
		{exercise, "a classroom exercise"},
		{renamed(exercise, "ferry.zip"), "a classroom exercise"},
		{submission, "a student's submission"},
		{renamed(submission, "ferry-7b.txt"), "a student's submission"},
	}
	for _, tt := range tests {
		_, err := importer.File(tt.path, 0)
		if !errors.Is(err, importer.ErrNotArticle) || !strings.HasPrefix(err.Error(), tt.path+" is "+tt.what+",") {
			t.Errorf("importer.File(%s) error = %v, want %q", filepath.Base(tt.path), err, tt.what)
		}
	}
}
