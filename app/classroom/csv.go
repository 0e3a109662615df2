package classroom

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"mediareview/analysis"
	"mediareview/app/report"
)

// Per names one of the report's CSV tables.
type Per string

// The CSV tables of the class report.
const (
	PerStudent   Per = "student"
	PerSentence  Per = "sentence"
	PerSpeaker   Per = "speaker"
	PerConfusion Per = "confusion"
)

// ParsePer reads a Per from its name.
func ParsePer(s string) (Per, error) {
	switch p := Per(strings.ToLower(strings.TrimSpace(s))); p {
	case PerStudent, PerSentence, PerSpeaker, PerConfusion:
		return p, nil
	}
	return "", fmt.Errorf("per %q: want student, sentence, speaker or confusion", s)
}

// WriteCSV writes one table of the report as CSV through the review
// report's writer (report.WriteCSV: RFC 4180, cells that a spreadsheet
// would run defused, plain numbers such as a negative kappa left as
// numbers). With bom it starts with a UTF-8 byte order mark, which
// spreadsheet programs need to read UTF-8.
func (r *Report) WriteCSV(w io.Writer, per Per, bom bool) error {
	rows := r.Rows(per)
	if rows == nil {
		return fmt.Errorf("class report: unknown table %q", per)
	}
	if err := report.WriteCSV(w, rows, bom); err != nil {
		return fmt.Errorf("class report: %w", err)
	}
	return nil
}

// Rows is one table of the report, its header first; nil for an unknown
// table.
func (r *Report) Rows(per Per) [][]string {
	switch per {
	case PerStudent:
		return r.studentRows()
	case PerSentence:
		return r.sentenceRows()
	case PerSpeaker:
		return r.speakerRows()
	case PerConfusion:
		return r.confusionRows()
	}
	return nil
}

func (r *Report) studentRows() [][]string {
	rows := [][]string{{"student", "submitted_at", "file", "sentences", "answered", "correct", "percent_correct",
		"cohen_kappa", "gwet_ac1", "quotes", "speakers_right"}}
	for _, s := range r.Students {
		rows = append(rows, []string{s.Student, s.SubmittedAt.UTC().Format("2006-01-02T15:04:05Z"), baseName(s.Path),
			itoa(s.Graded), itoa(s.Answered), itoa(s.Correct), num(s.Percent, 1), num(s.Kappa, 3), num(s.AC1, 3),
			itoa(s.SpeakersAsked), itoa(s.SpeakersRight)})
	}
	return rows
}

func (r *Report) sentenceRows() [][]string {
	rows := [][]string{{"rank", "sentence", "text", "key_label", "key_from", "students", "answered", "right",
		"percent_right", "most_common_wrong", "most_common_wrong_count"}}
	for i, s := range r.Sentences {
		rows = append(rows, []string{itoa(i + 1), itoa(s.Index + 1), s.Text, string(s.Key), string(s.From),
			itoa(s.Students), itoa(s.Answered), itoa(s.Right), num(100*s.Share(), 1), string(s.CommonWrong),
			itoa(s.CommonWrongCount)})
	}
	return rows
}

func (r *Report) speakerRows() [][]string {
	rows := [][]string{{"rank", "quote", "text", "key_speaker", "students", "answered", "right",
		"percent_right", "most_common_wrong", "most_common_wrong_count"}}
	for i, q := range r.Quotes {
		rows = append(rows, []string{itoa(i + 1), itoa(q.Index + 1), q.Text, q.Key, itoa(q.Students),
			itoa(q.Answered), itoa(q.Right), num(100*q.Share(), 1), q.CommonWrong, itoa(q.CommonWrongCount)})
	}
	return rows
}

func (r *Report) confusionRows() [][]string {
	head := []string{"key \\ student"}
	for _, l := range analysis.Labels {
		head = append(head, string(l))
	}
	rows := [][]string{head}
	for i, l := range analysis.Labels {
		row := []string{string(l)}
		for _, c := range r.Confusion[i] {
			row = append(row, itoa(c))
		}
		rows = append(rows, row)
	}
	return rows
}

func itoa(n int) string { return strconv.Itoa(n) }

// num formats a figure; NaN (undefined) is an empty cell.
func num(f float64, prec int) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return ""
	}
	return strconv.FormatFloat(f, 'f', prec, 64)
}

func baseName(path string) string {
	if i := strings.LastIndexAny(path, `/\`); i >= 0 {
		return path[i+1:]
	}
	return path
}
