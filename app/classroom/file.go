package classroom

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"unicode/utf8"

	"mediareview/analysis"
)

// The exercise file format: see docs/exercise-format.md.
const (
	Format        = "mediareview-exercise"
	FormatVersion = 1
	MediaType     = "application/vnd.mediareview.exercise+zip"
	Ext           = ".mrexercise"
)

// The entries of an exercise file, in the order they are written and hashed.
const (
	entryMimetype = "mimetype"
	entryManifest = "manifest.json"
	entryArticle  = "article.txt"
	entryKey      = "key.json"
	entryMachine  = "machine.json"
)

var hashedEntries = []string{entryManifest, entryArticle, entryKey, entryMachine}

// maxEntry bounds each entry read back, so a crafted file cannot exhaust
// memory.
const maxEntry = 64 << 20

type keyFile struct {
	Sentences []KeySentence `json:"sentences"`
	Quotes    []KeyQuote    `json:"quotes"`
}

// Marshal encodes the exercise as the bytes of a .mrexercise file and sets
// its Hash.
func (e *Exercise) Marshal() ([]byte, error) {
	entries, err := e.entries()
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	when := e.Manifest.Created
	mt, err := zw.CreateHeader(&zip.FileHeader{Name: entryMimetype, Method: zip.Store, Modified: when})
	if err == nil {
		_, err = io.WriteString(mt, MediaType)
	}
	for _, name := range hashedEntries {
		if err != nil {
			break
		}
		var w io.Writer
		if w, err = zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: when}); err == nil {
			_, err = w.Write(entries[name])
		}
	}
	if err == nil {
		err = zw.Close()
	}
	if err != nil {
		return nil, fmt.Errorf("encode exercise: %w", err)
	}
	e.Hash = contentHash(entries)
	return buf.Bytes(), nil
}

func (e *Exercise) entries() (map[string][]byte, error) {
	out := map[string][]byte{entryArticle: []byte(e.Text)}
	for name, v := range map[string]any{
		entryManifest: e.Manifest,
		entryKey:      keyFile{Sentences: e.Sentences, Quotes: e.Quotes},
		entryMachine:  e.Machine,
	} {
		b, err := json.MarshalIndent(v, "", "  ")
		if err != nil {
			return nil, fmt.Errorf("encode exercise %s: %w", name, err)
		}
		out[name] = b
	}
	return out, nil
}

