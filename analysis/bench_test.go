package analysis

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// newsArticle writes a news-like text of about words words from sentences
// written for these benchmarks: quotes, attributions, facts and opinions,
// with names that change so that speaker tracking has work to do.
func newsArticle(words int) string {
	first := []string{"Ana", "Tomas", "Priya", "Carl", "Elena", "Hugo", "Miriam", "Ivo"}
	last := []string{"Ortiz", "Reiner", "Okafor", "Whitfield", "Marsh", "Brandt", "Sato", "Kral"}
	paragraphs := []string{
		"The %[3]s council voted 5–4 on Tuesday to end the night ferry from 1 March. The service carried about 310 passengers a week and cost the town 412,000 crowns, according to the council's accounts.",
		"“We cannot keep paying for a boat that sails half empty,” Mayor %[1]s %[2]s said after the vote. “The money has to go where people need it most.”",
		"%[2]s said the savings would pay for two more nurses. She told reporters that the decision could be reviewed in a year.",
		"%[1]s %[2]s, a spokeswoman for the %[3]s transport agency, said the agency had not been consulted. The agency's top lawyer added: “Ending it early is not a simple matter.”",
		"Critics say the so-called “efficiency plan” was drawn up in a hurry. An official who asked not to be named said the buyer was a tour company.",
		"“My bakers start at four in the morning.\n\n“Without the late boat, they quit,” %[1]s %[2]s said. He claimed the figures had been “massaged” to make the ferry look worse.",
		"This is a short-sighted decision, and the council should reverse it. Who will bake the bread when the last baker leaves?",
	}
	places := []string{"Port Alder", "Hollin", "Dunmore", "Gull Island"}
	var b strings.Builder
	for i, n := 0, 0; n < words; i++ {
		p := fmt.Sprintf(paragraphs[i%len(paragraphs)], first[i%len(first)], last[(i/3)%len(last)], places[i%len(places)])
		b.WriteString(p)
		b.WriteString("\n\n")
		n += len(strings.Fields(p))
	}
	return b.String()
}

func benchmarkAnalyze(b *testing.B, text string) {
	a, err := New()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := a.Analyze(context.Background(), text, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAnalyzeArticle is a 1,000-word article with the word lists loaded.
func BenchmarkAnalyzeArticle(b *testing.B) { benchmarkAnalyze(b, newsArticle(1000)) }

// BenchmarkAnalyze1MB and BenchmarkAnalyze10MB show the throughput and that
// it does not fall with size.
func BenchmarkAnalyze1MB(b *testing.B) { benchmarkAnalyze(b, sized(1<<20)) }

func BenchmarkAnalyze10MB(b *testing.B) { benchmarkAnalyze(b, sized(10<<20)) }

// BenchmarkNew is the cost of loading the word lists, paid once per run.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(); err != nil {
			b.Fatal(err)
		}
	}
}

func sized(n int) string {
	text := newsArticle(n / 5)
	for len(text) < n {
		text += text
	}
	return text[:strings.LastIndex(text[:n], "\n\n")+2]
}

func TestBenchArticleIsTheSizeItClaims(t *testing.T) {
	if n := len(strings.Fields(newsArticle(1000))); n < 1000 || n > 1100 {
		t.Fatalf("newsArticle(1000) has %d words", n)
	}
	if n := len(sized(1 << 20)); n < 1<<20-4096 || n > 1<<20 {
		t.Fatalf("sized(1 MB) is %d bytes", n)
	}
}
