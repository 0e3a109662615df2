package importer

import (
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// parseMarkdown keeps the words a reader sees: markup, link targets,
// images and raw HTML go; paragraphs stay apart. The first heading, when
// it opens the file, becomes the title and leaves the text.
func parseMarkdown(src string) Article {
	meta, src := frontMatter(src)
	source := []byte(src)
	doc := goldmark.New().Parser().Parse(text.NewReader(source))
	md := &markdownText{source: source}
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok && md.title == "" && n == doc.FirstChild() {
			md.title = shortTitle(md.inline(h))
			continue
		}
		md.block(n)
	}
	body := strings.Join(md.blocks, "\n\n")
	if t := meta["title"]; t != "" {
		md.title = shortTitle(t)
	}
	if md.title == "" {
		md.title, _ = firstLines(body)
	}
	_, byline := firstLines(md.title + "\n" + body)
	if byline != "" {
		body = dropBylineLine(body, byline)
	}
	if a := meta["author"]; a != "" {
		byline = a
	}
	return Article{Title: md.title, Byline: byline, Published: isoDate(meta["date"]), Text: body + "\n", Format: Markdown}
}

// frontMatter splits off the YAML block that static-site and note-taking
// tools put first ("---", key: value lines, "---") and returns its title,
// author and date (YYYY-MM-DD when it starts with one).
func frontMatter(src string) (map[string]string, string) {
	rest, ok := strings.CutPrefix(src, "---\n")
	if !ok {
		rest, ok = strings.CutPrefix(src, "---\r\n")
	}
	if !ok {
		return nil, src
	}
	meta := map[string]string{}
	offset := len(src) - len(rest)
	for line := range strings.Lines(rest) {
		offset += len(line)
		key, value, _ := strings.Cut(strings.TrimSpace(line), ":")
		switch key = strings.ToLower(strings.TrimSpace(key)); {
		case key == "---" || key == "...":
			return meta, src[offset:]
		case key == "author" || key == "byline":
			key = "author"
			fallthrough
		case key == "title" || key == "date":
			meta[key] = strings.Trim(strings.TrimSpace(value), `"'`)
		}
	}
	return nil, src // no closing line: not front matter
}

type markdownText struct {
	source []byte
	title  string
	blocks []string
}

func (m *markdownText) add(s string) {
	if s = strings.TrimSpace(s); s != "" {
		m.blocks = append(m.blocks, s)
	}
}

func (m *markdownText) block(n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading, *ast.Paragraph, *ast.TextBlock:
		m.add(m.inline(n))
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		m.add(string(n.Lines().Value(m.source)))
	case *ast.List:
		var items []string
		for it := n.FirstChild(); it != nil; it = it.NextSibling() {
			sub := &markdownText{source: m.source}
			for c := it.FirstChild(); c != nil; c = c.NextSibling() {
				sub.block(c)
			}
			items = append(items, strings.Join(sub.blocks, "\n"))
		}
		m.add(strings.Join(items, "\n"))
	case *ast.HTMLBlock, *ast.ThematicBreak:
	default: // block quotes and anything newer: their children
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			m.block(c)
		}
	}
}

func (m *markdownText) inline(n ast.Node) string {
	var sb strings.Builder
	m.writeInline(&sb, n)
	return sb.String()
}

func (m *markdownText) writeInline(sb *strings.Builder, n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			sb.Write(util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(c.Value(m.source)))))
			switch {
			case c.HardLineBreak():
				sb.WriteByte('\n')
			case c.SoftLineBreak():
				sb.WriteByte(' ')
			}
		case *ast.String:
			sb.Write(c.Value)
		case *ast.CodeSpan:
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if t, ok := t.(*ast.Text); ok {
					sb.Write(t.Value(m.source))
				}
			}
		case *ast.AutoLink:
			sb.Write(c.Label(m.source))
		case *ast.Image, *ast.RawHTML:
		default: // emphasis, links, code spans: their words
			m.writeInline(sb, c)
		}
	}
}

var isoDay = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}`)

// isoDate keeps the day of an ISO 8601 date and time; other dates stay as
// the source wrote them.
func isoDate(s string) string {
	if d := isoDay.FindString(s); d != "" {
		return d
	}
	return s
}
