package analysis

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"
)

var (
	sharedOnce     sync.Once
	sharedAnalyzer *Analyzer
	sharedErr      error
)

// testAnalyzer loads the word lists once for all tests.
func testAnalyzer(t testing.TB) *Analyzer {
	t.Helper()
	sharedOnce.Do(func() { sharedAnalyzer, sharedErr = New() })
	if sharedErr != nil {
		t.Fatal(sharedErr)
	}
	return sharedAnalyzer
}

func analyze(t testing.TB, text string) *Result {
	t.Helper()
	r, err := testAnalyzer(t).Analyze(context.Background(), text, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkResult(t, r)
	return r
}

// checkResult fails the test unless r keeps the promises of the contract:
// offsets inside the text on UTF-8 boundaries, sentences in order covering
// every non-space byte, texts that match their offsets.
func checkResult(t testing.TB, r *Result) {
	t.Helper()
	text := r.Text
	boundary := func(what string, i int) {
		if i < 0 || i > len(text) || !utf8.RuneStart(byteAt(text, i)) && i < len(text) {
			t.Fatalf("%s offset %d is outside the text (len %d) or inside a character", what, i, len(text))
		}
	}
	prev := 0
	for i, s := range r.Sentences {
		boundary("sentence start", s.Start)
		boundary("sentence end", s.End)
		if s.Index != i || s.Start < prev || s.End <= s.Start || text[s.Start:s.End] != s.Text {
			t.Fatalf("sentence %d is out of order or its text does not match: %+v", i, s)
		}
		if gap := text[prev:s.Start]; strings.TrimFunc(gap, unicode.IsSpace) != "" {
			t.Fatalf("text %q before sentence %d belongs to no sentence", gap, i)
		}
		for _, g := range s.Signals {
			boundary("signal start", g.Start)
			boundary("signal end", g.End)
			if text[g.Start:g.End] != g.Text || g.Why == "" {
				t.Fatalf("signal %+v does not match the text or has no why", g)
			}
		}
		prev = s.End
	}
	if rest := text[prev:]; strings.TrimFunc(rest, unicode.IsSpace) != "" {
		t.Fatalf("text %q at the end belongs to no sentence", rest)
	}
	for _, q := range r.Quotes {
		boundary("quote start", q.Start)
		boundary("quote end", q.End)
		if q.End <= q.Start || text[q.Start:q.End] != q.Text || len(q.Parts) == 0 {
			t.Fatalf("quote %+v does not match the text", q)
		}
		if q.MentionStart >= 0 {
			boundary("mention start", q.MentionStart)
			boundary("mention end", q.MentionEnd)
			if text[q.MentionStart:q.MentionEnd] != q.Mention {
				t.Fatalf("quote mention %q does not match offsets %d:%d", q.Mention, q.MentionStart, q.MentionEnd)
			}
		}
		for _, s := range q.Sentences {
			if s < 0 || s >= len(r.Sentences) {
				t.Fatalf("quote %q names sentence %d of %d", q.Text, s, len(r.Sentences))
			}
		}
	}
	total := 0
	for _, n := range r.Summary.Labels {
		total += n
	}
	if total != len(r.Sentences) {
		t.Fatalf("summary counts %d labels for %d sentences", total, len(r.Sentences))
	}
}

func byteAt(s string, i int) byte {
	if i >= len(s) {
		return 0
	}
	return s[i]
}

func TestAnalyzeEmptyAndBlank(t *testing.T) {
	for _, text := range []string{"", "   ", "\n\n\r\n\t"} {
		r := analyze(t, text)
		if len(r.Sentences) != 0 || len(r.Quotes) != 0 || r.Text != text {
			t.Errorf("%q: want an empty result, got %d sentences, %d quotes", text, len(r.Sentences), len(r.Quotes))
		}
		if r.Sentences == nil || r.Quotes == nil || r.Summary.Sources == nil {
			t.Errorf("%q: lists must be empty, not null, in JSON", text)
		}
	}
}

func TestAnalyzeKeepsTheTextByteForByte(t *testing.T) {
	text := "Line one said nothing.\r\n\r\n“Quote,” she said.\r\nEnd – ünïcödé 😀."
	if r := analyze(t, text); r.Text != text {
		t.Fatalf("text changed: %q", r.Text)
	}
}

func TestAnalyzeReportsProgressAndStopsWhenCancelled(t *testing.T) {
	a := testAnalyzer(t)
	text := strings.Repeat("The council met on Monday. “We agree,” the mayor said.\n\n", 3000)
	var seen []float64
	if _, err := a.Analyze(context.Background(), text, func(done float64) { seen = append(seen, done) }); err != nil {
		t.Fatal(err)
	}
	if len(seen) < 2 || seen[len(seen)-1] != 1 {
		t.Fatalf("progress %v: want several reports ending at 1", seen)
	}
	for i := 1; i < len(seen); i++ {
		if seen[i] < seen[i-1] {
			t.Fatalf("progress went back: %v", seen)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := a.Analyze(ctx, text, nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled analysis returned %v", err)
	}
}

func TestAnalyzeIsSafeForConcurrentUse(t *testing.T) {
	a := testAnalyzer(t)
	texts := []string{
		"“We will reopen the bridge by spring,” the mayor said.",
		"Critics say the plan is rushed. The council voted 7–2.",
		"According to two officials, the deal is close.",
	}
	want := make([]*Result, len(texts))
	for i, text := range texts {
		want[i] = analyze(t, text)
	}
	var wg sync.WaitGroup
	for n := range 24 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			i := n % len(texts)
			r, err := a.Analyze(context.Background(), texts[i], nil)
			if err != nil || len(r.Sentences) != len(want[i].Sentences) || r.Sentences[0].Label != want[i].Sentences[0].Label {
				t.Errorf("concurrent run %d differs from the serial one", n)
			}
		}()
	}
	wg.Wait()
}
