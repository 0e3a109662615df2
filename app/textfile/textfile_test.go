package textfile

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

func utf16Bytes(s string, bigEndian bool) []byte {
	var b []byte
	if bigEndian {
		b = append(b, 0xFE, 0xFF)
	} else {
		b = append(b, 0xFF, 0xFE)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	return b
}

func TestDecode(t *testing.T) {
	const article = "The council met on Monday.\r\n“We will act,” the mayor said — café 🚲.\n"
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"utf8 kept byte for byte", []byte(article), article},
		{"utf8 bom stripped", append([]byte{0xEF, 0xBB, 0xBF}, article...), article},
		{"utf16 le", utf16Bytes(article, false), article},
		{"utf16 be", utf16Bytes(article, true), article},
		{"utf16 odd length", append(utf16Bytes("Hi there", false), 'x'), "Hi there\uFFFD"},
		{"windows-1252 quotes and euro", []byte("\x93Price\x94 is \x80 5 \x96 caf\xe9\x85"), "“Price” is € 5 – café…"},
		{"windows-1252 unassigned byte", []byte("a\x81b costs caf\xe9 more than enough text to pass"), "a\u0081b costs café more than enough text to pass"},
		{"form feed and tab allowed", []byte("Page one.\f\tPage two."), "Page one.\f\tPage two."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode("a.txt", tt.in)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if got != tt.want {
				t.Errorf("Decode = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDecodeRefuses(t *testing.T) {
	tests := []struct {
		name    string
		in      []byte
		reason  error
		message string
	}{
		{"nul bytes", []byte("PK\x03\x04\x00\x00 zip"), ErrBinary, "x.bin is not a text file (binary data)"},
		{"utf16 without bom", []byte("H\x00i\x00"), ErrBinary, "x.bin is not a text file (binary data)"},
		{"control characters", []byte("\x01\x02\x03 some \x1b[0m words \x07"), ErrBinary, "x.bin is not a text file (binary data)"},
		{"empty", nil, ErrEmpty, "x.bin is empty"},
		{"blank", []byte(" \r\n\t\n"), ErrEmpty, "x.bin is empty"},
		{"bom only", []byte{0xEF, 0xBB, 0xBF}, ErrEmpty, "x.bin is empty"},
		{"utf16 binary", utf16Bytes("a\x00b", false), ErrBinary, "x.bin is not a text file (binary data)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode("x.bin", tt.in)
			if !errors.Is(err, tt.reason) {
				t.Fatalf("Decode error = %v, want %v", err, tt.reason)
			}
			if err.Error() != tt.message {
				t.Errorf("message = %q, want %q", err.Error(), tt.message)
			}
			var fe *Error
			if !errors.As(err, &fe) || fe.Name != "x.bin" {
				t.Errorf("error %v is not an *Error naming x.bin", err)
			}
		})
	}
}

func TestRead(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	ok := write("ok.txt", []byte("Short text.\n"))
	big := write("big.txt", bytes.Repeat([]byte("word "), 300))
	tests := []struct {
		name    string
		path    string
		max     int64
		want    string
		reason  error
		message string
	}{
		{"reads", ok, 0, "Short text.\n", nil, ""},
		{"at the limit", ok, 12, "Short text.\n", nil, ""},
		{"over the limit", big, 1000, "", ErrTooLarge, big + " is too large (1.5 KB; the limit is 1000 bytes)"},
		{"missing", filepath.Join(dir, "nope.txt"), 0, "", ErrUnreadable, filepath.Join(dir, "nope.txt") + " cannot be read: no such file"},
		{"folder", dir, 0, "", ErrFolder, dir + " is a folder, not a file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read(tt.path, tt.max)
			if tt.reason == nil {
				if err != nil || got != tt.want {
					t.Fatalf("Read = %q, %v; want %q", got, err, tt.want)
				}
				return
			}
			if !errors.Is(err, tt.reason) || err.Error() != tt.message {
				t.Fatalf("Read error = %q, want %q (%v)", err, tt.message, tt.reason)
			}
		})
	}
	if _, err := Read(filepath.Join(dir, "nope.txt"), 0); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file error %v does not match fs.ErrNotExist", err)
	}
}

// TestReadUnreadable checks paths that cannot be read. Root reads any
// file, so the permission case only runs as another user; the path through
// a file runs for everyone.
func TestReadUnreadable(t *testing.T) {
	dir := t.TempDir()
	secret := filepath.Join(dir, "secret.txt")
	if err := os.WriteFile(secret, []byte("text"), 0o000); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path, suffix string
		cause        error
	}{
		{filepath.Join(secret, "inside.txt"), "not a directory", nil},
	}
	if os.Geteuid() != 0 {
		tests = append(tests, struct {
			path, suffix string
			cause        error
		}{secret, "permission denied", fs.ErrPermission})
	}
	for _, tt := range tests {
		_, err := Read(tt.path, 0)
		if !errors.Is(err, ErrUnreadable) || !strings.HasSuffix(err.Error(), tt.suffix) ||
			(tt.cause != nil && !errors.Is(err, tt.cause)) {
			t.Errorf("Read(%s) error = %v, want it unreadable: %s", tt.path, err, tt.suffix)
		}
	}
}

func TestReadFromStopsAtLimit(t *testing.T) {
	r := &countingReader{}
	_, err := ReadFrom("stdin", r, 4096)
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("ReadFrom error = %v, want ErrTooLarge", err)
	}
	if r.n > 4096+32*1024 {
		t.Errorf("ReadFrom read %d bytes of an endless stream, want it to stop near the limit", r.n)
	}
}

type countingReader struct{ n int }

func (r *countingReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	r.n += len(p)
	return len(p), nil
}

func TestHumanSize(t *testing.T) {
	tests := []struct {
		n    int64
		want string
	}{
		{0, "0 bytes"}, {1023, "1023 bytes"}, {1024, "1 KB"}, {1536, "1.5 KB"},
		{20 << 20, "20 MB"}, {26528972, "25.3 MB"},
	}
	for _, tt := range tests {
		if got := HumanSize(tt.n); got != tt.want {
			t.Errorf("HumanSize(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte("plain text\r\n"))
	f.Add(utf16Bytes("“quoted” text", false))
	f.Add([]byte("\x93caf\xe9\x94"))
	f.Fuzz(func(t *testing.T, b []byte) {
		got, err := Decode("fuzz", b)
		if err != nil {
			var fe *Error
			if !errors.As(err, &fe) {
				t.Fatalf("error %v is not an *Error", err)
			}
			return
		}
		if !utf8.ValidString(got) {
			t.Fatalf("Decode returned invalid UTF-8 %q", got)
		}
		if utf8.Valid(b) && !bytes.HasPrefix(b, bomUTF8) && !bytes.HasPrefix(b, bomUTF16LE) && !bytes.HasPrefix(b, bomUTF16BE) && got != string(b) {
			t.Fatalf("valid UTF-8 changed: %q -> %q", b, got)
		}
	})
}

func BenchmarkDecodeWindows1252(b *testing.B) {
	in := bytes.Repeat([]byte("The \x93council\x94 met on Monday \x96 caf\xe9. "), 20000)
	b.ReportAllocs()
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		if _, err := Decode("bench", in); err != nil {
			b.Fatal(err)
		}
	}
}
