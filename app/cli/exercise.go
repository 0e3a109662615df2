package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"mediareview/analysis"
	"mediareview/app/classroom"
	"mediareview/app/store"
)

// runExercise makes classroom exercises and grades the class's submissions.
func runExercise(args []string, stdio IO) int {
	sub := map[string]func([]string, IO) int{"create": runExerciseCreate, "grade": runExerciseGrade, "info": runExerciseInfo}
	if len(args) == 0 || sub[args[0]] == nil {
		fmt.Fprintln(stdio.Stderr, exerciseUsage)
		return 2
	}
	return sub[args[0]](args[1:], stdio)
}

const exerciseUsage = `Usage:
  mediareview exercise create --article ID --out FILE.mrexercise [--hide-machine] [--title T]
      [--instructions TEXT] [--ask labels|speakers|both] [--no-reasons] [--no-reveal]
      [--reviewer NAME] [--db PATH] [--force]
  mediareview exercise grade FILE.mrexercise SUBMISSION|FOLDER... [--out report.csv|-]
      [--per student|sentence|speaker|confusion] [--excel]
  mediareview exercise info FILE.mrexercise`

// parseInterleaved parses flags that may come before, between or after the
// positional arguments, and returns the positional ones.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func exerciseFlags(name string, stdio IO) *flag.FlagSet {
	fs := flag.NewFlagSet("mediareview exercise "+name, flag.ContinueOnError)
	fs.SetOutput(stdio.Stderr)
	fs.Usage = func() { fmt.Fprintln(stdio.Stderr, exerciseUsage) }
	return fs
}

type createFlags struct {
	article                          int64
	out, title, instructions, ask    string
	reviewer, db                     string
	hide, noReasons, noReveal, force bool
}

func runExerciseCreate(args []string, stdio IO) int {
	var f createFlags
	fs := exerciseFlags("create", stdio)
	fs.Int64Var(&f.article, "article", 0, "id of the reviewed article")
	fs.StringVar(&f.out, "out", "", "the exercise file to write")
	fs.StringVar(&f.title, "title", "", "title (default: the article's)")
	fs.StringVar(&f.instructions, "instructions", "", "instructions for the students")
	fs.StringVar(&f.ask, "ask", "both", "what students answer: labels, speakers or both")
	fs.StringVar(&f.reviewer, "reviewer", os.Getenv("MEDIAREVIEW_REVIEWER"), "whose verdicts make the key")
	fs.StringVar(&f.db, "db", os.Getenv("MEDIAREVIEW_DB"), "database file")
	fs.BoolVar(&f.hide, "hide-machine", false, "hide the machine's labels until the student submits")
	fs.BoolVar(&f.noReasons, "no-reasons", false, "do not show the machine's reasons after submitting")
	fs.BoolVar(&f.noReveal, "no-reveal", false, "do not show the key and the score after submitting")
	fs.BoolVar(&f.force, "force", false, "overwrite an existing file")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return 2
	}
	if len(pos) > 0 || f.article <= 0 || f.out == "" {
		fmt.Fprintln(stdio.Stderr, "mediareview exercise create: needs --article ID and --out FILE.mrexercise")
		return 2
	}
	ask, err := classroom.ParseAsk(f.ask)
	if err != nil {
		fmt.Fprintf(stdio.Stderr, "mediareview exercise create: %v\n", err)
		return 2
	}
	if err := createExercise(context.Background(), f, ask, stdio.Stdout); err != nil {
		fmt.Fprintf(stdio.Stderr, "mediareview exercise create: %v\n", err)
		return 1
	}
	return 0
}

func createExercise(ctx context.Context, f createFlags, ask classroom.Ask, out io.Writer) error {
	if filepath.Ext(f.out) == "" {
		f.out += classroom.Ext
	}
	if _, err := os.Stat(f.out); err == nil && !f.force {
		return fmt.Errorf("%s already exists (use --force to overwrite)", f.out)
	}
	src, err := loadSource(ctx, f.db, f.article, f.reviewer)
	if err != nil {
		return err
	}
	e, err := classroom.New(src, classroom.Options{Title: f.title, Instructions: f.instructions,
		Settings: classroom.Settings{Ask: ask, HideMachine: f.hide, RevealKey: !f.noReveal, ShowReasons: !f.noReasons}})
	if err != nil {
		return fmt.Errorf("article %d: %w", f.article, err)
	}
	if err := e.Write(f.out); err != nil {
		return err
	}
	fmt.Fprintf(out, "%s: %q, %s\n", f.out, e.Manifest.Title, describeKey(e, src.Teacher))
	return nil
}

