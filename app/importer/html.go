package importer

import (
	"strings"

	"codeberg.org/readeck/go-readability/v2"

	"mediareview/app/textfile"
)

// parseHTML finds the article in a saved web page with readability (the
// algorithm of Firefox's reader view), keeping its title, byline and date.
func parseHTML(name, page string) (Article, error) {
	art, err := readability.FromReader(strings.NewReader(page), nil)
	if err != nil || art.Node == nil {
		return Article{}, &textfile.Error{Name: name, Reason: ErrNoArticle, Cause: err}
	}
	var sb strings.Builder
	if err := art.RenderText(&sb); err != nil {
		return Article{}, &textfile.Error{Name: name, Reason: ErrNoArticle, Cause: err}
	}
	byline := strings.Join(strings.Fields(art.Byline()), " ")
	a := Article{
		Title:  shortTitle(pageTitle(art.Title(), art.SiteName())),
		Byline: byline,
		Text:   dropBylineLine(tidyText(sb.String()), byline),
		Format: HTML,
	}
	if !hasProse(a.Text) {
		return Article{}, &textfile.Error{Name: name, Reason: ErrNoArticle}
	}
	if t, err := art.PublishedTime(); err == nil {
		a.Published = t.Format("2006-01-02")
	}
	return a, nil
}

// tidyText trims each line and keeps at most one blank line between
// paragraphs, so the analyser sees the page's paragraphs and nothing else.
func tidyText(s string) string {
	var out []string
	blank := false
	for line := range strings.Lines(s) {
		line = strings.TrimSpace(line)
		if line == "" {
			blank = len(out) > 0
			continue
		}
		if blank {
			out = append(out, "")
			blank = false
		}
		out = append(out, line)
	}
	if len(out) == 0 {
		return ""
	}
	return strings.Join(out, "\n") + "\n"
}

// pageTitle drops the site's name that pages add to their title after a
// bar ("Pier stays shut | The Courier").
func pageTitle(title, site string) string {
	title = strings.TrimSpace(title)
	if site != "" {
		for _, sep := range []string{" | ", " - ", " – ", " — "} {
			if t, ok := strings.CutSuffix(title, sep+site); ok {
				return t
			}
		}
	}
	if t, _, ok := strings.Cut(title, " | "); ok && len(strings.Fields(t)) >= 2 {
		return strings.TrimSpace(t)
	}
	return title
}

// dropBylineLine removes a first paragraph that only repeats the byline.
func dropBylineLine(text, byline string) string {
	first, rest, _ := strings.Cut(text, "\n")
	first = strings.TrimSpace(first)
	m := bylineLine.FindStringSubmatch(first)
	if first == "" || (first != byline && (m == nil || (byline != "" && m[1] != byline))) {
		return text
	}
	return strings.TrimLeft(rest, "\n")
}

// hasProse tells an article from a page of menus and links: readability
// always returns something, but an article has a paragraph of ten words.
func hasProse(text string) bool {
	for line := range strings.Lines(text) {
		if len(strings.Fields(line)) >= 10 {
			return true
		}
	}
	return false
}
