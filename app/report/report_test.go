package report

import (
	"bytes"
	"context"
	"encoding/csv"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"mediareview/analysis"
	"mediareview/app/store"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// The fixture article mixes what breaks CSV files and spreadsheets: commas,
// quotes, a line break, emoji, right-to-left text and formula-like cells.
const fixtureText = "Mayor Ortiz said, \"fares rise 5%, not 10%\".\n" +
	"=SUM(A1:A9) was written on the 🚲 depot wall. " +
	"השלט אמר \"ברוכים הבאים\" בעברית. " +
	"-Critics call it a disaster."

func fixtureResult() *analysis.Result {
	res := &analysis.Result{Analyzer: analysis.AnalyzerInfo{Name: "test", Version: "9"}, Text: fixtureText}
	labels := []analysis.Label{analysis.LabelAttributed, analysis.LabelReported, analysis.LabelQuote, analysis.LabelOpinion}
	start := 0
	for i, end := range sentenceEnds(fixtureText) {
		sn := analysis.Sentence{Index: i, Start: start, End: end, Text: fixtureText[start:end], Label: labels[i], Confidence: 0.6 + 0.1*float64(i)}
		if i == 3 {
			w := strings.Index(fixtureText, "disaster")
			sn.Signals = []analysis.Signal{{Kind: analysis.SignalVagueSource, Text: "Critics call", Start: start + 1, End: start + 13},
				{Kind: analysis.SignalLoaded, Text: "disaster", Start: w, End: w + len("disaster")}}
		}
		if i == 0 {
			sn.Source, sn.Cue = "Mayor Ortiz", "said"
		}
		res.Sentences = append(res.Sentences, sn)
		start = end + 1
	}
	q := strings.Index(fixtureText, "fares")
	res.Quotes = []analysis.Quote{{Start: q, End: q + len("fares rise 5%, not 10%"), Speaker: "Mayor Ortiz", Cue: "said", Kind: analysis.QuoteDirect, Sentences: []int{0}}}
	return res
}

func sentenceEnds(text string) []int {
	var ends []int
	for i := 0; i < len(text); i++ {
		if (text[i] == '.' && (i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\n')) || i+1 == len(text) {
			ends = append(ends, i+1)
		}
	}
	return ends
}

// fixtureStore holds the article and verdicts by two reviewers whose
// names, speakers and notes need quoting or neutralising.
func fixtureStore(t testing.TB) (*store.Store, int64) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "r.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	id, _, err := st.AddArticle(ctx, store.Article{Title: "Fares, \"facts\" & 🚲", Text: fixtureText})
	if err != nil {
		t.Fatal(err)
	}
	res := fixtureResult()
	if err := st.SaveAnalysis(ctx, id, res); err != nil {
		t.Fatal(err)
	}
	set := func(reviewer string, v store.Verdict, d store.Decision, label analysis.Label, speaker, note string) {
		v.Decision, v.Label, v.Speaker, v.Note = d, label, speaker, note
		if _, err := st.SetVerdict(ctx, id, reviewer, v); err != nil {
			t.Fatal(err)
		}
	}
	set("@dana", store.SentenceVerdict(res, 0), store.Agree, "", "", "line one\nline two, \"quoted\"")
	set("@dana", store.SentenceVerdict(res, 1), store.Disagree, analysis.LabelOpinion, "", "=HYPERLINK(\"http://x\")")
	set("@dana", store.SentenceVerdict(res, 3), store.Agree, "", "", "\tindented")
	set("@dana", store.QuoteVerdict(res, 0), store.Disagree, "", "+Ortiz, Mayor", "")
	set("Lee", store.SentenceVerdict(res, 2), store.Disagree, analysis.LabelReported, "", "نص عربي 🙂")
	set("Lee", store.SentenceVerdict(res, 3), store.Disagree, "", "", "-1")
	return st, id
}

func readCSV(t testing.TB, b []byte) [][]string {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatalf("the report is not valid CSV: %v\n%s", err, b)
	}
	return rows
}

func unneutralize(cell string) string {
	if len(cell) > 1 && cell[0] == '\'' && strings.ContainsRune("=+-@\t\r", rune(cell[1])) {
		return cell[1:]
	}
	return cell
}

// TestRoundTrip reads the report back and finds every stored value intact,
// with only the neutralising apostrophe added.
func TestRoundTrip(t *testing.T) {
	st, id := fixtureStore(t)
	var buf bytes.Buffer
	n, err := Write(context.Background(), &buf, st, Options{Article: id})
	if err != nil || n != 6 {
		t.Fatalf("Write = %d rows, %v; want 6", n, err)
	}
	rows := readCSV(t, buf.Bytes())
	if strings.Join(rows[0], ",") != strings.Join(Columns, ",") {
		t.Fatalf("header %v", rows[0])
	}
	vs, err := st.Verdicts(context.Background(), id, "")
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, c := range Columns {
		col[c] = i
	}
	for i, v := range vs {
		row := rows[i+1]
		want := map[string]string{
			"title": "Fares, \"facts\" & 🚲", "text": fixtureText[v.Start:v.End], "reviewer": v.Reviewer,
			"note": v.Note, "reviewer_speaker": v.Speaker, "machine_speaker": v.MachineSpeaker,
			"verdict": string(v.Decision), "reviewer_label": string(v.Label), "kind": string(v.Kind),
		}
		for c, w := range want {
			if got := unneutralize(row[col[c]]); got != w {
				t.Errorf("row %d %s = %q, want %q", i+1, c, got, w)
			}
		}
		for _, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) && !isNegativeNumber(cell) {
				t.Errorf("row %d: cell %q is not neutralised", i+1, cell)
			}
		}
	}
}

