package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"mediareview/assets"
)

// BenchmarkAnalyzeColdStart runs the real binary on a 1,000-word article:
// process start, word lists, decoding, analysis and JSON, as a user or a
// script sees it. It builds the binary once first.
func BenchmarkAnalyzeColdStart(b *testing.B) {
	dir := b.TempDir()
	bin := filepath.Join(dir, "mediareview")
	if out, err := exec.Command("go", "build", "-o", bin, "mediareview").CombinedOutput(); err != nil {
		b.Fatalf("cannot build the binary: %v\n%s", err, out)
	}
	article := filepath.Join(dir, "article.txt")
	if err := os.WriteFile(article, []byte(thousandWords()), 0o644); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if out, err := exec.Command(bin, "analyze", "--format", "json", article).Output(); err != nil || len(out) == 0 {
			b.Fatalf("analyze: %v", err)
		}
	}
}

// thousandWords joins the sample articles into one of 1,000 words.
func thousandWords() string {
	var words []string
	for len(words) < 1000 {
		for _, s := range assets.Samples() {
			words = append(words, strings.Split(s.Text, " ")...)
		}
	}
	return strings.Join(words[:1000], " ")
}
