package cli

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"mediareview/analysis"
)

// ANSI colours for the labels, used only on a terminal.
var labelColour = map[analysis.Label]string{
	analysis.LabelQuote:      "\x1b[35m", // magenta
	analysis.LabelAttributed: "\x1b[34m", // blue
	analysis.LabelReported:   "\x1b[32m", // green
	analysis.LabelOpinion:    "\x1b[33m", // yellow
}

const colourOff, dim = "\x1b[0m", "\x1b[2m"

// writeText writes a block per sentence that a student can read, the
// quotes with their speakers, and the summary.
func writeText(out io.Writer, r *analysis.Result, colour bool) error {
	w := bufio.NewWriter(out)
	paint := func(code, s string) string {
		if !colour {
			return s
		}
		return code + s + colourOff
	}
	for _, s := range r.Sentences {
		head := fmt.Sprintf("%d. %s", s.Index+1, strings.ToUpper(string(s.Label)))
		fmt.Fprintf(w, "%s  %s", paint(labelColour[s.Label], head), paint(dim, fmt.Sprintf("(%.0f%% sure)", 100*s.Confidence)))
		if s.Source != "" {
			fmt.Fprintf(w, "  source: %s", s.Source)
		}
		if s.Cue != "" {
			fmt.Fprintf(w, "  cue: %q", s.Cue)
		}
		fmt.Fprintf(w, "\n   %s\n", oneLine(s.Text))
		for _, g := range s.Signals {
			fmt.Fprintf(w, "   why: %s %q — %s\n", g.Kind, g.Text, g.Why)
		}
		fmt.Fprintln(w)
	}
	writeQuotes(w, r)
	writeSummary(w, r)
	return w.Flush()
}

func writeQuotes(w io.Writer, r *analysis.Result) {
	if len(r.Quotes) == 0 {
		return
	}
	fmt.Fprintln(w, "Quotes")
	for _, q := range r.Quotes {
		who := q.Speaker
		if who == "" {
			who = "no speaker"
		}
		if q.Mention != "" && q.Mention != q.Speaker {
			who += fmt.Sprintf(" (%q)", q.Mention)
		}
		parts := make([]string, len(q.Parts))
		for i, p := range q.Parts {
			parts[i] = oneLine(r.Text[p.Start:p.End])
		}
		fmt.Fprintf(w, "  %s, %s: %q\n", q.Kind, who, strings.Join(parts, " … "))
	}
	fmt.Fprintln(w)
}

func writeSummary(w io.Writer, r *analysis.Result) {
	fmt.Fprintf(w, "Summary: %d sentences", len(r.Sentences))
	for _, l := range analysis.Labels {
		fmt.Fprintf(w, ", %d %s", r.Summary.Labels[l], l)
	}
	fmt.Fprintln(w)
	for _, s := range r.Summary.Sources {
		kind := "unnamed"
		if s.Named {
			kind = "named"
		}
		fmt.Fprintf(w, "  source %s (%s): %s, %s\n", s.Name, kind, plural(s.Quotes, "quote"), plural(s.Paraphrases, "paraphrase"))
	}
	kinds := make([]analysis.SignalKind, 0, len(r.Summary.Signals))
	for k := range r.Summary.Signals {
		kinds = append(kinds, k)
	}
	sort.Slice(kinds, func(i, j int) bool {
		a, b := r.Summary.Signals[kinds[i]], r.Summary.Signals[kinds[j]]
		return a > b || a == b && kinds[i] < kinds[j]
	})
	for _, k := range kinds {
		fmt.Fprintf(w, "  signal %s: %d\n", k, r.Summary.Signals[k])
	}
}

// oneLine folds line breaks so a sentence prints on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