func TestExcelAndAnonymize(t *testing.T) {
	st, id := fixtureStore(t)
	// Abe comes last (R003) but sorts between @dana and Lee by name.
	v := store.SentenceVerdict(fixtureResult(), 0)
	v.Decision = store.Agree
	if _, err := st.SetVerdict(context.Background(), id, "Abe", v); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := Write(context.Background(), &buf, st, Options{Article: id, Excel: true, Anonymize: true}); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	if !bytes.HasPrefix(b, []byte("\xEF\xBB\xBF")) {
		t.Fatalf("--excel report starts %q, want a UTF-8 BOM", b[:3])
	}
	if bytes.Contains(b, []byte("dana")) || bytes.Contains(b, []byte("Lee")) || bytes.Contains(b, []byte("Abe")) {
		t.Errorf("anonymised report still names a reviewer:\n%s", b)
	}
	rows := readCSV(t, b[3:])
	codes := map[string]int{}
	var order []string
	for _, row := range rows[1:] {
		codes[row[12]]++
		order = append(order, row[12])
	}
	if !slices.IsSorted(order) {
		t.Errorf("anonymised rows ordered %v, want by code", order)
	}
	if codes["R001"] != 4 || codes["R002"] != 2 || codes["R003"] != 1 || len(codes) != 3 {
		t.Errorf("reviewer codes %v, want R001 ×4 (@dana, met first), R002 ×2 (Lee), R003 ×1 (Abe)", codes)
	}
}

// TestGolden pins the exact report and summary, reviewed_at aside.
func TestGolden(t *testing.T) {
	for _, tt := range []struct {
		file string
		opts Options
	}{
		{"verdicts.csv", Options{}},
		{"summary.csv", Options{Summary: true}},
		{"lee.csv", Options{Reviewer: "Lee"}},
	} {
		t.Run(tt.file, func(t *testing.T) {
			st, _ := fixtureStore(t)
			var buf bytes.Buffer
			if _, err := Write(context.Background(), &buf, st, tt.opts); err != nil {
				t.Fatal(err)
			}
			got := maskTimes(t, buf.Bytes())
			golden := filepath.Join("testdata", tt.file)
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("report differs from %s:\n%s", golden, got)
			}
		})
	}
}

func maskTimes(t *testing.T, b []byte) []byte {
	rows := readCSV(t, b)
	at := -1
	for i, c := range rows[0] {
		if c == "reviewed_at" {
			at = i
		}
	}
	var out bytes.Buffer
	w := csv.NewWriter(&out)
	for i, row := range rows {
		if at >= 0 && i > 0 {
			row[at] = "TIME"
		}
		w.Write(row)
	}
	w.Flush()
	return out.Bytes()
}

// TestSummaryCounts checks the summary against counts made by hand from
// fixtureStore: @dana agreed on sentence 1 (attributed) and 4 (opinion),
// disagreed on 2 (reported) and on the quote span; Lee disagreed on 3
// (quote) and 4 (opinion).
func TestSummaryCounts(t *testing.T) {
	st, _ := fixtureStore(t)
	var buf bytes.Buffer
	if _, err := Write(context.Background(), &buf, st, Options{Summary: true}); err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, buf.Bytes())
	want := map[string]string{
		"'@dana": "3 2 1 | quote 0 0 attributed 1 0 reported 0 1 opinion 1 0 | quotes 0 1 | 66.7",
		"Lee":    "2 0 2 | quote 0 1 attributed 0 0 reported 0 0 opinion 0 1 | quotes 0 0 | 0.0",
	}
	if len(rows) != 3 {
		t.Fatalf("%d summary rows, want 2 and a header", len(rows)-1)
	}
	for _, row := range rows[1:] {
		got := strings.Join(row[3:6], " ") + " | quote " + strings.Join(row[6:8], " ") + " attributed " + strings.Join(row[8:10], " ") +
			" reported " + strings.Join(row[10:12], " ") + " opinion " + strings.Join(row[12:14], " ") + " | quotes " + strings.Join(row[14:16], " ") + " | " + row[16]
		if got != want[row[2]] {
			t.Errorf("summary for %s = %s, want %s", row[2], got, want[row[2]])
		}
	}
}

func TestNeutralize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"=1+1", "'=1+1"}, {"+31 6", "'+31 6"}, {"@cmd", "'@cmd"}, {"=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"},
		{"\tx", "'\tx"}, {"\rx", "'\rx"}, {"", ""}, {"plain", "plain"}, {"a=b", "a=b"}, {"'=x", "'=x"},
		// plain negative numbers stay numbers; anything more is defused
		{"-2", "-2"}, {"-0.333", "-0.333"}, {"66.7", "66.7"}, {"+2", "'+2"},
		{"-", "'-"}, {"-.5", "'-.5"}, {"-5.", "'-5."}, {"-1.2.3", "'-1.2.3"}, {"-1+1", "'-1+1"},
		{"-Inf", "'-Inf"}, {"-1e5", "'-1e5"}, {"- 2", "'- 2"}, {"-2 ", "'-2 "}, {"-٣", "'-٣"},
	}
	for _, tt := range tests {
		if got := Neutralize(tt.in); got != tt.want {
			t.Errorf("Neutralize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestUnknownArticle(t *testing.T) {
	st, _ := fixtureStore(t)
	if _, err := Write(context.Background(), &bytes.Buffer{}, st, Options{Article: 77}); err == nil {
		t.Error("Write for a missing article succeeded")
	}
}

func BenchmarkWrite(b *testing.B) {
	st, id := fixtureStore(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Write(context.Background(), &bytes.Buffer{}, st, Options{Article: id}); err != nil {
			b.Fatal(err)
		}
	}
}
