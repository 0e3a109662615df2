package importer

import (
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"strings"

	"mediareview/app/textfile"
)

// pageFromMHTML takes the web page out of a single-file web archive
// (.mhtml, what Chrome and Edge save): a MIME message whose first text/html
// part is the page.
func pageFromMHTML(name, archive string) (string, error) {
	refuse := func(err error) (string, error) {
		return "", &textfile.Error{Name: name, Reason: ErrNoArticle, Cause: err}
	}
	msg, err := mail.ReadMessage(strings.NewReader(archive))
	if err != nil {
		return refuse(err)
	}
	mediaType, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil {
		return refuse(err)
	}
	if !strings.HasPrefix(mediaType, "multipart/") {
		return decodePart(name, msg.Header.Get("Content-Transfer-Encoding"), msg.Body)
	}
	parts := multipart.NewReader(msg.Body, params["boundary"])
	for {
		part, err := parts.NextRawPart()
		if errors.Is(err, io.EOF) {
			return refuse(errors.New("the archive holds no web page"))
		}
		if err != nil {
			return refuse(err)
		}
		if t, _, _ := mime.ParseMediaType(part.Header.Get("Content-Type")); t == "text/html" {
			return decodePart(name, part.Header.Get("Content-Transfer-Encoding"), part)
		}
	}
}

// decodePart undoes the transfer encoding of one part; its bytes are then
// read like any text file (UTF-8, or Windows-1252 when not valid UTF-8).
func decodePart(name, encoding string, r io.Reader) (string, error) {
	switch strings.ToLower(strings.TrimSpace(encoding)) {
	case "quoted-printable":
		r = quotedprintable.NewReader(r)
	case "base64":
		r = base64.NewDecoder(base64.StdEncoding, &lineJoiner{r: r})
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return "", &textfile.Error{Name: name, Reason: ErrNoArticle, Cause: fmt.Errorf("decode the page: %w", err)}
	}
	return textfile.Decode(name, b)
}

// lineJoiner drops the line breaks base64 bodies are wrapped with.
type lineJoiner struct{ r io.Reader }

func (l *lineJoiner) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	k := 0
	for _, c := range p[:n] {
		if c != '\r' && c != '\n' {
			p[k] = c
			k++
		}
	}
	return k, err
}
