package report

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"mediareview/analysis"
	"mediareview/app/store"
)

func verdictRows(src *source, verdicts []store.Verdict, reviewer func(string) string) ([][]string, error) {
	rows := [][]string{Columns}
	for _, v := range verdicts {
		a, err := src.article(v.Article)
		if err != nil {
			return nil, err
		}
		ix, err := src.analysis(v.Article, v.AnalyzerVersion)
		if err != nil {
			return nil, err
		}
		sentence := ""
		if i := ix.sentenceAt(v.Start); i >= 0 {
			sentence = strconv.Itoa(i + 1)
		}
		rows = append(rows, []string{
			strconv.FormatInt(v.Article, 10), a.Title, sentence, strconv.Itoa(v.Start), strconv.Itoa(v.End),
			string(v.Kind), spanText(a.Text, v.Start, v.End),
			string(v.MachineLabel), strconv.FormatFloat(v.MachineConfidence, 'f', 2, 64), v.MachineSpeaker, v.MachineCue,
			signalWords(ix.signals(v.Start, v.End)),
			reviewer(v.Reviewer), string(v.Decision), string(v.Label), v.Speaker, v.Note,
			v.UpdatedAt.UTC().Format(time.RFC3339), v.AnalyzerVersion,
		})
	}
	return rows, nil
}

func spanText(text string, start, end int) string {
	if start < 0 || end > len(text) || start >= end {
		return ""
	}
	return text[start:end]
}

// signalWords writes signals as a reader says them: "reckless (evaluative);
// critics say (vague-source)".
func signalWords(signals []analysis.Signal) string {
	words := make([]string, len(signals))
	for i, sg := range signals {
		words[i] = fmt.Sprintf("%s (%s)", sg.Text, sg.Kind)
	}
	return strings.Join(words, "; ")
}

// SummaryColumns is the header of the summary report: per article and
// reviewer, agreements and disagreements by the machine's sentence label,
// the quote spans checked, and the share of sentences where the reviewer
// agreed with the machine.
var SummaryColumns = summaryColumns()

func summaryColumns() []string {
	cols := []string{"article_id", "title", "reviewer", "sentences_reviewed", "agree", "disagree"}
	for _, l := range analysis.Labels {
		cols = append(cols, string(l)+"_agree", string(l)+"_disagree")
	}
	return append(cols, "quotes_agree", "quotes_disagree", "agreement_percent")
}

type tally struct {
	article  int64
	reviewer string
	byLabel  map[analysis.Label][2]int // agree, disagree
	quotes   [2]int
}

func summaryRows(src *source, verdicts []store.Verdict, reviewer func(string) string) ([][]string, error) {
	var tallies []*tally
	for _, v := range verdicts { // ordered by article, then reviewer
		if n := len(tallies); n == 0 || tallies[n-1].article != v.Article || tallies[n-1].reviewer != v.Reviewer {
			tallies = append(tallies, &tally{article: v.Article, reviewer: v.Reviewer, byLabel: map[analysis.Label][2]int{}})
		}
		t, d := tallies[len(tallies)-1], 1
		if v.Decision == store.Agree {
			d = 0
		}
		if v.Kind == store.KindQuote {
			t.quotes[d]++
			continue
		}
		c := t.byLabel[v.MachineLabel]
		c[d]++
		t.byLabel[v.MachineLabel] = c
	}
	rows := [][]string{SummaryColumns}
	for _, t := range tallies {
		a, err := src.article(t.article)
		if err != nil {
			return nil, err
		}
		rows = append(rows, t.row(a.Title, reviewer(t.reviewer)))
	}
	return rows, nil
}

func (t *tally) row(title, reviewer string) []string {
	var agree, disagree int
	var perLabel []string
	for _, l := range analysis.Labels {
		c := t.byLabel[l]
		perLabel = append(perLabel, strconv.Itoa(c[0]), strconv.Itoa(c[1]))
	}
	for _, c := range t.byLabel { // labels outside the four count in the totals
		agree, disagree = agree+c[0], disagree+c[1]
	}
	percent := ""
	if agree+disagree > 0 {
		percent = strconv.FormatFloat(100*float64(agree)/float64(agree+disagree), 'f', 1, 64)
	}
	row := []string{strconv.FormatInt(t.article, 10), title, reviewer,
		strconv.Itoa(agree + disagree), strconv.Itoa(agree), strconv.Itoa(disagree)}
	row = append(row, perLabel...)
	return append(row, strconv.Itoa(t.quotes[0]), strconv.Itoa(t.quotes[1]), percent)
}
