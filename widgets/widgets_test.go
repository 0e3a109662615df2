package widgets

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"mediareview/analysis"
	"mediareview/widgets/golden"
)

const sample = `Harbour fees rose 9% in March, a “shocking” jump, critics said.`

func sampleSentence() analysis.Sentence {
	return analysis.Sentence{
		Index: 4, Start: 100, End: 100 + len(sample), Text: sample, Label: analysis.LabelAttributed,
		Source: "critics",
		Signals: []analysis.Signal{
			{Kind: analysis.SignalScareQuote, Start: 100 + at("shocking"), End: 100 + at("shocking") + 8},
			{Kind: analysis.SignalVagueSource, Start: 100 + at("critics"), End: 100 + at("critics") + len("critics said")},
		},
	}
}

func at(word string) int { return strings.Index(sample, word) }

func TestNewRowData(t *testing.T) {
	q := analysis.Quote{Start: 100 + at("shocking"), End: 100 + at("shocking") + 8, Kind: analysis.QuoteScare}
	d := NewRowData(sampleSentence(), []analysis.Quote{q})
	want := RowData{Number: 5, Text: sample, Label: "attributed", Machine: "attributed",
		Signals: []Mark{{at("shocking"), at("shocking") + 8}, {at("critics"), at("critics") + len("critics said")}},
		Quotes:  []Mark{{at("shocking"), at("shocking") + 8}}, Caption: "source: critics"}
	if !reflect.DeepEqual(d, want) {
		t.Errorf("got  %+v\nwant %+v", d, want)
	}
	var texts []string
	var bold []bool
	for _, s := range d.segments(nil) {
		ts := s.(*widget.TextSegment)
		texts, bold = append(texts, ts.Text), append(bold, ts.Style.TextStyle.Bold)
	}
	wantTexts := []string{"Harbour fees rose 9% in March, a “", "shocking", "” jump, ", "critics said", "."}
	if !reflect.DeepEqual(texts, wantTexts) || !reflect.DeepEqual(bold, []bool{false, true, false, true, false}) {
		t.Errorf("segments %q bold %v", texts, bold)
	}
}

func TestRowDataOffsetsOutsideAndInsideRunes(t *testing.T) {
	s := analysis.Sentence{Start: 10, End: 10 + len("café “x”\n\n"), Text: "café “x”\n\n", Label: "quote",
		Signals: []analysis.Signal{{Start: 0, End: 14}, {Start: 14, End: 16}, {Start: 40, End: 90}}}
	d := NewRowData(s, []analysis.Quote{{Start: 19, End: 20, Speaker: "Ana", Kind: analysis.QuoteDirect}})
	if d.Text != "café “x”" || d.Caption != "said by Ana" {
		t.Fatalf("text %q caption %q", d.Text, d.Caption)
	}
	n := 0
	for _, seg := range d.segments(nil) {
		n += len(seg.(*widget.TextSegment).Text)
	}
	if n != len(d.Text) {
		t.Errorf("segments cover %d bytes of %d", n, len(d.Text))
	}
}

func TestSentenceRowMarkup(t *testing.T) {
	test.NewTempApp(t)
	tests := []struct {
		name string
		edit func(*RowData)
	}{
		{"row_plain.xml", func(*RowData) {}},
		{"row_selected_agreed.xml", func(d *RowData) { d.Selected, d.Verdict = true, VerdictAgree }},
		{"row_relabelled_paragraph.xml", func(d *RowData) {
			d.Label, d.Verdict, d.ParagraphStart = analysis.LabelOpinion, VerdictDisagree, true
			d.Speaker, d.Note = "the harbour board", "check the figure"
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := NewRowData(sampleSentence(), nil)
			tt.edit(&d)
			r := NewSentenceRow()
			r.SetData(d)
			w := test.NewWindow(r)
			defer w.Close()
			w.Resize(fyne.NewSize(360, RowHeight(r.Theme(), &d, 360)+8))
			golden.AssertMarkup(t, tt.name, w.Canvas().Content())
		})
	}
}

func TestRowHeightFitsText(t *testing.T) {
	test.NewTempApp(t)
	d := NewRowData(sampleSentence(), nil)
	r := NewSentenceRow()
	r.SetData(d)
	for _, width := range []float32{260, 320, 400, 520, 900} {
		h := RowHeight(r.Theme(), &d, width)
		r.Resize(fyne.NewSize(width, h))
		rr := test.TempWidgetRenderer(t, r).(*rowRenderer)
		need := textBottom(rr.text) + geometryOf(r.Theme()).inner
		t.Logf("width %v: height %v, text needs %v", width, h, need)
		if got := rr.text.Size().Height; got < need {
			t.Errorf("width %v: text gets %v, needs %v", width, got, need)
		}
		if h > need+geometryOf(r.Theme()).caption+geometryOf(r.Theme()).lineStep {
			t.Errorf("width %v: height %v wastes more than a line over %v", width, h, need)
		}
	}
}

// textBottom is where the last line of wrapped text ends.
func textBottom(o fyne.CanvasObject) float32 {
	var bottom float32
	for _, obj := range test.LaidOutObjects(o) {
		if txt, ok := obj.(*canvas.Text); ok && txt.Text != "" {
			bottom = max(bottom, txt.Position().Y+txt.MinSize().Height)
		}
	}
	return bottom
}

