package classroom

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Drafts keeps students' unfinished answer sheets as files in one folder
// (the app's storage folder on the student's computer), one per exercise
// and student code, so a student can leave and come back. A sheet stays
// there after it is handed in, so reopening the exercise shows the reveal.
type Drafts struct {
	Dir string
}

// Path is where the sheet of student for exercise e is kept. The code is
// hashed so that any code makes a safe file name.
func (d Drafts) Path(e *Exercise, student string) string {
	sum := sha256.Sum256([]byte(StudentKey(student)))
	return filepath.Join(d.Dir, e.Manifest.ID, hex.EncodeToString(sum[:12])+".json")
}

// Save writes the sheet atomically.
func (d Drafts) Save(e *Exercise, s *Submission) error {
	path := d.Path(e, s.Student)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("save the draft: %w", err)
	}
	if err := s.Write(path); err != nil {
		return fmt.Errorf("save the draft: %w", err)
	}
	return nil
}

// Load returns the student's sheet for e, or nil when there is none yet.
// A sheet made for an earlier version of the exercise is set aside (kept
// under a .old name) rather than mixed with the new one.
func (d Drafts) Load(e *Exercise, student string) (*Submission, error) {
	path := d.Path(e, student)
	s, err := ReadSubmission(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("load the draft: %w", err)
	}
	if s.ExerciseID != e.Manifest.ID || s.ExerciseHash != e.Hash || StudentKey(s.Student) != StudentKey(student) {
		if err := os.Rename(path, path+".old"); err != nil {
			return nil, fmt.Errorf("set aside the old draft: %w", err)
		}
		return nil, nil
	}
	return s, nil
}
