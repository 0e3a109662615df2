package classroom

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"mediareview/analysis"
	"mediareview/app/buildinfo"
)

// The submission file format: see docs/exercise-format.md.
const (
	SubmissionFormat        = "mediareview-submission"
	SubmissionFormatVersion = 1
	SubmissionExt           = ".mrsubmission"
)

// maxSubmission bounds a submission file read back.
const maxSubmission = 8 << 20

// Submission is one student's answers to one exercise. A draft is a
// Submission with no SubmittedAt.
type Submission struct {
	Format        string           `json:"format"`
	FormatVersion int              `json:"format_version"`
	ExerciseID    string           `json:"exercise_id"`
	ExerciseHash  string           `json:"exercise_hash"`
	ExerciseTitle string           `json:"exercise_title"`
	Student       string           `json:"student"`
	StartedAt     time.Time        `json:"started_at"`
	SubmittedAt   time.Time        `json:"submitted_at,omitzero"`
	AppVersion    string           `json:"app_version"`
	Labels        []SentenceAnswer `json:"labels"`
	Speakers      []SpeakerAnswer  `json:"speakers"`
	MAC           string           `json:"mac"`
}

// SentenceAnswer is the label a student gave one sentence.
type SentenceAnswer struct {
	Sentence int            `json:"sentence"`
	Label    analysis.Label `json:"label"`
}

// SpeakerAnswer is the speaker a student named for one quote.
type SpeakerAnswer struct {
	Quote   int    `json:"quote"`
	Speaker string `json:"speaker"`
}

// NewSubmission starts an empty answer sheet for a student.
func (e *Exercise) NewSubmission(student string, now time.Time) (*Submission, error) {
	code, err := CheckStudentCode(student)
	if err != nil {
		return nil, err
	}
	return &Submission{
		Format: SubmissionFormat, FormatVersion: SubmissionFormatVersion,
		ExerciseID: e.Manifest.ID, ExerciseHash: e.Hash, ExerciseTitle: e.Manifest.Title,
		Student: code, StartedAt: now.UTC().Truncate(time.Second), AppVersion: buildinfo.Version,
		Labels: []SentenceAnswer{}, Speakers: []SpeakerAnswer{},
	}, nil
}

// CheckStudentCode trims a student code and refuses an empty, long or
// unprintable one. Codes are pseudonyms: no real name is needed.
func CheckStudentCode(s string) (string, error) {
	s = strings.Join(strings.Fields(s), " ")
	switch {
	case s == "":
		return "", errors.New("the student code is empty")
	case utf8.RuneCountInString(s) > 40:
		return "", errors.New("the student code is longer than 40 characters")
	}
	for _, r := range s {
		if !unicode.IsPrint(r) {
			return "", fmt.Errorf("the student code has an unprintable character %U", r)
		}
	}
	return s, nil
}

// StudentKey is how codes are compared: case and spacing do not matter.
func StudentKey(code string) string {
	return strings.ToLower(strings.Join(strings.Fields(code), " "))
}

// Label returns the student's label for sentence i, empty if none.
func (s *Submission) Label(i int) analysis.Label {
	for _, a := range s.Labels {
		if a.Sentence == i {
			return a.Label
		}
	}
	return ""
}

// SetLabel records (or, with an empty label, clears) the label for
// sentence i.
func (s *Submission) SetLabel(i int, l analysis.Label) {
	s.Labels = setAnswer(s.Labels, SentenceAnswer{Sentence: i, Label: l}, l == "",
		func(a SentenceAnswer) bool { return a.Sentence == i })
}

// Speaker returns the student's speaker for quote i, empty if none.
func (s *Submission) Speaker(i int) string {
	for _, a := range s.Speakers {
		if a.Quote == i {
			return a.Speaker
		}
	}
	return ""
}

// SetSpeaker records (or, when blank, clears) the speaker for quote i.
func (s *Submission) SetSpeaker(i int, speaker string) {
	speaker = strings.TrimSpace(speaker)
	s.Speakers = setAnswer(s.Speakers, SpeakerAnswer{Quote: i, Speaker: speaker}, speaker == "",
		func(a SpeakerAnswer) bool { return a.Quote == i })
}

