package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"mediareview/analysis"
	"mediareview/app/classroom"
	"mediareview/app/store"
	"mediareview/assets"
)

func run(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	win, code := Main(args, IO{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb})
	if win != nil {
		t.Fatalf("%v opened the window", args)
	}
	return out.String(), errb.String(), code
}

// reviewedSample puts the first sample article in a new library with a
// teacher's verdicts on its first three sentences: agree, relabel, and
// disagree without a label.
func reviewedSample(t *testing.T) (db string, article int64, res *analysis.Result) {
	t.Helper()
	ctx := context.Background()
	db = filepath.Join(t.TempDir(), "library.db")
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	sample := assets.Samples()[0]
	article, _, err = st.AddArticle(ctx, store.Article{Title: sample.Title(), Text: sample.Text})
	if err != nil {
		t.Fatal(err)
	}
	an, err := analysis.New()
	if err != nil {
		t.Fatal(err)
	}
	if res, err = an.Analyze(ctx, sample.Text, nil); err != nil {
		t.Fatal(err)
	}
	if len(res.Sentences) < 3 {
		t.Fatalf("sample has %d sentences", len(res.Sentences))
	}
	if err := st.SaveAnalysis(ctx, article, res); err != nil {
		t.Fatal(err)
	}
	other := analysis.LabelOpinion
	if res.Sentences[1].Label == other {
		other = analysis.LabelReported
	}
	for i, edit := range []func(*store.Verdict){
		func(v *store.Verdict) { v.Decision = store.Agree },
		func(v *store.Verdict) { v.Decision, v.Label = store.Disagree, other },
		func(v *store.Verdict) { v.Decision = store.Disagree },
	} {
		v := store.SentenceVerdict(res, i)
		edit(&v)
		if _, err := st.SetVerdict(ctx, article, "Ms Teacher", v); err != nil {
			t.Fatal(err)
		}
	}
	return db, article, res
}

