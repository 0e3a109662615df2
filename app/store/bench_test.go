package store

import (
	"context"
	"fmt"
	"testing"
)

// BenchmarkSetVerdict is one keypress in the review window: a verdict
// written and on disk (WAL, synchronous=FULL).
func BenchmarkSetVerdict(b *testing.B) {
	s, err := Open(context.Background(), b.TempDir()+"/bench.db")
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	id, _, err := s.AddArticle(context.Background(), Article{Title: "Bench", Text: fixtureText})
	if err != nil {
		b.Fatal(err)
	}
	res := fixtureResult(fixtureText, "1")
	if err := s.SaveAnalysis(context.Background(), id, res); err != nil {
		b.Fatal(err)
	}
	v := withDecision(SentenceVerdict(res, 0), Agree)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		v.Note = fmt.Sprint("note ", i) // a real change each time
		i++
		if _, err := s.SetVerdict(context.Background(), id, "ana", v); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkArticles lists a library of 200 articles with verdicts, as the
// window's library panel does.
func BenchmarkArticles(b *testing.B) {
	s, err := Open(context.Background(), b.TempDir()+"/bench.db")
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	for i := range 200 {
		text := fmt.Sprintf("Article %d begins here. It has a middle. It ends here.", i)
		id, _, err := s.AddArticle(ctx, Article{Title: fmt.Sprint("A", i), Text: text})
		if err != nil {
			b.Fatal(err)
		}
		res := fixtureResult(text, "1")
		if err := s.SaveAnalysis(ctx, id, res); err != nil {
			b.Fatal(err)
		}
		if _, err := s.SetVerdict(ctx, id, "ana", withDecision(SentenceVerdict(res, 0), Agree)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if list, err := s.Articles(ctx, "ana"); err != nil || len(list) != 200 {
			b.Fatalf("Articles = %d, %v", len(list), err)
		}
	}
}