func describeKey(e *classroom.Exercise, teacher string) string {
	n := e.KeyFrom()
	desc := fmt.Sprintf("%d sentences, all keyed by the machine (nobody has reviewed the article)", len(e.Sentences))
	if teacher != "" {
		desc = fmt.Sprintf("%d sentences: %d from %s's verdicts, %d from the machine", len(e.Sentences), n[classroom.FromTeacher], teacher, n[classroom.FromMachine])
	}
	if n[classroom.FromNone] > 0 {
		desc += fmt.Sprintf(", %d not graded (disagreed without a label)", n[classroom.FromNone])
	}
	if e.Manifest.Settings.Ask.Speakers() {
		desc += fmt.Sprintf("; %d quotes whose speaker to name", len(e.Quotes))
	}
	return desc + fmt.Sprintf("; asks %s; id %s", e.Manifest.Settings.Ask, e.Manifest.ID)
}

// loadSource reads the article, its latest analysis and the teacher's
// verdicts from the library.
func loadSource(ctx context.Context, db string, article int64, reviewer string) (classroom.Source, error) {
	st, err := store.Open(ctx, db)
	if err != nil {
		return classroom.Source{}, err
	}
	defer st.Close()
	src, err := classroom.FromLibrary(ctx, st, article, reviewer, nil)
	if errors.Is(err, classroom.ErrSeveralReviewers) {
		err = fmt.Errorf("%w with --reviewer", err)
	}
	return src, err
}

