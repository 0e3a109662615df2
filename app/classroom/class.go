package classroom

import (
	"fmt"
	"path/filepath"
	"sort"
	"time"
)

// Class gathers the submissions to one exercise: one per student, the
// newest kept, refused files set aside with their reason.
type Class struct {
	Exercise *Exercise
	byKey    map[string]Handed
	// Refused lists the files that were not taken, with why.
	Refused []Refusal
	// Replaced lists students who handed in more than once.
	Replaced []Replacement
}

// Handed is one submission taken into the class.
type Handed struct {
	Path       string
	Submission *Submission
}

// Refusal is a file that was not taken, with the reason.
type Refusal struct {
	Path string
	Err  error
}

func (r Refusal) String() string { return fmt.Sprintf("%s: refused: %v", r.Path, r.Err) }

// Replacement records a student who handed in twice: the newer file is
// kept.
type Replacement struct {
	Student       string
	Kept, Dropped Handed
}

func (r Replacement) String() string {
	return fmt.Sprintf("student %q handed in twice: kept %s (submitted %s), set aside %s (submitted %s)",
		r.Student, filepath.Base(r.Kept.Path), stamp(r.Kept.Submission.SubmittedAt),
		filepath.Base(r.Dropped.Path), stamp(r.Dropped.Submission.SubmittedAt))
}

func stamp(t time.Time) string { return t.Local().Format("2006-01-02 15:04:05") }

// NewClass starts an empty class for the exercise.
func NewClass(e *Exercise) *Class {
	return &Class{Exercise: e, byKey: map[string]Handed{}}
}

// AddFile reads, checks and takes one submission file. It returns the
// reason when the file is refused (also kept in Refused) and a note when
// the file replaces or loses to the same student's other submission.
func (c *Class) AddFile(path string) (note string, err error) {
	s, err := ReadSubmission(path)
	if err != nil {
		c.Refused = append(c.Refused, Refusal{Path: path, Err: err})
		return "", err
	}
	return c.Take(path, s)
}

// Take checks and takes a submission read from path, as AddFile does.
func (c *Class) Take(path string, s *Submission) (note string, err error) {
	if err := c.Exercise.Verify(s); err != nil {
		err = fmt.Errorf("%s: %w", path, err)
		c.Refused = append(c.Refused, Refusal{Path: path, Err: err})
		return "", err
	}
	return c.add(Handed{Path: path, Submission: s}), nil
}

func (c *Class) add(h Handed) string {
	key := StudentKey(h.Submission.Student)
	old, ok := c.byKey[key]
	if !ok {
		c.byKey[key] = h
		return ""
	}
	if samePath(old.Path, h.Path) {
		c.byKey[key] = h
		return fmt.Sprintf("%s: already imported", h.Path)
	}
	kept, dropped := h, old
	if old.Submission.SubmittedAt.After(h.Submission.SubmittedAt) {
		kept, dropped = old, h
	}
	c.byKey[key] = kept
	r := Replacement{Student: kept.Submission.Student, Kept: kept, Dropped: dropped}
	c.Replaced = append(c.Replaced, r)
	return r.String()
}

func samePath(a, b string) bool {
	x, err1 := filepath.Abs(a)
	y, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && x == y
}

// Handed returns the kept submissions, ordered by student code.
func (c *Class) Handed() []Handed {
	out := make([]Handed, 0, len(c.byKey))
	for _, h := range c.byKey {
		out = append(out, h)
	}
	sort.Slice(out, func(i, j int) bool {
		return StudentKey(out[i].Submission.Student) < StudentKey(out[j].Submission.Student)
	})
	return out
}
