// Package cli is Media Review's command line: subcommands of the one binary
// that work with no display at all. With no subcommand it tells main to open
// the window.
package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"

	"mediareview/analysis"
	"mediareview/app/buildinfo"
)

// IO is where a command reads and writes.
type IO struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
}

// Window is what the command line asks of the window.
type Window struct {
	File     string // a file to open, empty for the last article or the sample
	Reviewer string // the reviewer's name or code; empty to ask or use preferences
	DB       string // the database path; empty for the default
}

type command struct {
	name, usage, summary string
	run                  func(args []string, stdio IO) int
}

func commands() []command {
	return []command{
		{"analyze", "analyze [--format text|json|csv] [--out FILE] [--max-bytes N] FILE|-", "label the sentences of an article", runAnalyze},
		{"import", "import [--db PATH] FILE...", "add articles to the library", runImport},
		{"export", "export [--db PATH] [--article ID|--all] [--reviewer NAME] [--anonymize] [--excel] [--summary] --out FILE.csv|-", "write the review report as CSV", runExport},
		{"exercise", "exercise create|grade ...", "make classroom exercises and grade submissions", runExercise},
		{"version", "version", "print the version", runVersion},
		{"help", "help", "show this help", runHelp},
	}
}

// Main runs the command line. When it returns a Window, main opens the
// window with it; otherwise it exits with code.
func Main(args []string, stdio IO) (win *Window, code int) {
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		for _, c := range commands() {
			if c.name == args[0] {
				return nil, c.run(args[1:], stdio)
			}
		}
	}
	return parseWindow(args, stdio)
}

func parseWindow(args []string, stdio IO) (*Window, int) {
	w := &Window{Reviewer: os.Getenv("MEDIAREVIEW_REVIEWER"), DB: os.Getenv("MEDIAREVIEW_DB")}
	fs := flag.NewFlagSet("mediareview", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&w.Reviewer, "reviewer", w.Reviewer, "reviewer name or code")
	fs.StringVar(&w.DB, "db", w.DB, "database file")
	if err := fs.Parse(args); err != nil {
		fmt.Fprintf(stdio.Stderr, "mediareview: %v\n\n", err)
		usage(stdio.Stderr)
		return nil, 2
	}
	switch fs.NArg() {
	case 0:
	case 1:
		w.File = fs.Arg(0)
	default:
		fmt.Fprintf(stdio.Stderr, "mediareview: unknown command %q\n\n", fs.Arg(0))
		usage(stdio.Stderr)
		return nil, 2
	}
	return w, 0
}

func usage(w io.Writer) {
	fmt.Fprintf(w, "%s %s: review news articles sentence by sentence.\n\n", buildinfo.Name, buildinfo.Version)
	fmt.Fprintln(w, "Usage:")
	fmt.Fprintln(w, "  mediareview [--reviewer NAME] [--db PATH] [FILE]   open the window (on FILE)")
	for _, c := range commands() {
		fmt.Fprintf(w, "  mediareview %s\n      %s\n", c.usage, c.summary)
	}
	fmt.Fprintln(w, "\nEnvironment: MEDIAREVIEW_DB (database path), MEDIAREVIEW_REVIEWER (reviewer name).")
}

func runHelp(_ []string, stdio IO) int {
	usage(stdio.Stdout)
	return 0
}

func runVersion(_ []string, stdio IO) int {
	fmt.Fprintf(stdio.Stdout, "mediareview %s\ngo %s %s/%s\nanalyser %s %s\n", buildinfo.Version,
		strings.TrimPrefix(runtime.Version(), "go"), runtime.GOOS, runtime.GOARCH, analysis.Name, analysis.Version)
	return 0
}
