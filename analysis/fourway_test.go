package analysis

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// fourwayFloor guards the four-way label accuracy on the hand-labelled set in
// testdata/fourway (issue 3, target ≥ 0.85). Measured on 2026-11-26 with
// analyser 0.5.0: 180/208 = 0.865; with 0.16.0 (rules changed on the dev
// data only, this set run once at the end): 189/208 = 0.909 (see the README
// there for how the set was made and labelled). The floor sits a few points
// under the measured figure: it catches a regression, it is not a target to
// tune the rules to.
const fourwayFloor = 0.86

// handLabel is one hand-labelled sentence: its label and where it starts.
type handLabel struct {
	label Label
	start int    // byte offset of the sentence's first byte in the text
	head  string // the start of the sentence as written in the .labels.tsv
}

// fourwayArticle is one text of the set with its hand labels in order.
type fourwayArticle struct {
	name   string
	text   string
	labels []handLabel
}

// confusion counts hand labels (rows) against predicted labels (columns).
type confusion map[Label]map[Label]int

func (c confusion) add(want, got Label) {
	if c[want] == nil {
		c[want] = map[Label]int{}
	}
	c[want][got]++
}

func (c confusion) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-12s", "hand\\got")
	for _, got := range Labels {
		fmt.Fprintf(&b, "%11s", got)
	}
	b.WriteString("\n")
	for _, want := range Labels {
		fmt.Fprintf(&b, "%-12s", want)
		for _, got := range Labels {
			fmt.Fprintf(&b, "%11d", c[want][got])
		}
		b.WriteString("\n")
	}
	return b.String()
}

// loadFourway reads every NN-name.txt in dir with its NN-name.labels.tsv and
// locates each labelled sentence in the text, in order.
func loadFourway(dir string) ([]fourwayArticle, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.labels.tsv"))
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	var set []fourwayArticle
	for _, p := range paths {
		a, err := loadFourwayArticle(strings.TrimSuffix(p, ".labels.tsv"))
		if err != nil {
			return nil, err
		}
		set = append(set, a)
	}
	return set, nil
}

func loadFourwayArticle(base string) (fourwayArticle, error) {
	a := fourwayArticle{name: filepath.Base(base)}
	text, err := os.ReadFile(base + ".txt")
	if err != nil {
		return a, fmt.Errorf("fourway %s: %w", a.name, err)
	}
	tsv, err := os.ReadFile(base + ".labels.tsv")
	if err != nil {
		return a, fmt.Errorf("fourway %s: %w", a.name, err)
	}
	a.text = string(text)
	from := 0
	for n, line := range strings.Split(strings.TrimRight(string(tsv), "\n"), "\n") {
		l, err := parseHandLabel(line)
		if err != nil {
			return a, fmt.Errorf("fourway %s.labels.tsv line %d: %w", a.name, n+1, err)
		}
		i := strings.Index(a.text[from:], l.head)
		if i < 0 {
			return a, fmt.Errorf("fourway %s.labels.tsv line %d: %q not found after byte %d of the text", a.name, n+1, l.head, from)
		}
		l.start = from + i
		from = l.start + len(l.head)
		a.labels = append(a.labels, l)
	}
	return a, nil
}

func parseHandLabel(line string) (handLabel, error) {
	label, head, ok := strings.Cut(line, "\t")
	if !ok || strings.TrimSpace(head) == "" {
		return handLabel{}, fmt.Errorf("want label<TAB>sentence start, got %q", line)
	}
	for _, l := range Labels {
		if Label(label) == l {
			return handLabel{label: l, head: head}, nil
		}
	}
	return handLabel{}, fmt.Errorf("unknown label %q", label)
}

// sentenceAt returns the predicted sentence that holds byte pos, or nil.
func sentenceAt(sentences []Sentence, pos int) *Sentence {
	i := sort.Search(len(sentences), func(i int) bool { return sentences[i].End > pos })
	if i < len(sentences) && sentences[i].Start <= pos {
		return &sentences[i]
	}
	return nil
}

// TestFourwayAccuracy measures the share of hand-labelled sentences whose
// label the analyser reproduces. Run with -v to see the figure per article,
// the confusion matrix and every miss:
//
//	go test ./analysis -run FourwayAccuracy -v
func TestFourwayAccuracy(t *testing.T) {
	set, err := loadFourway(filepath.Join("testdata", "fourway"))
	if err != nil {
		t.Fatal(err)
	}
	if len(set) == 0 {
		t.Fatal("no hand-labelled articles in testdata/fourway")
	}
	matrix := confusion{}
	right, total, aligned := 0, 0, 0
	version := ""
	for _, a := range set {
		r := analyze(t, a.text)
		version = r.Analyzer.Version
		ok := 0
		for _, l := range a.labels {
			s := sentenceAt(r.Sentences, l.start)
			if s == nil {
				t.Errorf("%s: no predicted sentence holds byte %d (%q)", a.name, l.start, l.head)
				continue
			}
			matrix.add(l.label, s.Label)
			if s.Start == l.start {
				aligned++
			}
			if s.Label == l.label {
				ok++
				continue
			}
			t.Logf("%s: miss: hand %s, got %s: %s", a.name, l.label, s.Label, s.Text)
		}
		t.Logf("%s: %d/%d = %.3f", a.name, ok, len(a.labels), ratio(ok, len(a.labels)))
		right += ok
		total += len(a.labels)
	}
	acc := ratio(right, total)
	t.Logf("analyser %s: four-way accuracy %d/%d = %.3f (floor %.2f); %d of %d hand sentences start where a predicted one starts\n%s",
		version, right, total, acc, fourwayFloor, aligned, total, matrix)
	if acc < fourwayFloor {
		t.Errorf("four-way accuracy %.3f fell below the floor %.2f", acc, fourwayFloor)
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// TestLoadFourwayRejectsBadLabels checks that a label file that cannot be
// trusted stops the measurement instead of skewing it.
func TestLoadFourwayRejectsBadLabels(t *testing.T) {
	tests := []struct {
		name, text, tsv string
	}{
		{"unknown label", "It rained.\n", "weather\tIt rained.\n"},
		{"no tab", "It rained.\n", "reported It rained.\n"},
		{"sentence not in text", "It rained.\n", "reported\tIt snowed.\n"},
		{"out of order", "One. Two.\n", "reported\tTwo.\nreported\tOne.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := filepath.Join(t.TempDir(), "01-x")
			if err := os.WriteFile(base+".txt", []byte(tt.text), 0o600); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(base+".labels.tsv", []byte(tt.tsv), 0o600); err != nil {
				t.Fatal(err)
			}
			if _, err := loadFourwayArticle(base); err == nil {
				t.Error("want an error, got none")
			}
		})
	}
}