func TestWrappedLines(t *testing.T) {
	test.NewTempApp(t)
	size := float32(14)
	word := wordWidth("word", size)
	space := runeWidth(' ', size)
	tests := []struct {
		text  string
		avail float32
		want  int
	}{
		{"", 100, 1},
		{"word", word, 1},
		{"word word", 2*word + space, 1},
		{"word word", 2*word + space - 1, 2},
		{"word word word", word, 3},
		{"wordwordword", word, 3},
		{"word", 0, 1},
	}
	for _, tt := range tests {
		if got := wrappedLines(tt.text, tt.avail, size); got != tt.want {
			t.Errorf("wrappedLines(%q, %v) = %d, want %d", tt.text, tt.avail, got, tt.want)
		}
	}
}

func TestMixBarMarkup(t *testing.T) {
	test.NewTempApp(t)
	b := NewMixBar([]Share{{"quote", 2}, {"attributed", 3}, {"reported", 5}, {"opinion", 0}})
	w := test.NewWindow(b)
	defer w.Close()
	w.Resize(fyne.NewSize(300, 40))
	golden.AssertMarkup(t, "mixbar.xml", w.Canvas().Content())
}

func TestSentenceListRoutesKeys(t *testing.T) {
	test.NewTempApp(t)
	var keys []fyne.KeyName
	var shortcuts []string
	l := NewSentenceList(func() int { return 3 }, func() fyne.CanvasObject { return NewSentenceRow() },
		func(int, fyne.CanvasObject) {})
	l.OnKey = func(e *fyne.KeyEvent) { keys = append(keys, e.Name) }
	l.OnShortcut = func(s fyne.Shortcut) { shortcuts = append(shortcuts, s.ShortcutName()) }
	w := test.NewWindow(l)
	defer w.Close()
	w.Resize(fyne.NewSize(300, 200))
	w.Canvas().Focus(l)
	test.Type(l, "ad")
	for _, k := range []fyne.KeyName{fyne.KeyA, fyne.KeyDown, fyne.Key1} {
		w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: k})
	}
	l.TypedShortcut(&fyne.ShortcutUndo{})
	if !reflect.DeepEqual(keys, []fyne.KeyName{fyne.KeyA, fyne.KeyDown, fyne.Key1}) {
		t.Errorf("keys = %v", keys)
	}
	if !reflect.DeepEqual(shortcuts, []string{"Undo"}) {
		t.Errorf("shortcuts = %v", shortcuts)
	}
}

// FuzzRowData: any sentence with any signal and quote offsets, broken
// into lines at any width, gives segments that make up its text exactly:
// in order, a line break for each line start, never a cut character.
func FuzzRowData(f *testing.F) {
	test.NewTempApp(f)
	f.Add("He said “no” twice.\n", 3, 9, 8, 14, 0, float32(40))
	f.Add("café ∑ 🙂 end", -4, 99, 5, 6, 7, float32(3))
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2, start int, avail float32) {
		s := analysis.Sentence{Start: start, End: start + len(text), Text: text, Label: analysis.LabelQuote,
			Signals: []analysis.Signal{{Start: start + s1, End: start + e1}}}
		d := NewRowData(s, []analysis.Quote{{Start: start + s2, End: start + e2, Speaker: "x"}})
		starts := lineStarts(d.Text, avail, 14)
		var b strings.Builder
		for _, seg := range d.segments(starts) {
			txt := seg.(*widget.TextSegment).Text
			if txt == "" {
				t.Fatal("an empty segment")
			}
			if utf8.ValidString(d.Text) && !utf8.ValidString(txt) {
				t.Fatalf("segment %q cuts a character", txt)
			}
			b.WriteString(txt)
		}
		if want := withBreaks(d.Text, starts); b.String() != want {
			t.Fatalf("segments make %q, want %q", b.String(), want)
		}
	})
}

// withBreaks is text with a line break before each start, in place of the
// space there when there is one.
func withBreaks(text string, starts []int) string {
	var b strings.Builder
	from := 0
	for _, p := range starts {
		line := text[from:p]
		b.WriteString(strings.TrimSuffix(line, " ") + "\n")
		from = p
	}
	b.WriteString(text[from:])
	return b.String()
}

func TestLineStarts(t *testing.T) {
	test.NewTempApp(t)
	size := float32(14)
	word := wordWidth("word", size)
	space := runeWidth(' ', size)
	tests := []struct {
		text  string
		avail float32
		want  []int
	}{
		{"word word word", 2*word + space, []int{10}},
		{"word word word", word, []int{5, 10}},
		{"word  word", word, []int{6}},
		{"wordword", word, []int{4}},
		{"word", 0, nil},
		{"", 100, nil},
	}
	for _, tt := range tests {
		if got := lineStarts(tt.text, tt.avail, size); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("lineStarts(%q, %v) = %v, want %v", tt.text, tt.avail, got, tt.want)
		}
	}
}

func TestFitText(t *testing.T) {
	test.NewTempApp(t)
	style := fyne.TextStyle{Italic: true}
	long := "said by Mara Quist · machine said Quote · note: a very long note about the harbour"
	for _, width := range []float32{40, 120, 300, 2000} {
		got := fitText(long, width, 11, style)
		if w := fyne.MeasureText(got, 11, style).Width; w > width && len([]rune(got)) > 1 {
			t.Errorf("width %v: %q is %v wide", width, got, w)
		}
		if width == 2000 && got != long {
			t.Errorf("a caption that fits was cut: %q", got)
		}
		if width < 2000 && !strings.HasSuffix(got, "…") {
			t.Errorf("width %v: %q has no ellipsis", width, got)
		}
	}
}
