package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mediareview/analysis"
	"mediareview/app/review"
	"mediareview/widgets"
)

// The details panel's words: what the machine saw in a sentence and what
// the reviewer said of it, in sentences a student can read.

// reasonLines lists the signals in plain words, one label per signal.
func reasonLines(s analysis.Sentence) []fyne.CanvasObject {
	if len(s.Signals) == 0 {
		return []fyne.CanvasObject{lowLabel(noSignals(s.Label))}
	}
	out := make([]fyne.CanvasObject, 0, len(s.Signals))
	for _, sig := range s.Signals {
		why := sig.Why
		if why == "" {
			why = strings.ReplaceAll(string(sig.Kind), "-", " ")
		}
		l := widget.NewRichText(
			&widget.TextSegment{Text: "“" + sig.Text + "” ", Style: widget.RichTextStyleStrong},
			&widget.TextSegment{Text: strings.ReplaceAll(string(sig.Kind), "-", " ") + ": ", Style: widget.RichTextStyle{
				Inline: true, ColorName: theme.ColorNamePrimary, TextStyle: fyne.TextStyle{Italic: true}}},
			&widget.TextSegment{Text: why, Style: widget.RichTextStyleInline},
		)
		l.Wrapping = fyne.TextWrapWord
		out = append(out, l)
	}
	return out
}

func noSignals(l analysis.Label) string {
	if l == analysis.LabelReported {
		return "No words of judgement or attribution: a plain statement of fact."
	}
	return "No signal words found."
}

func sourceLine(s analysis.Sentence) string {
	switch {
	case s.Source == "" && s.Cue == "":
		return "None: the writer's own words."
	case s.Cue == "":
		return s.Source
	case s.Source == "":
		return "cue: “" + s.Cue + "”"
	}
	return fmt.Sprintf("%s · cue: “%s”", s.Source, s.Cue)
}

func quoteLines(qs []analysis.Quote) []fyne.CanvasObject {
	if len(qs) == 0 {
		return []fyne.CanvasObject{lowLabel("No quotation in this sentence.")}
	}
	out := make([]fyne.CanvasObject, 0, len(qs))
	for _, q := range qs {
		speaker := q.Speaker
		if speaker == "" {
			speaker = "no speaker"
		}
		meta := []string{string(q.Kind)}
		if q.Mention != "" && q.Mention != q.Speaker {
			meta = append(meta, "named as “"+q.Mention+"”")
		}
		if q.Cue != "" {
			meta = append(meta, "cue “"+q.Cue+"”")
		}
		l := widget.NewRichText(
			&widget.TextSegment{Text: "“" + q.Text + "”", Style: widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Italic: true}}},
			&widget.TextSegment{Text: " — " + speaker, Style: widget.RichTextStyleStrong},
			&widget.TextSegment{Text: " (" + strings.Join(meta, ", ") + ")", Style: widget.RichTextStyleInline},
		)
		l.Wrapping = fyne.TextWrapWord
		out = append(out, l)
	}
	return out
}

func verdictLine(s analysis.Sentence, v *review.Verdict) string {
	if v == nil {
		return "Not reviewed yet: A agrees, D disagrees, 1–4 relabels."
	}
	var b strings.Builder
	switch {
	case v.Label != "":
		fmt.Fprintf(&b, "You relabelled it %s (the machine said %s).", widgets.LabelName(v.Label), widgets.LabelName(s.Label))
	case v.Decision == review.Agree:
		b.WriteString("You agree with the machine.")
	default:
		b.WriteString("You disagree with the machine.")
	}
	if v.Speaker != "" {
		fmt.Fprintf(&b, " Speaker: %s.", v.Speaker)
	}
	return b.String()
}

// lowLabel is a quiet remark: italic in the normal text colour (Fyne's
// LowImportance draws labels in the disabled colour, unreadable on white).
func lowLabel(text string) *widget.Label {
	return &widget.Label{Text: text, TextStyle: fyne.TextStyle{Italic: true}, Wrapping: fyne.TextWrapWord}
}
