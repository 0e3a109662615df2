package cli

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"mediareview/analysis"
	"mediareview/app/textfile"
)

// analyzeOptions are the flags of the analyze command.
type analyzeOptions struct {
	format   string
	out      string
	maxBytes int64
	file     string
}

// runAnalyze labels the sentences of one article and writes the result as
// text, JSON or CSV.
func runAnalyze(args []string, stdio IO) int {
	opt, err := parseAnalyze(args)
	if err != nil {
		fmt.Fprintf(stdio.Stderr, "mediareview analyze: %v\n", err)
		fmt.Fprintln(stdio.Stderr, "usage: mediareview analyze [--format text|json|csv] [--out FILE] [--max-bytes N] FILE|-")
		return 2
	}
	text, err := readArticle(opt, stdio.Stdin)
	if err != nil {
		fmt.Fprintf(stdio.Stderr, "mediareview analyze: %v\n", err)
		return 1
	}
	a, err := analysis.New()
	if err != nil {
		fmt.Fprintf(stdio.Stderr, "mediareview analyze: %v\n", err)
		return 1
	}
	r, err := a.Analyze(context.Background(), text, nil)
	if err != nil {
		fmt.Fprintf(stdio.Stderr, "mediareview analyze: %s: %v\n", opt.file, err)
		return 1
	}
	if err := writeResult(opt, r, stdio.Stdout); err != nil {
		fmt.Fprintf(stdio.Stderr, "mediareview analyze: %v\n", err)
		return 1
	}
	return 0
}

// parseAnalyze reads the flags, which may come before or after the file.
func parseAnalyze(args []string) (analyzeOptions, error) {
	opt := analyzeOptions{format: "text", maxBytes: textfile.DefaultMaxBytes}
	fs := flag.NewFlagSet("analyze", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&opt.format, "format", opt.format, "text, json or csv")
	fs.StringVar(&opt.out, "out", "", "write to FILE instead of standard output")
	fs.Int64Var(&opt.maxBytes, "max-bytes", opt.maxBytes, "refuse larger input")
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			return opt, err
		}
		if fs.NArg() == 0 {
			break
		}
		files = append(files, fs.Arg(0))
		args = fs.Args()[1:]
	}
	switch {
	case len(files) != 1:
		return opt, errors.New("give exactly one FILE, or - for standard input")
	case opt.format != "text" && opt.format != "json" && opt.format != "csv":
		return opt, fmt.Errorf("unknown format %q: use text, json or csv", opt.format)
	case opt.maxBytes <= 0:
		return opt, errors.New("--max-bytes must be positive")
	}
	opt.file = files[0]
	return opt, nil
}

// readArticle reads and decodes the input; an empty file is an empty text.
func readArticle(opt analyzeOptions, stdin io.Reader) (string, error) {
	var text string
	var err error
	if opt.file == "-" {
		text, err = textfile.ReadFrom("standard input", stdin, opt.maxBytes)
	} else {
		text, err = textfile.Read(opt.file, opt.maxBytes)
	}
	if errors.Is(err, textfile.ErrEmpty) {
		return "", nil
	}
	return text, err
}

// writeResult writes r in the chosen format to --out or to stdout.
func writeResult(opt analyzeOptions, r *analysis.Result, stdout io.Writer) error {
	w, colour := stdout, isTerminal(stdout)
	var f *os.File
	if opt.out != "" && opt.out != "-" {
		var err error
		if f, err = os.Create(opt.out); err != nil {
			return fmt.Errorf("cannot write %s: %w", opt.out, err)
		}
		w, colour = f, false
	}
	var err error
	switch opt.format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		err = enc.Encode(r)
	case "csv":
		err = writeCSV(w, r)
	default:
		err = writeText(w, r, colour)
	}
	if f != nil {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", outName(opt.out), err)
	}
	return nil
}

func outName(out string) string {
	if out == "" || out == "-" {
		return "standard output"
	}
	return out
}

// isTerminal says whether w is a terminal that wants colour.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// writeCSV writes one row per sentence.
func writeCSV(w io.Writer, r *analysis.Result) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"index", "start", "end", "label", "confidence", "source", "cue", "signals", "text"})
	for _, s := range r.Sentences {
		cw.Write([]string{strconv.Itoa(s.Index), strconv.Itoa(s.Start), strconv.Itoa(s.End), string(s.Label),
			strconv.FormatFloat(s.Confidence, 'f', 2, 64), s.Source, s.Cue, signalList(s.Signals), s.Text})
	}
	cw.Flush()
	return cw.Error()
}

// signalList writes signals as "kind: words; kind: words".
func signalList(sigs []analysis.Signal) string {
	parts := make([]string, len(sigs))
	for i, g := range sigs {
		parts[i] = string(g.Kind) + ": " + g.Text
	}
	return strings.Join(parts, "; ")
}