// setAnswer replaces the answer to the same question (found by same) with
// a, adds a when there is none, or with clear removes it. An answer keeps
// its place, so a sheet reads in the order it was first answered.
func setAnswer[A any](answers []A, a A, clear bool, same func(A) bool) []A {
	j := slices.IndexFunc(answers, same)
	switch {
	case j >= 0 && clear:
		return slices.Delete(answers, j, j+1)
	case j >= 0:
		answers[j] = a
	case !clear:
		answers = append(answers, a)
	}
	return answers
}

// Submitted reports whether the sheet has been handed in.
func (s *Submission) Submitted() bool { return !s.SubmittedAt.IsZero() }

// Seal marks the submission handed in at now and signs it with the
// exercise's secret.
func (s *Submission) Seal(e *Exercise, now time.Time) error {
	s.SubmittedAt = now.UTC().Truncate(time.Second)
	mac, err := s.mac(e.Manifest.Secret)
	if err != nil {
		return err
	}
	s.MAC = mac
	return nil
}

// mac is HMAC-SHA256, keyed by the exercise's secret, over the canonical
// JSON of the submission without its MAC.
func (s *Submission) mac(secret string) (string, error) {
	c := *s
	c.MAC = ""
	b, err := json.Marshal(c)
	if err != nil {
		return "", fmt.Errorf("sign submission: %w", err)
	}
	h := hmac.New(sha256.New, []byte(secret))
	h.Write(b)
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Marshal encodes the submission as the bytes of a .mrsubmission file.
func (s *Submission) Marshal() ([]byte, error) {
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encode submission: %w", err)
	}
	return append(b, '\n'), nil
}

// Write saves the submission (or draft) to path atomically.
func (s *Submission) Write(path string) error {
	b, err := s.Marshal()
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return writeFileAtomic(path, b)
}

// Reasons a submission is refused; errors wrap one of them.
var (
	ErrNotSubmission   = errors.New("not a Media Review submission")
	ErrOtherExercise   = errors.New("made for another exercise")
	ErrExerciseChanged = errors.New("made for a different version of this exercise")
	ErrTampered        = errors.New("changed after it was submitted (integrity check failed)")
	ErrNotSubmitted    = errors.New("a draft, never submitted")
)

// ReadSubmission reads a submission file without checking it against an
// exercise.
func ReadSubmission(path string) (*Submission, error) {
	return readFile(path, maxSubmission, UnmarshalSubmission)
}

// UnmarshalSubmission decodes a submission's bytes.
func UnmarshalSubmission(b []byte) (*Submission, error) {
	var s Submission
	if err := json.Unmarshal(b, &s); err != nil {
		return nil, fmt.Errorf("%w: damaged or incomplete file (%v)", ErrNotSubmission, err)
	}
	switch {
	case s.Format != SubmissionFormat:
		return nil, ErrNotSubmission
	case s.FormatVersion > SubmissionFormatVersion:
		return nil, fmt.Errorf("submission format version %d is newer than this Media Review understands (%d): update Media Review", s.FormatVersion, SubmissionFormatVersion)
	}
	return &s, nil
}

// Verify checks that a submission belongs to the exercise, was submitted,
// was not edited since and only answers questions the exercise asks.
func (e *Exercise) Verify(s *Submission) error {
	switch {
	case s.ExerciseID != e.Manifest.ID:
		return fmt.Errorf("%w (%q, not %q)", ErrOtherExercise, s.ExerciseTitle, e.Manifest.Title)
	case s.ExerciseHash != e.Hash:
		return ErrExerciseChanged
	case !s.Submitted():
		return ErrNotSubmitted
	}
	want, err := s.mac(e.Manifest.Secret)
	if err != nil {
		return err
	}
	if !hmac.Equal([]byte(want), []byte(s.MAC)) {
		return ErrTampered
	}
	if _, err := CheckStudentCode(s.Student); err != nil {
		return fmt.Errorf("%w: %v", ErrNotSubmission, err)
	}
	for _, a := range s.Labels {
		if a.Sentence < 0 || a.Sentence >= len(e.Sentences) || !knownLabel(a.Label) {
			return fmt.Errorf("%w: answer for sentence %d", ErrNotSubmission, a.Sentence+1)
		}
	}
	for _, a := range s.Speakers {
		if a.Quote < 0 || a.Quote >= len(e.Quotes) {
			return fmt.Errorf("%w: answer for quote %d", ErrNotSubmission, a.Quote+1)
		}
	}
	return nil
}