func TestExerciseCreateAndGrade(t *testing.T) {
	db, article, res := reviewedSample(t)
	dir := t.TempDir()
	ex := filepath.Join(dir, "ferry.mrexercise")
	id := strconv.FormatInt(article, 10)
	out, errs, code := run(t, "exercise", "create", "--db", db, "--article", id, "--out", ex, "--hide-machine",
		"--title", "Who speaks?", "--ask", "labels")
	if code != 0 {
		t.Fatalf("create: exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "2 from Ms Teacher's verdicts") || !strings.Contains(out, "1 not graded") {
		t.Errorf("create said %q", out)
	}
	e, err := classroom.Open(ex)
	if err != nil {
		t.Fatal(err)
	}
	if e.Manifest.Title != "Who speaks?" || !e.Manifest.Settings.HideMachine || e.Manifest.Settings.Ask != classroom.AskLabels {
		t.Errorf("manifest = %+v", e.Manifest)
	}
	if e.Sentences[0].From != classroom.FromTeacher || e.Sentences[1].Label == res.Sentences[1].Label || e.Sentences[2].Graded() {
		t.Errorf("key does not follow the teacher's verdicts: %+v", e.Sentences[:3])
	}
	if _, errs, code := run(t, "exercise", "create", "--db", db, "--article", id, "--out", ex); code == 0 || !strings.Contains(errs, "already exists") {
		t.Errorf("overwrote without --force: exit %d %s", code, errs)
	}

	// Two students, one right everywhere, one wrong everywhere, and one
	// file that is not a submission.
	var files []string
	for _, st := range []struct {
		code  string
		right bool
	}{{"S1", true}, {"S2", false}} {
		s, _ := e.NewSubmission(st.code, time.Now())
		for _, k := range e.Sentences {
			l := k.Label
			if !st.right || l == "" {
				l = analysis.LabelQuote
				if k.Label == l {
					l = analysis.LabelOpinion
				}
			}
			s.SetLabel(k.Index, l)
		}
		s.Seal(e, time.Now())
		path := filepath.Join(dir, st.code+classroom.SubmissionExt)
		if err := s.Write(path); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
	}
	junk := filepath.Join(dir, "junk"+classroom.SubmissionExt)
	os.WriteFile(junk, []byte("{\"format\":"), 0o644)

	report := filepath.Join(dir, "report.csv")
	_, errs, code = run(t, "exercise", "grade", ex, dir, "--out", report)
	if code != 1 || !strings.Contains(errs, "refused "+junk) || !strings.Contains(errs, "graded 2 students") {
		t.Errorf("grade: exit %d, stderr %q; want exit 1 naming %s", code, errs, junk)
	}
	f, _ := os.Open(report)
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil || len(rows) != 3 {
		t.Fatalf("report rows %v (%v)", rows, err)
	}
	graded := e.GradedSentences()
	if rows[1][0] != "S1" || rows[1][5] != strconv.Itoa(graded) || rows[1][6] != "100.0" || rows[2][0] != "S2" || rows[2][5] != "0" {
		t.Errorf("report = %v, want S1 %d right (100%%), S2 0 right", rows, graded)
	}

	out, _, code = run(t, "exercise", "grade", ex, files[0], "--per", "sentence", "--out", "-")
	if rows, err := csv.NewReader(strings.NewReader(out)).ReadAll(); code != 0 || err != nil || len(rows) != graded+1 {
		t.Errorf("grade --per sentence: exit %d, %d rows (%v), want %d", code, len(rows), err, graded+1)
	}
	out, _, code = run(t, "exercise", "info", ex)
	if code != 0 || !strings.Contains(out, e.Manifest.ID) {
		t.Errorf("info: exit %d %q", code, out)
	}
}

func TestExerciseUsage(t *testing.T) {
	tests := [][]string{
		{"exercise"},
		{"exercise", "mark"},
		{"exercise", "create", "--out", "x.mrexercise"},
		{"exercise", "create", "--article", "1", "--out", "x.mrexercise", "--ask", "essays"},
		{"exercise", "grade", "only.mrexercise"},
		{"exercise", "grade", "a.mrexercise", "b.mrsubmission", "--per", "teacher"},
	}
	for _, args := range tests {
		if _, errs, code := run(t, args...); code != 2 || errs == "" {
			t.Errorf("%v: exit %d, stderr %q; want 2 and a message", args, code, errs)
		}
	}
}

func TestExerciseCreateChoosesTeacher(t *testing.T) {
	db, article, res := reviewedSample(t)
	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	v := store.SentenceVerdict(res, 0)
	v.Decision = store.Agree
	if _, err := st.SetVerdict(ctx, article, "Editor", v); err != nil {
		t.Fatal(err)
	}
	st.Close()
	id := strconv.FormatInt(article, 10)
	out := filepath.Join(t.TempDir(), "x")
	tests := []struct {
		reviewer string
		code     int
		want     string
	}{
		{"", 1, "reviewed by Editor, Ms Teacher: choose whose verdicts make the key with --reviewer"},
		{"Nobody", 1, `no verdicts by "Nobody"`},
		{"Editor", 0, "1 from Editor's verdicts"},
	}
	for _, tt := range tests {
		stdout, stderr, code := run(t, "exercise", "create", "--db", db, "--article", id, "--out", out, "--reviewer", tt.reviewer, "--force")
		if code != tt.code || !strings.Contains(stdout+stderr, tt.want) {
			t.Errorf("--reviewer %q: exit %d, %q %q; want %d and %q", tt.reviewer, code, stdout, stderr, tt.code, tt.want)
		}
	}
	if _, err := os.Stat(out + classroom.Ext); err != nil {
		t.Errorf("no .mrexercise added to the name: %v", err)
	}
}

// TestPrintReport: the text report lists every student, leaves out what
// everyone got right (and says how much), and names the most common wrong
// answer and the unanswered.
func TestPrintReport(t *testing.T) {
	r := &classroom.Report{
		Title: "Who speaks?",
		Students: []classroom.StudentScore{
			{Student: "7b-01", Percent: 100, Kappa: 1, AC1: 1, SpeakersAsked: 2, SpeakersRight: 2},
			{Student: "7b-02", Percent: 33.333, Kappa: -0.0001, AC1: math.NaN(), SpeakersAsked: 2, SpeakersRight: 0},
		},
		Sentences: []classroom.SentenceStat{
			{Index: 4, Text: "Critics say the plan was rushed.", Key: analysis.LabelAttributed, Students: 2, Answered: 2, Right: 1,
				CommonWrong: analysis.LabelOpinion, CommonWrongCount: 1},
			{Index: 0, Text: strings.Repeat("Long headline ", 6), Key: analysis.LabelReported, Students: 2, Answered: 1, Right: 1},
			{Index: 1, Text: "The ferry sails.", Key: analysis.LabelReported, Students: 2, Answered: 2, Right: 2},
		},
		Quotes: []classroom.QuoteStat{
			{Index: 0, Text: "a quiet eviction", Key: "Tomas Reiner", Students: 2, Answered: 2, Right: 1, CommonWrong: "Lena Varga", CommonWrongCount: 1},
			{Index: 1, Text: "We cannot pay", Key: "Lena Varga", Students: 2, Answered: 1, Right: 1},
		},
		Confusion: classroom.Table{{0, 0, 0, 0}, {0, 1, 0, 1}, {0, 0, 3, 0}, {0, 0, 0, 0}},
	}
	var buf bytes.Buffer
	if err := printReport(&buf, r); err != nil {
		t.Fatal(err)
	}
	want := `Who speaks? — 2 students

student           correct   kappa     AC1  speakers
7b-01              100.0%    1.00    1.00    2 of 2
7b-02               33.3%    0.00       –    0 of 2

Sentences, hardest first (1 sentence everyone got right is left out):
  #5    1 of 2 right (key attributed; most common wrong answer opinion (1))  Critics say the plan was rushed.
  #1    1 of 2 right (key reported; 1 unanswered)  Long headline Long headline Long headline Long headline Lon…

Speakers, hardest first (none that everyone got right):
  quote 1    1 of 2 right (key Tomas Reiner; most common wrong answer Lena Varga (1))  a quiet eviction
  quote 2    1 of 2 right (key Lena Varga; 1 unanswered)  We cannot pay

Confusion (rows: key, columns: students):
                 quote attributed   reported    opinion
quote                0          0          0          0
attributed           0          1          0          1
reported             0          0          3          0
opinion              0          0          0          0
`
	if got := buf.String(); got != want {
		t.Errorf("text report:\n%s\nwant:\n%s", got, want)
	}
}
