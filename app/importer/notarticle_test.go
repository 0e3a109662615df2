package importer

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func zipOf(t *testing.T, entries ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(entries); i += 2 {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: entries[i], Method: zip.Store})
		if err == nil {
			_, err = w.Write([]byte(entries[i+1]))
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestNotArticle: files that are clearly not prose are refused with what
// they are and what to do, named by their extension or by their content.
func TestNotArticle(t *testing.T) {
	dir := t.TempDir()
	submission := `{"format": "mediareview-submission", "format_version": 1, "student": "7b", "labels": []}`
	tests := []struct {
		file    string
		content []byte
		what    string // in the message, after "FILE is "
		hint    string // in the message too
	}{
		{"x.mrexercise", zipOf(t, "mimetype", exerciseMediaType, "manifest.json", "{}"), "a classroom exercise", "`mediareview " + filepath.Join(dir, "x.mrexercise") + "`"},
		{"renamed.zip", zipOf(t, "mimetype", exerciseMediaType, "manifest.json", "{}"), "a classroom exercise", "File → Open"},
		{"damaged.mrexercise", []byte("PK\x03\x04\x00\x00 cut short"), "a classroom exercise", "File → Open"},
		{"x.mrsubmission", []byte(submission), "a student's submission", "mediareview exercise grade EXERCISE.mrexercise " + filepath.Join(dir, "x.mrsubmission")},
		{"cut.mrsubmission", []byte(submission[:40]), "a student's submission", "exercise grade"},
		{"sheet.json", []byte(submission), "a student's submission", "exercise grade"},
		{"data.json", []byte(`{"title": "Ferry", "sentences": [1, 2]}`), "a JSON document", "text, Markdown or a saved web page"},
		{"list.txt", []byte("\n  [\"a\", \"b\"]\n"), "a JSON document", "text, Markdown"},
		{"story.zip", zipOf(t, "story.txt", "The ferry sailed."), "a ZIP archive", "unpack it"},
		{"story.docx", zipOf(t, "[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>"), "a word-processor document", "plain text (.txt)"},
		{"story.odt", zipOf(t, "mimetype", "application/vnd.oasis.opendocument.text"), "a word-processor document", "Paste as new article"},
		{"story.pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 3 >>\nstream\n\x00\x01\x02\nendstream\n"), "a PDF document", "copy its text"},
		{"ascii.pdf", []byte("%PDF-1.1\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"), "a PDF document", "copy its text"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join(dir, tt.file)
			if err := os.WriteFile(path, tt.content, 0o644); err != nil {
				t.Fatal(err)
			}
			for via, read := range map[string]func() (Article, error){
				"File":  func() (Article, error) { return File(path, 0) },
				"Bytes": func() (Article, error) { return Bytes(path, tt.content) },
			} {
				a, err := read()
				var ne *NotArticleError
				if !errors.As(err, &ne) || !errors.Is(err, ErrNotArticle) || a != (Article{}) {
					t.Fatalf("%s: %+v, %v; want a *NotArticleError", via, a, err)
				}
				msg := err.Error()
				if !strings.HasPrefix(msg, path+" is "+tt.what+", not an article: ") || !strings.Contains(msg, tt.hint) {
					t.Errorf("%s: message %q, want %q … %q", via, msg, path+" is "+tt.what, tt.hint)
				}
			}
		})
	}
}

// TestProseThatLooksLikeData: articles that merely start like data, or
// mention the formats, are still articles.
func TestProseThatLooksLikeData(t *testing.T) {
	tests := []struct{ name, text string }{
		{"a.txt", "{Updated} The ferry returns on Monday.\n\nIt was repaired in May."},
		{"a.txt", "[Photo: the pier] The ferry returns on Monday."},
		{"a.txt", "PK 14 was the ferry's old berth, the harbour master said."},
		{"a.md", "# The mediareview-submission format\n\nTeachers collect the \"mediareview-submission\" files."},
		{"", "The scanner writes files that start with %PDF-1.7, the clerk said."},
		{"a.txt", "{ \"not\": quite JSON } said the developer, laughing."},
	}
	for _, tt := range tests {
		a, err := Parse(tt.name, tt.text)
		if err != nil || strings.TrimSpace(a.Text) == "" {
			t.Errorf("Parse(%q, %q) = %v, want the article", tt.name, tt.text, err)
		}
	}
}

// TestPastedData: pasted JSON is refused, naming "the text".
func TestPastedData(t *testing.T) {
	_, err := Parse("", `[{"sentence": 0, "label": "quote"}]`)
	if !errors.Is(err, ErrNotArticle) || !strings.HasPrefix(err.Error(), "the text is a JSON document") {
		t.Fatalf("Parse(pasted JSON) error = %v", err)
	}
}
