// Package importer turns files into articles for the library: plain text
// (any encoding textfile reads), Markdown with its markup removed, and
// saved web pages, whose article is found with a readability library.
// Files that are clearly not prose (classroom exercises and submissions,
// JSON, archives, PDFs) are refused with a word on what to do instead.
// Every error names the file and says why it was refused.
package importer

import (
	"cmp"
	"errors"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"mediareview/app/textfile"
)

// Format is the kind of file an article came from.
type Format string

// The formats the importer reads.
const (
	Plain    Format = "text"
	Markdown Format = "markdown"
	HTML     Format = "html"
	MHTML    Format = "mhtml" // a single-file web archive; its page is read as HTML
)

// ErrNoArticle: a web page in which no article text could be found.
var ErrNoArticle = errors.New("has no article text that could be found")

// Article is what a file gives the library. Text is what the analyser
// reads; for plain text it is the file's text exactly (BOM aside).
type Article struct {
	Title     string
	Byline    string
	Published string // YYYY-MM-DD when the source gives a date
	Text      string
	Origin    string // the path it came from
	Format    Format
}

// File reads the file at path (refusing it over maxBytes; 0 means
// textfile.DefaultMaxBytes) and extracts its article.
func File(path string, maxBytes int64) (Article, error) {
	text, err := textfile.Read(path, maxBytes)
	if errors.Is(err, textfile.ErrBinary) {
		err = cmp.Or(sniffFile(path), err)
	}
	if err != nil {
		return Article{}, err
	}
	a, err := Parse(path, text)
	if err != nil {
		return Article{}, err
	}
	a.Origin = path
	return a, nil
}

// Bytes decodes b and extracts its article; name picks the format by its
// extension and appears in errors.
func Bytes(name string, b []byte) (Article, error) {
	text, err := textfile.Decode(name, b)
	if errors.Is(err, textfile.ErrBinary) {
		err = cmp.Or(sniffBinary(name, b), err)
	}
	if err != nil {
		return Article{}, err
	}
	return Parse(name, text)
}

// Parse extracts the article from decoded text: HTML for .html/.htm/.xhtml
// names or text that starts like a web page, the page inside a .mhtml/.mht
// web archive, Markdown for .md/.markdown names, plain text otherwise
// (pasted text has an empty name). Text that is clearly not prose (a
// classroom file, a JSON document) is refused with a *NotArticleError.
func Parse(name, text string) (Article, error) {
	if err := notArticle(name, text); err != nil {
		return Article{}, err
	}
	var a Article
	var err error
	switch DetectFormat(name, text) {
	case MHTML:
		var page string
		if page, err = pageFromMHTML(name, text); err == nil {
			a, err = parseHTML(name, page)
			a.Format = MHTML
		}
	case HTML:
		a, err = parseHTML(name, text)
	case Markdown:
		a = parseMarkdown(text)
	default:
		a = parsePlain(text)
	}
	if err != nil {
		return Article{}, err
	}
	if strings.TrimSpace(a.Text) == "" {
		reason := textfile.ErrEmpty
		if a.Format == HTML || a.Format == MHTML {
			reason = ErrNoArticle
		}
		return Article{}, &textfile.Error{Name: name, Reason: reason}
	}
	if a.Title == "" {
		a.Title = titleFromName(name)
	}
	return a, nil
}

var htmlStart = regexp.MustCompile(`(?i)^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b`)

// DetectFormat says how Parse will read a file of that name and text.
func DetectFormat(name, text string) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".xhtml", ".shtml":
		return HTML
	case ".mhtml", ".mht":
		return MHTML
	case ".md", ".markdown", ".mdown", ".mkd":
		return Markdown
	}
	head := text
	if len(head) > 4096 {
		head = head[:4096]
	}
	if htmlStart.MatchString(head) {
		return HTML
	}
	return Plain
}

func titleFromName(name string) string {
	base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	if name == "" || base == "." || base == "" {
		return "Untitled"
	}
	return base
}

// maxTitle is the longest title kept; longer first lines are cut at a word.
const maxTitle = 120

func shortTitle(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= maxTitle {
		return s
	}
	cut := []rune(s)[:maxTitle]
	if i := strings.LastIndexByte(string(cut), ' '); i > maxTitle/2 {
		return string(cut)[:i] + "…"
	}
	return string(cut) + "…"
}

var bylineLine = regexp.MustCompile(`^(?i:by)\s+(\p{Lu}[\p{L}.'’\- ]{1,60}?)\s*$`)

// firstLines gives the title (the first non-blank line) and a byline ("By
// Name" on one of the next two non-blank lines) of plain text.
func firstLines(text string) (title, byline string) {
	seen := 0
	for line := range strings.Lines(text) {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if seen == 0 {
			title = shortTitle(line)
		} else if m := bylineLine.FindStringSubmatch(line); m != nil {
			return title, m[1]
		}
		if seen++; seen > 2 {
			break
		}
	}
	return title, ""
}

func parsePlain(text string) Article {
	title, byline := firstLines(text)
	return Article{Title: title, Byline: byline, Text: text, Format: Plain}
}
