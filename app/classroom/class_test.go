package classroom

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mediareview/analysis"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// answers is one student's sheet: a label per sentence ("" for none) and a
// speaker per quote.
type answers struct {
	labels   []analysis.Label
	speakers []string
}

const (
	Q = analysis.LabelQuote
	A = analysis.LabelAttributed
	R = analysis.LabelReported
	O = analysis.LabelOpinion
)

// The key of the fixture, sentence by sentence; sentence 6 is not graded.
var fixtureKey = []analysis.Label{R, Q, A, R, O, A, "", Q, O, R}

func hand(t *testing.T, e *Exercise, dir, file, student string, at time.Time, a answers) string {
	t.Helper()
	s, err := e.NewSubmission(student, at.Add(-20*time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range a.labels {
		s.SetLabel(i, l)
	}
	for i, sp := range a.speakers {
		s.SetSpeaker(i, sp)
	}
	if err := s.Seal(e, at); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, file)
	if err := s.Write(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// classRun writes thirty submission files: five perfect, twenty random
// (fixed seed), one worked by hand, a second later sheet from student P01,
// one for another exercise, one truncated and one edited by hand.
func classRun(t *testing.T) (e *Exercise, files []string, random map[string]answers) {
	e = fixtureExercise(t, AskBoth)
	dir := t.TempDir()
	at := func(min int) time.Time { return fixtureTime.Add(time.Duration(min) * time.Minute) }
	perfect := answers{labels: fixtureKey, speakers: []string{"Lena Marsh", "Tom Berg"}}
	for i := 1; i <= 5; i++ {
		files = append(files, hand(t, e, dir, fmt.Sprintf("p%02d%s", i, SubmissionExt), fmt.Sprintf("P%02d", i), at(30+i), perfect))
	}
	rng := rand.New(rand.NewPCG(6, 2026))
	options := []analysis.Label{Q, A, R, O, ""}
	names := []string{"Lena Marsh", "Tom Berg", "the mechanic", "", "the council"}
	random = map[string]answers{}
	for i := 1; i <= 20; i++ {
		var a answers
		for range fixtureKey {
			a.labels = append(a.labels, options[rng.IntN(len(options))])
		}
		a.speakers = []string{names[rng.IntN(len(names))], names[rng.IntN(len(names))]}
		code := fmt.Sprintf("R%02d", i)
		random[code] = a
		files = append(files, hand(t, e, dir, fmt.Sprintf("r%02d%s", i, SubmissionExt), code, at(40+i), a))
	}
	files = append(files, hand(t, e, dir, "h01"+SubmissionExt, "H01", at(35), answers{
		labels:   []analysis.Label{R, Q, R, R, O, A, O, Q, R, ""},
		speakers: []string{"marsh", "the mechanic"},
	}))
	// P01 hands in again, later, answering "reported" everywhere. The
	// newer file is listed first: the newer must win, not the last read.
	allR := answers{labels: []analysis.Label{R, R, R, R, R, R, R, R, R, R}}
	files = append([]string{hand(t, e, dir, "p01-again"+SubmissionExt, "p01 ", at(90), allR)}, files...)

	other := fixtureExercise(t, AskBoth)
	other.Manifest.Title = "Another ferry"
	files = append(files, hand(t, other, dir, "other"+SubmissionExt, "X01", at(50), perfect))

	whole, err := os.ReadFile(hand(t, e, dir, "cut"+SubmissionExt, "C01", at(50), perfect))
	if err != nil {
		t.Fatal(err)
	}
	cut := filepath.Join(dir, "cut"+SubmissionExt)
	os.WriteFile(cut, whole[:len(whole)*2/3], 0o644)
	files = append(files, cut)

	edited := hand(t, e, dir, "edited"+SubmissionExt, "E01", at(50), allR)
	b, _ := os.ReadFile(edited)
	os.WriteFile(edited, bytes.Replace(b, []byte(`"label": "reported"`), []byte(`"label": "opinion"`), 1), 0o644)
	files = append(files, edited)
	if len(files) != 30 {
		t.Fatalf("%d files, want 30", len(files))
	}
	return e, files, random
}

func TestClassRun(t *testing.T) {
	e, files, random := classRun(t)
	c := NewClass(e)
	var notes []string
	for _, f := range files {
		if note, _ := c.AddFile(f); note != "" {
			notes = append(notes, note)
		}
	}
	refused := map[string]error{}
	for _, r := range c.Refused {
		refused[filepath.Base(r.Path)] = r.Err
		if !strings.Contains(r.Err.Error(), r.Path) {
			t.Errorf("refusal %v does not name the file", r.Err)
		}
	}
	for file, want := range map[string]error{"other.mrsubmission": ErrOtherExercise, "cut.mrsubmission": ErrNotSubmission, "edited.mrsubmission": ErrTampered} {
		if !errors.Is(refused[file], want) {
			t.Errorf("%s: refused with %v, want %v", file, refused[file], want)
		}
	}
	if len(c.Refused) != 3 {
		t.Errorf("refused %d files, want 3: %v", len(c.Refused), c.Refused)
	}
	if len(notes) != 1 || !strings.Contains(notes[0], "kept p01-again.mrsubmission") || len(c.Replaced) != 1 {
		t.Errorf("notes = %q, want one saying the newer P01 sheet was kept", notes)
	}

	r := c.Report()
	if len(r.Students) != 26 {
		t.Fatalf("%d students graded, want 26", len(r.Students))
	}
	byCode := map[string]StudentScore{}
	for _, s := range r.Students {
		byCode[StudentKey(s.Student)] = s
	}
	type want struct {
		correct, answered int
		percent, kappa    float64
		ac1               float64
		speakers          int
	}
	checks := map[string]want{
		// Perfect: 9 of 9. Key shares Q 2/9, A 2/9, R 3/9, O 2/9, the same
		// for the student, so kappa = AC1 = (1 − pe)/(1 − pe) = 1.
		"P02": {9, 9, 100, 1, 1, 2},
		// H01, worked by hand. Graded answers (sentence 6 is not graded,
		// sentence 9 unanswered): 8 answered, 6 right, 6/9 = 66.7 %.
		// Table (key rows × student cols, Q A R O):
		//   Q [2 0 0 0]  A [0 1 1 0]  R [0 0 2 0]  O [0 0 1 1];  n = 8, po = 6/8 = 0.75.
		// Key shares .25 each; student Q .25, A .125, R .5, O .125.
		// kappa: pe = .25·(.25+.125+.5+.125) = .25; (.75−.25)/.75 = 2/3.
		// AC1: π = .25, .1875, .375, .1875; Σπ(1−π) = .1875+.15234375+.234375+.15234375
		// = .7265625; pe = .7265625/3 = .2421875; (.75−.2421875)/(.7578125) = 65/97.
		// Speakers: "marsh" is Lena Marsh's surname (right); "the mechanic" is
		// not Tom Berg (wrong).
		"H01": {6, 8, 600.0 / 9, 2.0 / 3, 65.0 / 97, 1},
		// P01's newer sheet: "reported" for all 9 graded; 3 right, 33.3 %.
		// kappa: po = 3/9, pe = (3/9)·1 = 1/3, so kappa = 0.
		// AC1: π Q = A = O = 1/9, R = (3/9 + 1)/2 = 2/3;
		// Σπ(1−π) = 3·(1/9)(8/9) + (2/3)(1/3) = 42/81; pe = 14/81;
		// (27/81 − 14/81)/(67/81) = 13/67. No speakers named.
		"P01": {3, 9, 300.0 / 9, 0, 13.0 / 67, 0},
	}
	// The random sheets are scored by a plain count here, independent of
	// the report code.
	for code, a := range random {
		w := want{kappa: math.NaN(), ac1: math.NaN()}
		for i, k := range fixtureKey {
			if k == "" || a.labels[i] == "" {
				continue
			}
			w.answered++
			if a.labels[i] == k {
				w.correct++
			}
		}
		w.percent = 100 * float64(w.correct) / 9
		for i, sp := range a.speakers {
			if sp == []string{"Lena Marsh", "Tom Berg"}[i] {
				w.speakers++
			}
		}
		checks[code] = w
	}
	close := func(got, want float64) bool {
		return (math.IsNaN(want)) || math.Abs(got-want) < 1e-9
	}
	for code, w := range checks {
		s, ok := byCode[StudentKey(code)]
		switch {
		case !ok:
			t.Errorf("%s: not in the report", code)
		case s.Correct != w.correct || s.Answered != w.answered || s.Graded != 9 || s.SpeakersRight != w.speakers || s.SpeakersAsked != 2:
			t.Errorf("%s: %d/%d right of %d, speakers %d/%d; want %d/%d, speakers %d", code, s.Correct, s.Answered, s.Graded,
				s.SpeakersRight, s.SpeakersAsked, w.correct, w.answered, w.speakers)
		case !close(s.Percent, w.percent) || !close(s.Kappa, w.kappa) || !close(s.AC1, w.ac1):
			t.Errorf("%s: %.4f%% kappa %.4f AC1 %.4f; want %.4f%% kappa %.4f AC1 %.4f", code, s.Percent, s.Kappa, s.AC1, w.percent, w.kappa, w.ac1)
		}
	}
	checkSentences(t, r, random)
	checkGolden(t, r)
}

// checkSentences recounts each sentence from the sheets and checks the
// hardest-first order and the confusion matrix.
func checkSentences(t *testing.T, r *Report, random map[string]answers) {
	t.Helper()
	sheets := []answers{{labels: []analysis.Label{R, Q, R, R, O, A, O, Q, R, ""}},
		{labels: []analysis.Label{R, R, R, R, R, R, R, R, R, R}}}
	for range 4 { // P02–P05
		sheets = append(sheets, answers{labels: fixtureKey})
	}
	for _, a := range random {
		sheets = append(sheets, a)
	}
	if len(r.Sentences) != 9 {
		t.Fatalf("%d sentence rows, want 9", len(r.Sentences))
	}
	total, diagonal := 0, 0
	for i, st := range r.Sentences {
		right, wrong := 0, map[analysis.Label]int{}
		for _, a := range sheets {
			switch got := a.labels[st.Index]; got {
			case fixtureKey[st.Index]:
				right++
			case "":
			default:
				wrong[got]++
			}
		}
		if st.Right != right || st.Students != 26 || st.Key != fixtureKey[st.Index] {
			t.Errorf("sentence %d: %d of %d right (key %s), want %d of 26 (key %s)", st.Index, st.Right, st.Students, st.Key, right, fixtureKey[st.Index])
		}
		if st.CommonWrongCount > 0 && wrong[st.CommonWrong] != st.CommonWrongCount {
			t.Errorf("sentence %d: most common wrong %s×%d, recount %d", st.Index, st.CommonWrong, st.CommonWrongCount, wrong[st.CommonWrong])
		}
		for l, n := range wrong {
			if n > st.CommonWrongCount {
				t.Errorf("sentence %d: %s given %d times, more than the reported most common wrong %s×%d", st.Index, l, n, st.CommonWrong, st.CommonWrongCount)
			}
		}
		if i > 0 && r.Sentences[i-1].Right > st.Right {
			t.Errorf("sentence rows not hardest first at %d", i)
		}
	}
	for i := range r.Confusion {
		for j, n := range r.Confusion[i] {
			total += n
			if i == j {
				diagonal += n
			}
		}
	}
	answered, correct := 0, 0
	for _, s := range r.Students {
		answered += s.Answered
		correct += s.Correct
	}
	if total != answered || diagonal != correct {
		t.Errorf("confusion matrix holds %d answers (%d right), students %d (%d right)", total, diagonal, answered, correct)
	}
}

func checkGolden(t *testing.T, r *Report) {
	t.Helper()
	for _, per := range []Per{PerStudent, PerSentence, PerSpeaker, PerConfusion} {
		var buf bytes.Buffer
		if err := r.WriteCSV(&buf, per, false); err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join("testdata", "class-"+string(per)+".csv")
		if *update {
			if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update to write it)", err)
		}
		if !bytes.Equal(buf.Bytes(), want) {
			t.Errorf("%s differs from the report:\n%s", golden, buf.String())
		}
	}
}