func runExerciseGrade(args []string, stdio IO) int {
	fs := exerciseFlags("grade", stdio)
	out := fs.String("out", "", "write the report as CSV to this file (- for standard output)")
	perName := fs.String("per", "student", "CSV rows: student, sentence, speaker or confusion")
	excel := fs.Bool("excel", false, "start the CSV with a byte order mark for spreadsheet programs")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return 2
	}
	per, err := classroom.ParsePer(*perName)
	if len(pos) < 2 || err != nil {
		fmt.Fprintf(stdio.Stderr, "mediareview exercise grade: needs the exercise file and at least one submission%s\n", errSuffix(err))
		return 2
	}
	e, err := classroom.Open(pos[0])
	if err != nil {
		fmt.Fprintf(stdio.Stderr, "mediareview exercise grade: %v\n", err)
		return 1
	}
	c := classroom.NewClass(e)
	code := 0
	for _, path := range classroom.ExpandFolders(pos[1:]) {
		note, err := c.AddFile(path)
		switch {
		case err != nil:
			fmt.Fprintf(stdio.Stderr, "%v\n", refusal(err))
			code = 1
		case note != "":
			fmt.Fprintln(stdio.Stderr, note)
		}
	}
	r := c.Report()
	if len(r.Students) == 0 {
		fmt.Fprintln(stdio.Stderr, "mediareview exercise grade: no submission to grade")
		return 1
	}
	if err := writeReport(r, *out, per, *excel, stdio.Stdout); err != nil {
		fmt.Fprintf(stdio.Stderr, "mediareview exercise grade: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdio.Stderr, "graded %s; refused %s\n", plural(len(r.Students), "student"), plural(len(c.Refused), "file"))
	return code
}

// plural writes "1 file", "2 files".
func plural(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}

func errSuffix(err error) string {
	if err == nil {
		return ""
	}
	return ": " + err.Error()
}

// refusal puts a refused file's reason in plain words.
func refusal(err error) string {
	return "refused " + err.Error()
}

func writeReport(r *classroom.Report, out string, per classroom.Per, excel bool, stdout io.Writer) error {
	switch out {
	case "":
		return printReport(stdout, r)
	case "-":
		return r.WriteCSV(stdout, per, excel)
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	err = r.WriteCSV(f, per, excel)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("%s: %w", out, err)
	}
	return nil
}

// printReport writes the class report as text for a terminal: the
// students, then the sentences and quotes someone got wrong, hardest
// first, then the confusion of labels.
func printReport(w io.Writer, r *classroom.Report) error {
	fmt.Fprintf(w, "%s — %s\n\n", r.Title, plural(len(r.Students), "student"))
	fmt.Fprintf(w, "%-16s %8s %7s %7s %9s\n", "student", "correct", "kappa", "AC1", "speakers")
	for _, s := range r.Students {
		fmt.Fprintf(w, "%-16s %7s%% %7s %7s %4d of %d\n", s.Student, fixed(s.Percent, 1), fixed(s.Kappa, 2), fixed(s.AC1, 2),
			s.SpeakersRight, s.SpeakersAsked)
	}
	missed := slices.DeleteFunc(slices.Clone(r.Sentences), func(s classroom.SentenceStat) bool { return s.Right == s.Students })
	if len(r.Sentences) > 0 {
		fmt.Fprintf(w, "\nSentences, hardest first (%s):\n", allRight(len(r.Sentences)-len(missed), "sentence"))
	}
	for _, s := range missed {
		fmt.Fprintf(w, "  #%-3d %2d of %d right (key %s%s)  %s\n", s.Index+1, s.Right, s.Students, s.Key,
			misses(string(s.CommonWrong), s.CommonWrongCount, s.Students-s.Answered), clip(s.Text, 60))
	}
	missedQ := slices.DeleteFunc(slices.Clone(r.Quotes), func(q classroom.QuoteStat) bool { return q.Right == q.Students })
	if len(r.Quotes) > 0 {
		fmt.Fprintf(w, "\nSpeakers, hardest first (%s):\n", allRight(len(r.Quotes)-len(missedQ), "quote"))
	}
	for _, q := range missedQ {
		fmt.Fprintf(w, "  quote %-3d %2d of %d right (key %s%s)  %s\n", q.Index+1, q.Right, q.Students, q.Key,
			misses(q.CommonWrong, q.CommonWrongCount, q.Students-q.Answered), clip(q.Text, 50))
	}
	if len(r.Sentences) > 0 {
		fmt.Fprintf(w, "\nConfusion (rows: key, columns: students):\n%-11s", "")
		for _, l := range analysis.Labels {
			fmt.Fprintf(w, "%11s", l)
		}
		for i, l := range analysis.Labels {
			fmt.Fprintf(w, "\n%-11s", l)
			for _, n := range r.Confusion[i] {
				fmt.Fprintf(w, "%11d", n)
			}
		}
		fmt.Fprintln(w)
	}
	return nil
}

// misses writes what the class got wrong on one item: the most common
// wrong answer and how many left it unanswered.
func misses(wrong string, count, unanswered int) string {
	var s string
	if count > 0 {
		s += fmt.Sprintf("; most common wrong answer %s (%d)", wrong, count)
	}
	if unanswered > 0 {
		s += fmt.Sprintf("; %d unanswered", unanswered)
	}
	return s
}

// allRight says how many items every student got right, which the text
// report leaves out.
func allRight(n int, item string) string {
	switch n {
	case 0:
		return "none that everyone got right"
	case 1:
		return "1 " + item + " everyone got right is left out"
	}
	return plural(n, item) + " everyone got right are left out"
}

func fixed(f float64, prec int) string {
	if math.IsNaN(f) {
		return "–"
	}
	s := strconv.FormatFloat(f, 'f', prec, 64)
	if strings.Trim(s, "-0.") == "" {
		return strings.TrimPrefix(s, "-") // no "-0.00"
	}
	return s
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func runExerciseInfo(args []string, stdio IO) int {
	if len(args) != 1 {
		fmt.Fprintln(stdio.Stderr, exerciseUsage)
		return 2
	}
	e, err := classroom.Open(args[0])
	if err != nil {
		fmt.Fprintf(stdio.Stderr, "mediareview exercise info: %v\n", err)
		return 1
	}
	m := e.Manifest
	fmt.Fprintf(stdio.Stdout, "%s\ntitle: %s\nid: %s\ncreated: %s\nformat: %s %d\nanalyser: %s %s\nsettings: ask %s, hide machine %t, reveal key %t, show reasons %t\nkey: %s\n",
		args[0], m.Title, m.ID, m.Created.Format("2006-01-02 15:04 MST"), m.Format, m.FormatVersion, m.Analyzer.Name, m.Analyzer.Version,
		m.Settings.Ask, m.Settings.HideMachine, m.Settings.RevealKey, m.Settings.ShowReasons, describeKey(e, m.Teacher))
	return 0
}