func contentHash(entries map[string][]byte) string {
	h := sha256.New()
	for _, name := range hashedEntries {
		fmt.Fprintf(h, "%s\n%d\n", name, len(entries[name]))
		h.Write(entries[name])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Write saves the exercise to path, atomically: a crash leaves either the
// old file or the new one.
func (e *Exercise) Write(path string) error {
	b, err := e.Marshal()
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return writeFileAtomic(path, b)
}

// Open reads an exercise file.
func Open(path string) (*Exercise, error) {
	return readFile(path, maxEntry*2, Unmarshal)
}

// ErrNotExercise says a file is not an exercise file at all.
var ErrNotExercise = errors.New("not a Media Review exercise file")

// Unmarshal decodes the bytes of a .mrexercise file and checks that every
// span fits the text.
func Unmarshal(b []byte) (*Exercise, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, fmt.Errorf("%w (damaged or incomplete zip: %v)", ErrNotExercise, err)
	}
	entries := map[string][]byte{}
	for _, f := range zr.File {
		if f.Name != entryMimetype && !contains(hashedEntries, f.Name) {
			continue // later minor versions may add entries
		}
		if entries[f.Name], err = readEntry(f); err != nil {
			return nil, err
		}
	}
	if string(entries[entryMimetype]) != MediaType {
		return nil, ErrNotExercise
	}
	e := &Exercise{Text: string(entries[entryArticle])}
	if err := decodeEntry(entries, entryManifest, &e.Manifest); err != nil {
		return nil, err
	}
	if err := checkManifest(e.Manifest); err != nil {
		return nil, err
	}
	var key keyFile
	if err := decodeEntry(entries, entryKey, &key); err != nil {
		return nil, err
	}
	e.Sentences, e.Quotes = key.Sentences, key.Quotes
	if err := decodeEntry(entries, entryMachine, &e.Machine); err != nil {
		return nil, err
	}
	if err := e.check(); err != nil {
		return nil, err
	}
	e.Hash = contentHash(entries)
	return e, nil
}

func readEntry(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: entry %s: %v", ErrNotExercise, f.Name, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, maxEntry+1))
	if err != nil {
		return nil, fmt.Errorf("damaged exercise: entry %s: %w", f.Name, err)
	}
	if len(b) > maxEntry {
		return nil, fmt.Errorf("exercise entry %s is larger than %d MiB", f.Name, maxEntry>>20)
	}
	return b, nil
}

func decodeEntry(entries map[string][]byte, name string, v any) error {
	b, ok := entries[name]
	if !ok {
		return fmt.Errorf("damaged exercise: %s is missing", name)
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("damaged exercise: %s: %w", name, err)
	}
	return nil
}

func checkManifest(m Manifest) error {
	switch {
	case m.Format != Format:
		return fmt.Errorf("%w: format %q", ErrNotExercise, m.Format)
	case m.FormatVersion > FormatVersion:
		return fmt.Errorf("exercise format version %d is newer than this Media Review understands (%d): update Media Review", m.FormatVersion, FormatVersion)
	case m.FormatVersion < 1 || m.ID == "" || m.Secret == "":
		return fmt.Errorf("damaged exercise: manifest lacks version, id or secret")
	}
	if _, err := ParseAsk(string(m.Settings.Ask)); err != nil {
		return fmt.Errorf("damaged exercise: %w", err)
	}
	return nil
}

// check refuses spans that do not fit the text and labels outside the
// contract, so that nothing later can panic on a crafted file.
func (e *Exercise) check() error {
	if !utf8.ValidString(e.Text) {
		return errors.New("damaged exercise: article text is not UTF-8")
	}
	if len(e.Sentences) == 0 {
		return fmt.Errorf("damaged exercise: %w", errNoSentences)
	}
	fits := func(start, end int) bool { return 0 <= start && start <= end && end <= len(e.Text) }
	for i, s := range e.Sentences {
		if s.Index != i || !fits(s.Start, s.End) || (s.Label != "" && !knownLabel(s.Label)) {
			return fmt.Errorf("damaged exercise: key sentence %d", i+1)
		}
	}
	for i, q := range e.Quotes {
		if q.Index != i || !fits(q.Start, q.End) || !partsFit(q) {
			return fmt.Errorf("damaged exercise: key quote %d", i+1)
		}
		for _, s := range q.Sentences {
			if s < 0 || s >= len(e.Sentences) {
				return fmt.Errorf("damaged exercise: key quote %d names sentence %d", i+1, s+1)
			}
		}
	}
	if e.Machine == nil {
		e.Machine = &analysis.Result{}
	}
	return nil
}

func knownLabel(l analysis.Label) bool { return contains(analysis.Labels, l) }

func contains[T comparable](list []T, v T) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// readFile reads at most limit bytes of the file at path and decodes
// them; a decoding error names the file.
func readFile[T any](path string, limit int64, decode func([]byte) (*T, error)) (*T, error) {
	b, err := readLimited(path, limit)
	if err != nil {
		return nil, err
	}
	v, err := decode(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return v, nil
}

func readLimited(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%s: larger than %d MiB", path, limit>>20)
	}
	return b, nil
}

// writeFileAtomic writes b to a temporary file beside path, syncs it and
// renames it over path.
func writeFileAtomic(path string, b []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	name := tmp.Name()
	_, err = tmp.Write(b)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(name, path)
	}
	if err != nil {
		os.Remove(name)
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// partsFit reports parts in order inside their quote's span.
func partsFit(q KeyQuote) bool {
	at := q.Start
	for _, p := range q.Parts {
		if p.Start < at || p.End < p.Start || p.End > q.End {
			return false
		}
		at = p.End
	}
	return true
}
