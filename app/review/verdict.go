// Package review is the review window's logic without a window: which
// sentences are shown, which one is selected, the reviewer's verdicts and
// their undo, and the article summary. It imports no Fyne, so it is tested
// without a display; the window only draws what a Session says.
package review

import "mediareview/analysis"

// Decision is the reviewer's answer to the machine's label.
type Decision string

// The two decisions. Relabelling is a Disagree with a Label.
const (
	Agree    Decision = "agree"
	Disagree Decision = "disagree"
)

// Verdict is one reviewer's current judgement of one sentence.
type Verdict struct {
	Decision Decision
	Label    analysis.Label // the reviewer's label when it differs from the machine's
	Speaker  string         // the reviewer's source or speaker when it differs
	Note     string
}

// Store keeps verdicts. SaveVerdict must not return before the verdict is
// durable; UndoVerdict brings back the reviewer's previous verdict on the
// sentence (nil when there was none before) and makes it current.
type Store interface {
	Verdicts(article int64, reviewer string, res *analysis.Result) (map[int]Verdict, error)
	SaveVerdict(article int64, reviewer string, res *analysis.Result, sentence int, v Verdict) error
	UndoVerdict(article int64, reviewer string, res *analysis.Result, sentence int) (*Verdict, error)
}

// LabelOf is the label a sentence carries after the verdict: the
// reviewer's when they relabelled it, else the machine's.
func LabelOf(s analysis.Sentence, v *Verdict) analysis.Label {
	if v != nil && v.Label != "" {
		return v.Label
	}
	return s.Label
}
