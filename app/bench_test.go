package app

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"mediareview/app/cli"
	"mediareview/app/store"
)

// These benchmarks run on Fyne's test driver (software canvas, no OpenGL):
// they time the window's own work. The real driver's start is timed by
// BenchmarkWindowStart in app/e2e.

// BenchmarkStartToFirstSample: a first start on an empty library — samples
// imported, the first analysed and shown, and the window drawn once.
func BenchmarkStartToFirstSample(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		m, w := newTestWindow(b)
		m.start(cli.Window{Reviewer: "kim"})
		if m.session == nil {
			b.Fatal("no sample shown")
		}
		w.Canvas().Capture()
	}
}

// largeArticle is about n words of made-up news copy: reports, quotes,
// attributions and opinions in paragraphs of four sentences.
func largeArticle(n int) string {
	sentences := []string{
		"The council met on %d May to discuss the harbour budget.",
		"“We cannot keep the ferry running at night,” said councillor Ana Brill %d.",
		"Officials said the fund would cover %d more repairs this year.",
		"This reckless plan should be dropped before it wrecks the town for %d years.",
	}
	var b strings.Builder
	b.WriteString("A very long report on the harbour\n\n")
	words := 0
	for i := 0; words < n; i++ {
		s := fmt.Sprintf(sentences[i%len(sentences)], i)
		b.WriteString(s)
		words += len(strings.Fields(s))
		if i%4 == 3 {
			b.WriteString("\n\n")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// openLarge stores a 100,000-word article with its analysis, so that only
// opening and drawing it is timed.
func openLarge(b *testing.B) (*mainWindow, fyne.Window, int64) {
	m, w := newTestWindow(b)
	m.reviewer = "kim"
	text := largeArticle(100_000)
	ctx := context.Background()
	id, _, err := m.store.AddArticle(ctx, store.Article{Title: "Large", Text: text})
	if err != nil {
		b.Fatal(err)
	}
	an, err := analyzer()
	if err != nil {
		b.Fatal(err)
	}
	res, err := an.Analyze(ctx, text, nil)
	if err != nil {
		b.Fatal(err)
	}
	if err := m.store.SaveAnalysis(ctx, id, res); err != nil {
		b.Fatal(err)
	}
	b.Logf("%d words, %d sentences", len(strings.Fields(text)), len(res.Sentences))
	return m, w, id
}

// BenchmarkFirstScreenLarge: a 100,000-word article whose analysis is done
// (stored), from open to its first screen drawn.
func BenchmarkFirstScreenLarge(b *testing.B) {
	m, w, id := openLarge(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		m.session = nil
		m.open(id)
		w.Canvas().Capture()
	}
}

// BenchmarkNextSentence: J on the 100,000-word article — the session moves,
// the two rows, the details panel and the progress are redrawn. "painted"
// also paints the whole window with the test driver's software painter
// after each key, which costs far more than OpenGL does.
func BenchmarkNextSentence(b *testing.B) {
	m, w, id := openLarge(b)
	m.open(id)
	for _, paint := range []bool{false, true} {
		name := "updated"
		if paint {
			name = "painted"
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				press(w, fyne.KeyJ)
				if paint {
					w.Canvas().Capture()
				}
			}
		})
	}
}
