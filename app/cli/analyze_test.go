package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"mediareview/analysis"
)

const analyzeArticle = "Ferry halted\n\n“We cannot keep paying,” Mayor Lena Varga said.\r\nCritics say the plan is rushed.\n"

// runCLI runs the command line with stdin and returns the exit code and
// what it wrote.
func runCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	win, code := Main(args, IO{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut})
	if win != nil {
		t.Fatalf("%v opened the window", args)
	}
	return code, out.String(), errOut.String()
}

func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func decodeResult(t *testing.T, out string) *analysis.Result {
	t.Helper()
	var r analysis.Result
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("output is not the JSON result: %v\n%s", err, out)
	}
	return &r
}

func TestAnalyzeJSON(t *testing.T) {
	path := writeFile(t, "a.txt", []byte(analyzeArticle))
	for _, args := range [][]string{
		{"analyze", "--format", "json", path},
		{"analyze", path, "--format=json"}, // flags after the file
	} {
		code, out, errOut := runCLI(t, "", args...)
		if code != 0 || errOut != "" {
			t.Fatalf("%v: exit %d, stderr %q", args, code, errOut)
		}
		r := decodeResult(t, out)
		if r.Text != analyzeArticle {
			t.Errorf("text is not byte-identical to the input (CRLF kept): %q", r.Text)
		}
		if r.Analyzer.Version != analysis.Version || len(r.Sentences) != 3 || len(r.Quotes) != 1 {
			t.Errorf("unexpected result: version %q, %d sentences, %d quotes", r.Analyzer.Version, len(r.Sentences), len(r.Quotes))
		}
		if q := r.Quotes[0]; q.Speaker != "Lena Varga" || q.Cue != "said" {
			t.Errorf("quote %+v", q)
		}
	}
}

func TestAnalyzeStdinAndOut(t *testing.T) {
	out := filepath.Join(t.TempDir(), "result.json")
	code, stdout, errOut := runCLI(t, analyzeArticle, "analyze", "--format", "json", "--out", out, "-")
	if code != 0 || stdout != "" || errOut != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, errOut)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if r := decodeResult(t, string(b)); r.Text != analyzeArticle {
		t.Errorf("stdin text %q", r.Text)
	}
}

func TestAnalyzeCSV(t *testing.T) {
	code, out, _ := runCLI(t, analyzeArticle, "analyze", "--format", "csv", "-")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"index", "start", "end", "label", "confidence", "source", "cue", "signals", "text"}
	if len(rows) != 4 || strings.Join(rows[0], ",") != strings.Join(want, ",") {
		t.Fatalf("rows %q", rows)
	}
	if rows[2][3] != "quote" || rows[2][5] != "Lena Varga" || rows[3][7] != "vague-source: Critics" {
		t.Errorf("rows %q", rows[1:])
	}
}

func TestAnalyzeText(t *testing.T) {
	code, out, _ := runCLI(t, analyzeArticle, "analyze", "-")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"2. QUOTE", "source: Lena Varga", `cue: "said"`, "why: vague-source \"Critics\"",
		"Quotes\n  direct, Lena Varga", "Summary: 3 sentences"} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "\x1b[") {
		t.Error("colour codes written to a file or pipe")
	}
}

func TestAnalyzeDecodesInput(t *testing.T) {
	text := "“Grüße,” sagte sie.\r\n"
	units := utf16.Encode([]rune(text))
	le := []byte{0xff, 0xfe}
	for _, u := range units {
		le = append(le, byte(u), byte(u>>8))
	}
	tests := map[string][]byte{
		"utf8.txt":     []byte(text),
		"bom.txt":      append([]byte{0xef, 0xbb, 0xbf}, text...),
		"utf16le.txt":  le,
		"cp1252.txt":   {0x93, 'G', 'r', 0xfc, 0xdf, 'e', ',', 0x94, ' ', 's', 'a', 'g', 't', 'e', ' ', 's', 'i', 'e', '.', '\r', '\n'},
		"empty.txt":    {},
		"only-crlf.md": []byte("\r\n"),
	}
	for name, data := range tests {
		t.Run(name, func(t *testing.T) {
			code, out, errOut := runCLI(t, "", "analyze", "--format", "json", writeFile(t, name, data))
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			r := decodeResult(t, out)
			switch {
			case name == "empty.txt" || name == "only-crlf.md":
				if len(r.Sentences) != 0 || r.Sentences == nil {
					t.Errorf("empty input: want an empty sentence list, got %v", r.Sentences)
				}
			case r.Text != text:
				t.Errorf("decoded %q, want %q", r.Text, text)
			}
		})
	}
}

func TestAnalyzeRefuses(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing.txt")
	binary := writeFile(t, "photo.txt", []byte{0x89, 'P', 'N', 'G', 0, 0, 0, 0x0d, 0, 1, 2, 3})
	big := writeFile(t, "big.txt", []byte(strings.Repeat("word ", 100)))
	tests := []struct {
		name string
		args []string
		code int
		want string // in the one line on stderr
	}{
		{"missing file", []string{missing}, 1, "missing.txt"},
		{"folder", []string{t.TempDir()}, 1, "folder"},
		{"binary", []string{binary}, 1, "photo.txt is not a text file"},
		{"too large", []string{"--max-bytes", "100", big}, 1, "big.txt is too large"},
		{"no file", nil, 2, "give exactly one FILE"},
		{"two files", []string{big, big}, 2, "give exactly one FILE"},
		{"bad format", []string{"--format", "xml", big}, 2, `unknown format "xml"`},
		{"bad limit", []string{"--max-bytes", "0", big}, 2, "--max-bytes"},
		{"unknown flag", []string{"--colour", big}, 2, "colour"},
		{"unwritable out", []string{"--out", filepath.Join(missing, "x.json"), big}, 1, "cannot write"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, "", append([]string{"analyze"}, tt.args...)...)
			if code != tt.code || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errOut, tt.code, tt.want)
			}
			if out != "" {
				t.Errorf("wrote %q to stdout on failure", out)
			}
			if code == 1 && strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
				t.Errorf("want one line on stderr, got %q", errOut)
			}
		})
	}
}
