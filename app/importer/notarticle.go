package importer

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// ErrNotArticle: a file that is clearly not prose (a classroom file, a
// JSON document, an archive, a PDF). Match it with errors.Is; the error is
// a *NotArticleError.
var ErrNotArticle = errors.New("is not an article")

// NotArticleError says what a refused file is instead of an article, and
// what to do with it.
type NotArticleError struct {
	Name string // the file; empty for pasted text
	What string // what it is: "a classroom exercise"
	Hint string // what to do instead, in a few words
}

func (e *NotArticleError) Error() string {
	name := e.Name
	if name == "" {
		name = "the text"
	}
	return fmt.Sprintf("%s is %s, not an article: %s", name, e.What, e.Hint)
}

// Unwrap lets errors.Is match ErrNotArticle.
func (e *NotArticleError) Unwrap() error { return ErrNotArticle }

// The classroom's files (docs/exercise-format.md). The importer comes
// before the classroom in the app's data flow, so it names them itself;
// TestRefusesClassroomFiles keeps these in step with app/classroom.
const (
	exerciseExt       = ".mrexercise"
	submissionExt     = ".mrsubmission"
	exerciseMediaType = "application/vnd.mediareview.exercise+zip"
	submissionFormat  = `"mediareview-submission"`
)

// sniffBytes is how much of a binary file notArticle looks at.
const sniffBytes = 4096

// notArticle returns a *NotArticleError when name or content (the decoded
// text, or the first bytes of a file refused as binary) is clearly not an
// article, and nil otherwise.
func notArticle(name, content string) error {
	what, hint := identify(name, content)
	if what == "" {
		return nil
	}
	return &NotArticleError{Name: name, What: what, Hint: hint}
}

func identify(name, content string) (what, hint string) {
	ext := strings.ToLower(filepath.Ext(name))
	head := content[:min(len(content), sniffBytes)]
	data := isJSON(content)
	switch {
	case ext == exerciseExt || strings.HasPrefix(head, "PK\x03\x04") && strings.Contains(head, exerciseMediaType):
		return "a classroom exercise", fmt.Sprintf("open it with `mediareview %s` or File → Open", quoteArg(name))
	case ext == submissionExt || data && strings.Contains(head, submissionFormat):
		return "a student's submission", fmt.Sprintf("grade it with `mediareview exercise grade EXERCISE%s %s`, or open its exercise in the window (Exercise → Open an exercise or grade a class…) and add it there", exerciseExt, quoteArg(name))
	case data:
		return "a JSON document", "import the article itself as text, Markdown or a saved web page"
	case strings.HasPrefix(head, "%PDF-"):
		return "a PDF document", "copy its text and add it with File → Paste as new article"
	case strings.HasPrefix(head, "PK\x03\x04") && (strings.Contains(head, "word/") || strings.Contains(head, "application/vnd.oasis.opendocument")):
		return "a word-processor document", "save it as plain text (.txt), or copy its text and add it with File → Paste as new article"
	case strings.HasPrefix(head, "PK\x03\x04"):
		return "a ZIP archive", "unpack it and import the article inside"
	}
	return "", ""
}

// isJSON reports a whole JSON object or array: data, never an article,
// however it was named.
func isJSON(text string) bool {
	t := strings.TrimSpace(text)
	return t != "" && (t[0] == '{' || t[0] == '[') && json.Valid([]byte(t))
}

// quoteArg writes a file name as a command-line argument: in double
// quotes when it holds a space, which every shell reads alike.
func quoteArg(name string) string {
	switch {
	case name == "":
		return "FILE"
	case strings.ContainsAny(name, " \t"):
		return `"` + name + `"`
	}
	return name
}

// sniffFile reads the first bytes of a file the text reader refused as
// binary and says what it is, when notArticle knows; nil otherwise.
func sniffFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	head, _ := io.ReadAll(io.LimitReader(f, sniffBytes))
	return notArticle(path, string(head))
}

// sniffBinary is sniffFile for bytes already in memory.
func sniffBinary(name string, b []byte) error {
	return notArticle(name, string(b[:min(len(b), sniffBytes)]))
}
