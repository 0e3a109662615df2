package classroom

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"mediareview/analysis"
)

func TestNewKey(t *testing.T) {
	e := fixtureExercise(t, AskBoth)
	want := []struct {
		label analysis.Label
		from  KeyFrom
	}{
		{analysis.LabelReported, FromMachine},
		{analysis.LabelQuote, FromMachine},
		{analysis.LabelAttributed, FromTeacher}, // agreed
		{analysis.LabelReported, FromTeacher},   // relabelled
		{analysis.LabelOpinion, FromMachine},
		{analysis.LabelAttributed, FromMachine},
		{"", FromNone}, // disagreed without a label
		{analysis.LabelQuote, FromMachine},
		{analysis.LabelOpinion, FromMachine},
		{analysis.LabelReported, FromMachine},
	}
	if len(e.Sentences) != len(want) {
		t.Fatalf("%d key sentences, want %d", len(e.Sentences), len(want))
	}
	for i, w := range want {
		if got := e.Sentences[i]; got.Label != w.label || got.From != w.from || got.Index != i {
			t.Errorf("sentence %d: key %+v, want %s from %s", i, got, w.label, w.from)
		}
	}
	if e.GradedSentences() != 9 {
		t.Errorf("graded sentences = %d, want 9", e.GradedSentences())
	}
	// The scare quote has no speaker to name; the mechanic's quote takes
	// the teacher's name.
	wantQuotes := []struct{ speaker, text string }{{"Lena Marsh", "We are glad to be sailing again,"}, {"Tom Berg", "The engines are like new,"}}
	if len(e.Quotes) != len(wantQuotes) {
		t.Fatalf("quotes = %+v", e.Quotes)
	}
	for i, w := range wantQuotes {
		if e.Quotes[i].Speaker != w.speaker || e.QuoteText(i) != w.text {
			t.Errorf("quote %d = %+v %q, want %+v", i, e.Quotes[i], e.QuoteText(i), w)
		}
	}
	if e.Manifest.Title != "Ferry back after repairs" || len(e.Manifest.ID) != 36 || len(e.Manifest.Secret) != 64 {
		t.Errorf("manifest = %+v", e.Manifest)
	}
}

func TestNewRefuses(t *testing.T) {
	bad := fixtureResult(t)
	bad.Sentences[3].End = len(bad.Text) + 5
	tests := []struct {
		name string
		src  Source
		opt  Options
	}{
		{"no analysis", Source{}, Options{}},
		{"no sentences", Source{Machine: &analysis.Result{Text: "x"}}, Options{}},
		{"span past the text", Source{Machine: bad}, Options{}},
		{"unknown ask", fixtureSource(t), Options{Settings: Settings{Ask: "essays"}}},
		{"speakers but no quotes", Source{Machine: &analysis.Result{Text: "Rain.", Sentences: []analysis.Sentence{{End: 5, Label: analysis.LabelReported}}}},
			Options{Settings: Settings{Ask: AskSpeakers}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if e, err := New(tt.src, tt.opt); err == nil {
				t.Errorf("New made %+v, want an error", e.Manifest)
			}
		})
	}
}

func TestIDsDiffer(t *testing.T) {
	a, b := fixtureExercise(t, AskBoth), fixtureExercise(t, AskBoth)
	if a.Manifest.ID == b.Manifest.ID || a.Manifest.Secret == b.Manifest.Secret || a.Hash == b.Hash {
		t.Errorf("two exercises share id, secret or hash: %s %s", a.Manifest.ID, b.Manifest.ID)
	}
}

func TestRoundTrip(t *testing.T) {
	e := fixtureExercise(t, AskLabels)
	path := filepath.Join(t.TempDir(), "ferry"+Ext)
	if err := e.Write(path); err != nil {
		t.Fatal(err)
	}
	got, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	// The fixture was "analysed" by version 9.9, not this build's analyser:
	// opening never re-analyses, so the spans and key are the file's own.
	if got.Manifest.Analyzer.Version == analysis.Version || got.Manifest.Analyzer.Version != "9.9" {
		t.Fatalf("fixture analyser version %q", got.Manifest.Analyzer.Version)
	}
	if got.Hash != e.Hash || got.Text != e.Text {
		t.Errorf("hash or text changed: %s vs %s", got.Hash, e.Hash)
	}
	if !reflect.DeepEqual(got.Manifest, e.Manifest) || !reflect.DeepEqual(got.Sentences, e.Sentences) || !reflect.DeepEqual(got.Quotes, e.Quotes) {
		t.Errorf("exercise changed on the round trip:\n got %+v\nwant %+v", got.Manifest, e.Manifest)
	}
	mj, _ := json.Marshal(got.Machine)
	ej, _ := json.Marshal(e.Machine)
	if !bytes.Equal(mj, ej) {
		t.Errorf("machine analysis changed on the round trip")
	}
	// Written twice, the same exercise gives the same bytes: the content
	// hash does not depend on when or where it is saved.
	b1, _ := got.Marshal()
	b2, _ := e.Marshal()
	if !bytes.Equal(b1, b2) {
		t.Errorf("re-encoding the opened exercise gives different bytes")
	}
}

