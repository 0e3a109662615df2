// Package report writes the review report as CSV: one row per verdict, or
// with Summary one row per article and reviewer. The command line's export
// and the window's Export… both use it. It imports no Fyne.
//
// The CSV is RFC 4180 (encoding/csv). Cells a spreadsheet would read as a
// formula (starting with = + - @, a tab or a carriage return, plain
// negative numbers aside) get a leading apostrophe, so opening a student's
// note never runs it.
package report

import (
	"cmp"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strings"

	"mediareview/app/store"
)

// Options chooses what goes into the report.
type Options struct {
	Article   int64  // one article; 0 for every article
	Reviewer  string // one reviewer; empty for everyone
	Anonymize bool   // reviewer names become stable codes (R001, …)
	Excel     bool   // start with a UTF-8 byte-order mark so Excel reads UTF-8
	Summary   bool   // one row per article and reviewer instead of per verdict
}

// Columns is the header of the verdict report.
var Columns = []string{
	"article_id", "title", "sentence", "start", "end", "kind", "text",
	"machine_label", "machine_confidence", "machine_speaker", "machine_cue", "signals",
	"reviewer", "verdict", "reviewer_label", "reviewer_speaker", "note", "reviewed_at", "analyzer_version",
}

// Write writes the report the options ask for to w and returns how many
// rows (header aside) it wrote.
func Write(ctx context.Context, w io.Writer, st *store.Store, opts Options) (int, error) {
	verdicts, err := st.Verdicts(ctx, opts.Article, opts.Reviewer)
	if err != nil {
		return 0, fmt.Errorf("export: %w", err)
	}
	if opts.Article != 0 {
		if _, err := st.Article(ctx, opts.Article); err != nil {
			return 0, fmt.Errorf("export: %w", err)
		}
	}
	names, err := reviewerNames(ctx, st, opts.Anonymize)
	if err != nil {
		return 0, err
	}
	if opts.Anonymize { // order by code, not by the names the codes hide
		slices.SortStableFunc(verdicts, func(a, b store.Verdict) int {
			return cmp.Or(cmp.Compare(a.Article, b.Article), cmp.Compare(names(a.Reviewer), names(b.Reviewer)))
		})
	}
	src := &source{ctx: ctx, st: st, articles: map[int64]store.Article{}, analyses: map[string]*analysisIndex{}}
	var rows [][]string
	if opts.Summary {
		rows, err = summaryRows(src, verdicts, names)
	} else {
		rows, err = verdictRows(src, verdicts, names)
	}
	if err != nil {
		return 0, err
	}
	return len(rows) - 1, WriteCSV(w, rows, opts.Excel)
}

func reviewerNames(ctx context.Context, st *store.Store, anonymize bool) (func(string) string, error) {
	if !anonymize {
		return func(name string) string { return name }, nil
	}
	rs, err := st.Reviewers(ctx)
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	codes := map[string]string{}
	for _, r := range rs {
		codes[r.Name] = r.Code()
	}
	return func(name string) string { return codes[name] }, nil
}

// WriteCSV writes rows as RFC 4180 CSV with every cell neutralised; with
// bom it starts with the UTF-8 byte-order mark Excel needs to read UTF-8.
// Any CSV that leaves the app should go through it.
func WriteCSV(w io.Writer, rows [][]string, bom bool) error {
	if bom {
		if _, err := io.WriteString(w, "\uFEFF"); err != nil {
			return fmt.Errorf("write CSV: %w", err)
		}
	}
	cw := csv.NewWriter(w)
	for _, row := range rows {
		for i, cell := range row {
			row[i] = Neutralize(cell)
		}
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("write CSV: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write CSV: %w", err)
	}
	return nil
}

// Neutralize puts an apostrophe before a cell that a spreadsheet would
// take for a formula. A plain negative number ("-0.25", a kappa below zero)
// is left alone: a spreadsheet reads it as the number it is.
func Neutralize(cell string) string {
	if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) && !isNegativeNumber(cell) {
		return "'" + cell
	}
	return cell
}

// isNegativeNumber reports "-" followed by digits, with at most one
// decimal point between them: nothing a spreadsheet could run ("-1+1",
// "-Inf" and "-1e5" do not count).
func isNegativeNumber(cell string) bool {
	whole, frac, point := strings.Cut(strings.TrimPrefix(cell, "-"), ".")
	return strings.HasPrefix(cell, "-") && allDigits(whole) && (!point || allDigits(frac))
}

func allDigits(s string) bool { return s != "" && strings.Trim(s, "0123456789") == "" }
