// Package textfile turns a file's bytes into text: UTF-8 (with or without a
// byte-order mark), UTF-16 with a byte-order mark, or legacy Windows-1252.
// It refuses binary data, files over a size limit and empty files with
// errors that name the file and say why in plain words.
package textfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// DefaultMaxBytes is the size limit used when a caller has no better one:
// far above any news article, far below what would stall the analyser.
const DefaultMaxBytes int64 = 20 << 20

// The reasons a file is refused. Match them with errors.Is.
var (
	ErrBinary     = errors.New("is not a text file (binary data)")
	ErrTooLarge   = errors.New("is too large")
	ErrEmpty      = errors.New("is empty")
	ErrUnreadable = errors.New("cannot be read")
	ErrFolder     = errors.New("is a folder, not a file")
)

// Error says which file was refused and why. Reason is one of the Err…
// values above; Cause, when not nil, is the underlying system error.
type Error struct {
	Name   string
	Reason error
	Cause  error
	Size   int64 // for ErrTooLarge: the size found (at least Limit+1)
	Limit  int64 // for ErrTooLarge: the limit
}

func (e *Error) Error() string {
	switch {
	case errors.Is(e.Reason, ErrTooLarge):
		return fmt.Sprintf("%s is too large (%s; the limit is %s)", e.Name, HumanSize(e.Size), HumanSize(e.Limit))
	case e.Cause != nil:
		return fmt.Sprintf("%s %s: %s", e.Name, e.Reason, plainCause(e.Cause))
	}
	return fmt.Sprintf("%s %s", e.Name, e.Reason)
}

// Unwrap lets errors.Is match both the reason and the system error.
func (e *Error) Unwrap() []error {
	if e.Cause == nil {
		return []error{e.Reason}
	}
	return []error{e.Reason, e.Cause}
}

func plainCause(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// HumanSize writes a byte count the way a file manager does: "812 bytes",
// "14.2 KB", "25.3 MB" (1 KB = 1024 bytes).
func HumanSize(n int64) string {
	const kb, mb = 1 << 10, 1 << 20
	trim := func(f float64) string { return strings.TrimSuffix(fmt.Sprintf("%.1f", f), ".0") }
	switch {
	case n < kb:
		return fmt.Sprintf("%d bytes", n)
	case n < mb:
		return trim(float64(n)/kb) + " KB"
	}
	return trim(float64(n)/mb) + " MB"
}

// Read reads and decodes the file at path, refusing it before reading it all
// when it is larger than maxBytes (DefaultMaxBytes when maxBytes <= 0).
func Read(path string, maxBytes int64) (string, error) {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	f, err := os.Open(path)
	if err != nil {
		return "", &Error{Name: path, Reason: ErrUnreadable, Cause: err}
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return "", &Error{Name: path, Reason: ErrUnreadable, Cause: err}
	}
	if info.IsDir() {
		return "", &Error{Name: path, Reason: ErrFolder}
	}
	if info.Mode().IsRegular() && info.Size() > maxBytes {
		return "", &Error{Name: path, Reason: ErrTooLarge, Size: info.Size(), Limit: maxBytes}
	}
	return ReadFrom(path, f, maxBytes)
}

// ReadFrom reads and decodes r (standard input, a pipe, a dropped file),
// stopping as soon as it passes maxBytes. name is used in errors.
func ReadFrom(name string, r io.Reader, maxBytes int64) (string, error) {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	b, err := io.ReadAll(io.LimitReader(r, maxBytes+1))
	if err != nil {
		return "", &Error{Name: name, Reason: ErrUnreadable, Cause: err}
	}
	if int64(len(b)) > maxBytes {
		return "", &Error{Name: name, Reason: ErrTooLarge, Size: int64(len(b)), Limit: maxBytes}
	}
	return Decode(name, b)
}

// Decode turns b into text. UTF-8 comes back byte for byte (a leading BOM
// removed, line endings kept); UTF-16 needs its BOM; bytes that are not
// valid UTF-8 are read as Windows-1252. Text that is blank is ErrEmpty; text
// with NUL bytes or many control characters is ErrBinary.
func Decode(name string, b []byte) (string, error) {
	text := decode(b)
	if strings.TrimSpace(text) == "" {
		return "", &Error{Name: name, Reason: ErrEmpty}
	}
	if looksBinary(text) {
		return "", &Error{Name: name, Reason: ErrBinary}
	}
	return text, nil
}

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

func decode(b []byte) string {
	switch {
	case bytes.HasPrefix(b, bomUTF8):
		return strings.ToValidUTF8(string(b[len(bomUTF8):]), "\uFFFD")
	case bytes.HasPrefix(b, bomUTF16LE):
		return decodeUTF16(b[2:], false)
	case bytes.HasPrefix(b, bomUTF16BE):
		return decodeUTF16(b[2:], true)
	case utf8.Valid(b):
		return string(b)
	}
	return decodeWindows1252(b)
}

func decodeUTF16(b []byte, bigEndian bool) string {
	units := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		if bigEndian {
			units = append(units, uint16(b[i])<<8|uint16(b[i+1]))
		} else {
			units = append(units, uint16(b[i+1])<<8|uint16(b[i]))
		}
	}
	s := string(utf16.Decode(units))
	if len(b)%2 == 1 {
		s += "\uFFFD" // a truncated last code unit
	}
	return s
}

// windows1252 maps bytes 0x80–0x9F, the only ones where Windows-1252
// differs from Latin-1. The five unassigned bytes map to the C1 control of
// the same number, as the WHATWG encoding standard does.
var windows1252 = [32]rune{
	'€', 0x81, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0x8D, 'Ž', 0x8F,
	0x90, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0x9D, 'ž', 'Ÿ',
}

func decodeWindows1252(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/8)
	for _, c := range b {
		switch {
		case c < 0x80:
			sb.WriteByte(c)
		case c < 0xA0:
			sb.WriteRune(windows1252[c-0x80])
		default:
			sb.WriteRune(rune(c))
		}
	}
	return sb.String()
}

// looksBinary reports NUL bytes, or control characters other than line and
// page breaks in more than one character in a hundred (one stray control
// character is forgiven: copy-and-paste leaves them in real articles).
func looksBinary(text string) bool {
	if strings.IndexByte(text, 0) >= 0 {
		return true
	}
	controls, total := 0, 0
	for _, r := range text {
		total++
		if isStrayControl(r) {
			controls++
		}
	}
	return controls > 1+total/100
}

func isStrayControl(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', 0x85:
		return false
	}
	return unicode.IsControl(r)
}