func TestOpenRefuses(t *testing.T) {
	e := fixtureExercise(t, AskBoth)
	good, err := e.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	rewrite := func(edit func(name string, b []byte) []byte) []byte {
		zr, err := zip.NewReader(bytes.NewReader(good), int64(len(good)))
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, f := range zr.File {
			b, _ := readEntry(f)
			if b = edit(f.Name, b); b == nil {
				continue
			}
			w, _ := zw.Create(f.Name)
			w.Write(b)
		}
		zw.Close()
		return buf.Bytes()
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "not a Media Review exercise"},
		{"text", []byte("hello"), "not a Media Review exercise"},
		{"truncated", good[:len(good)/2], "not a Media Review exercise"},
		{"other zip", rewrite(func(n string, b []byte) []byte {
			if n == entryMimetype {
				return []byte("application/epub+zip")
			}
			return b
		}), "not a Media Review exercise"},
		{"newer version", rewrite(func(n string, b []byte) []byte {
			if n == entryManifest {
				return bytes.Replace(b, []byte(`"format_version": 1`), []byte(`"format_version": 7`), 1)
			}
			return b
		}), "newer than this Media Review"},
		{"no key", rewrite(func(n string, b []byte) []byte {
			if n == entryKey {
				return nil
			}
			return b
		}), "key.json is missing"},
		{"span past the text", rewrite(func(n string, b []byte) []byte {
			if n == entryKey {
				return bytes.Replace(b, []byte(`"end": 69`), []byte(`"end": 6900`), 1)
			}
			return b
		}), "key sentence 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Unmarshal(tt.data)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Unmarshal: %v, want an error with %q", err, tt.want)
			}
		})
	}
	if _, err := Open(filepath.Join(t.TempDir(), "missing"+Ext)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Open(missing) = %v, want not-exist", err)
	}
}

// A verdict given on an older analysis keeps what the teacher saw: agreeing
// with "reported" stays "reported" though the machine now says opinion.
func TestKeyFollowsWhatTheTeacherSaw(t *testing.T) {
	s := analysis.Sentence{Start: 0, End: 9, Label: analysis.LabelOpinion}
	q := analysis.Quote{Start: 1, End: 5, Speaker: "Dana Ortiz", Kind: analysis.QuoteDirect}
	tests := []struct {
		name        string
		v           *Verdict
		label       analysis.Label
		from        KeyFrom
		speaker     string
		speakerFrom KeyFrom
	}{
		{"no verdict", nil, analysis.LabelOpinion, FromMachine, "Dana Ortiz", FromMachine},
		{"agreed with this analysis", &Verdict{Agree: true}, analysis.LabelOpinion, FromTeacher, "Dana Ortiz", FromTeacher},
		{"agreed with an older analysis", &Verdict{Agree: true, MachineLabel: analysis.LabelReported, MachineSpeaker: "Ortiz's aide"},
			analysis.LabelReported, FromTeacher, "Ortiz's aide", FromTeacher},
		{"relabelled", &Verdict{Label: analysis.LabelAttributed, Speaker: "Sam Lee"}, analysis.LabelAttributed, FromTeacher, "Sam Lee", FromTeacher},
		{"speaker corrected only", &Verdict{Speaker: "Sam Lee"}, analysis.LabelOpinion, FromMachine, "Sam Lee", FromTeacher},
		{"disagreed, no answer", &Verdict{}, "", FromNone, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k := keySentence(0, s, tt.v)
			if k.Label != tt.label || k.From != tt.from {
				t.Errorf("sentence key %s from %s, want %s from %s", k.Label, k.From, tt.label, tt.from)
			}
			kq, ok := keyQuote(0, q, tt.v)
			if ok != (tt.speaker != "") || kq.Speaker != tt.speaker || kq.From != tt.speakerFrom {
				t.Errorf("quote key %q from %s (%t), want %q from %s", kq.Speaker, kq.From, ok, tt.speaker, tt.speakerFrom)
			}
		})
	}
}

// TestInterruptedQuote: a quote broken by its attribution is shown as its
// quoted words only, so the question "who speaks?" does not carry its
// answer; the parts survive the file, and parts that do not fit are
// refused on opening and dropped on making.
func TestInterruptedQuote(t *testing.T) {
	text := "“We sail at noon,” the captain said. “The engines are like new.”"
	part := func(words string) analysis.Part {
		i := strings.Index(text, words)
		return analysis.Part{Start: i, End: i + len(words)}
	}
	first, second := part("We sail at noon,"), part("The engines are like new.")
	source := func(parts ...analysis.Part) Source {
		r := &analysis.Result{Text: text, Analyzer: analysis.AnalyzerInfo{Name: "test", Version: "9.9"},
			Sentences: []analysis.Sentence{{End: len(text), Text: text, Label: analysis.LabelQuote}},
			Quotes: []analysis.Quote{{Start: first.Start, End: second.End, Speaker: "the captain", Kind: analysis.QuoteDirect,
				Sentences: []int{0}, Parts: parts}}}
		return Source{Machine: r}
	}
	tests := []struct {
		name  string
		parts []analysis.Part
		want  string
	}{
		{"interrupted", []analysis.Part{first, second}, "We sail at noon, … The engines are like new."},
		{"one part", []analysis.Part{first}, text[first.Start:second.End]},
		{"parts out of order", []analysis.Part{second, first}, text[first.Start:second.End]},
		{"no parts (an older analysis)", nil, text[first.Start:second.End]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := New(source(tt.parts...), Options{})
			if err != nil {
				t.Fatal(err)
			}
			b, err := e.Marshal()
			if err != nil {
				t.Fatal(err)
			}
			got, err := Unmarshal(b)
			if err != nil {
				t.Fatal(err)
			}
			if e.QuoteText(0) != tt.want || got.QuoteText(0) != tt.want {
				t.Errorf("quote text %q, after the file %q; want %q", e.QuoteText(0), got.QuoteText(0), tt.want)
			}
		})
	}
	e, _ := New(source(first, second), Options{})
	e.Quotes[0].Parts[1].End = len(text) + 1
	b, _ := e.Marshal()
	if _, err := Unmarshal(b); err == nil || !strings.Contains(err.Error(), "key quote 1") {
		t.Errorf("Unmarshal with a part past its quote: %v, want damaged key quote 1", err)
	}
}
