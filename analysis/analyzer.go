package analysis

import (
	"context"
	"regexp"
)

// Name and Version identify the analyser's rules and word lists. Change
// Version whenever results can change.
const (
	Name    = "mediareview-rules"
	Version = "0.0.1"
)

// Analyzer holds the loaded word lists and models; build it once with New
// and reuse it: Analyze is safe for concurrent use.
type Analyzer struct{}

// New loads the analyser's word lists and models.
func New() (*Analyzer, error) { return &Analyzer{}, nil }

// Progress, when not nil, is told the share of the text done (0–1).
type Progress func(done float64)

var sentenceEnd = regexp.MustCompile(`[.!?]+["”’)]*\s+|\n\s*\n`)

// Analyze labels every sentence of text. It stops early with ctx.Err() when
// ctx is cancelled.
//
// SKELETON: splits on punctuation and labels everything reported; the real
// rules replace this.
func (a *Analyzer) Analyze(ctx context.Context, text string, progress Progress) (*Result, error) {
	r := &Result{
		Analyzer:  AnalyzerInfo{Name: Name, Version: Version},
		Text:      text,
		Sentences: []Sentence{},
		Quotes:    []Quote{},
		Summary:   Summary{Labels: map[Label]int{}, Signals: map[SignalKind]int{}, Sources: []SourceCount{}},
	}
	start := 0
	add := func(end int) {
		if end > start {
			r.Sentences = append(r.Sentences, Sentence{Index: len(r.Sentences), Start: start, End: end,
				Text: text[start:end], Label: LabelReported, Confidence: 0.5, Signals: []Signal{}})
			r.Summary.Labels[LabelReported]++
		}
		start = end
	}
	for _, m := range sentenceEnd.FindAllStringIndex(text, -1) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		add(m[1])
	}
	add(len(text))
	if progress != nil {
		progress(1)
	}
	return r, nil
}
