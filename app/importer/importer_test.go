package importer

import (
	"encoding/base64"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mediareview/app/textfile"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// TestFile imports each fixture and compares what the library would get
// with testdata/NAME.golden.
func TestFile(t *testing.T) {
	tests := []struct {
		file   string
		format Format
	}{
		{"ferry.txt", Plain},
		{"tram-utf16.txt", Plain},
		{"market-1252.txt", Plain},
		{"library.md", Markdown},
		{"plain-title.md", Markdown},
		{"frontmatter.md", Markdown},
		{"harbour.html", HTML},
		{"harbour.mhtml", MHTML},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			a, err := File(filepath.Join("testdata", tt.file), 0)
			if err != nil {
				t.Fatalf("File: %v", err)
			}
			if a.Format != tt.format || a.Origin != filepath.Join("testdata", tt.file) {
				t.Errorf("format %s origin %s, want %s and the path", a.Format, a.Origin, tt.format)
			}
			got := fmt.Sprintf("title: %s\nbyline: %s\npublished: %s\n---\n%s", a.Title, a.Byline, a.Published, a.Text)
			golden := filepath.Join("testdata", tt.file+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("import of %s:\n%s\nwant:\n%s", tt.file, got, want)
			}
		})
	}
}

func TestPlainTextKeptExactly(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "ferry.txt"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := Bytes("ferry.txt", b)
	if err != nil || a.Text != string(b) {
		t.Fatalf("plain text changed on import: %q, %v", a.Text, err)
	}
}

func TestRefused(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name   string
		path   string
		reason error
	}{
		{"binary", write("photo.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")), textfile.ErrBinary},
		{"empty", write("empty.txt", nil), textfile.ErrEmpty},
		{"markup only", write("rule.md", []byte("---\n\n![](x.png)\n")), textfile.ErrEmpty},
		{"too large", write("big.txt", []byte(strings.Repeat("words ", 100))), textfile.ErrTooLarge},
		{"no article", filepath.Join("testdata", "nav-only.html"), ErrNoArticle},
		{"archive without a page", write("logo.mhtml", []byte("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n")), ErrNoArticle},
		{"archive that is not MIME", write("junk.mht", []byte("just some words")), ErrNoArticle},
		{"missing", filepath.Join(dir, "gone.txt"), textfile.ErrUnreadable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := File(tt.path, 512)
			if !errors.Is(err, tt.reason) {
				t.Fatalf("File(%s) error = %v, want %v", tt.path, err, tt.reason)
			}
			if !strings.HasPrefix(err.Error(), tt.path+" ") {
				t.Errorf("error %q does not start with the file name", err)
			}
		})
	}
}

func TestDetectFormat(t *testing.T) {
	tests := []struct {
		name, text string
		want       Format
	}{
		{"a.HTM", "anything", HTML},
		{"a.markdown", "# Title", Markdown},
		{"", "<!DOCTYPE html><html>", HTML},
		{"", "  <!-- saved -->\n<html lang=en>", HTML},
		{"notes.txt", "<b>not a page</b>", Plain},
		{"", "# Title\n\nText", Plain},
	}
	for _, tt := range tests {
		if got := DetectFormat(tt.name, tt.text); got != tt.want {
			t.Errorf("DetectFormat(%q, %q) = %s, want %s", tt.name, tt.text, got, tt.want)
		}
	}
}

func TestTitles(t *testing.T) {
	long := strings.Repeat("word ", 40)
	tests := []struct {
		name, text, title, byline string
	}{
		{"a.txt", "\n\n  Bridge reopens  \nBy Ida Marsh\nText.", "Bridge reopens", "Ida Marsh"},
		{"a.txt", "Bridge reopens\nText by the desk.\nMore.", "Bridge reopens", ""},
		{"dir/report.md", "![only an image](a.png)\n\nBody text here.", "Body text here.", ""},
		{"a.txt", long, strings.TrimSpace(strings.Repeat("word ", 24)) + "…", ""},
		{"a.md", "---\ntitle: Unclosed\n\nBody text.", "title: Unclosed", ""},
		{"a.md", "---\r\nTitle: 'Quay'\r\nByline: Ann Lee\r\n...\r\nBody text.", "Quay", "Ann Lee"},
		{"x.html", "<html><head><title>Ferry - Courier</title></head><body><article><p>" + strings.Repeat("The ferry ran late again on Friday. ", 20) + "</p></article></body></html>", "Ferry - Courier", ""},
	}
	for _, tt := range tests {
		a, err := Parse(tt.name, tt.text)
		if err != nil || a.Title != tt.title || a.Byline != tt.byline {
			t.Errorf("Parse(%q) title %q byline %q (%v), want %q, %q", tt.text[:min(len(tt.text), 30)], a.Title, a.Byline, err, tt.title, tt.byline)
		}
	}
}

func FuzzBytes(f *testing.F) {
	for _, name := range []string{"ferry.txt", "library.md", "harbour.html", "tram-utf16.txt", "harbour.mhtml"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(name, b)
	}
	f.Fuzz(func(t *testing.T, name string, b []byte) {
		a, err := Bytes(name, b)
		if err != nil {
			var fe *textfile.Error
			var ne *NotArticleError
			if !errors.As(err, &fe) && !errors.As(err, &ne) {
				t.Fatalf("error %v is neither a *textfile.Error nor a *NotArticleError", err)
			}
			if a != (Article{}) {
				t.Fatalf("an article with the error %v: %+v", err, a)
			}
			return
		}
		if strings.TrimSpace(a.Text) == "" || a.Title == "" {
			t.Fatalf("accepted an article with no text or title: %+v", a)
		}
	})
}

func BenchmarkHTML(b *testing.B) {
	page, err := os.ReadFile(filepath.Join("testdata", "harbour.html"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Bytes("harbour.html", page); err != nil {
			b.Fatal(err)
		}
	}
}

func TestFrontMatterDate(t *testing.T) {
	tests := []struct{ date, want string }{
		{"2025-06-02T10:00:00Z", "2025-06-02"},
		{"'2025-06-02'", "2025-06-02"},
		{"June 2, 2025", "June 2, 2025"},
	}
	for _, tt := range tests {
		a, err := Parse("a.md", "---\ndate: "+tt.date+"\n---\nBody text here.\n")
		if err != nil || a.Published != tt.want {
			t.Errorf("date %q: published %q (%v), want %q", tt.date, a.Published, err, tt.want)
		}
	}
}

func TestMHTMLBase64(t *testing.T) {
	page := "<html><head><title>Quay</title></head><body><article><p>" +
		strings.Repeat("The quay reopened on Monday after six weeks of work. ", 5) + "</p></article></body></html>"
	enc := base64.StdEncoding.EncodeToString([]byte(page))
	var wrapped strings.Builder
	for len(enc) > 76 {
		wrapped.WriteString(enc[:76] + "\r\n")
		enc = enc[76:]
	}
	wrapped.WriteString(enc)
	archive := "MIME-Version: 1.0\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\n" + wrapped.String() + "\r\n"
	a, err := Bytes("quay.mhtml", []byte(archive))
	if err != nil || a.Title != "Quay" || !strings.HasPrefix(a.Text, "The quay reopened on Monday") || a.Format != MHTML {
		t.Fatalf("Bytes = %+v, %v", a, err)
	}
}
