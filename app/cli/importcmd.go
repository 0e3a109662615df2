package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"

	"mediareview/analysis"
	"mediareview/app/importer"
	"mediareview/app/store"
	"mediareview/app/textfile"
)

const importUsage = "usage: mediareview import [--db PATH] [--max-bytes N] FILE...  (- reads standard input)"

// runImport adds each file to the library, analyses it and prints one line
// per file; a file that fails gets its own error line and the rest go on.
func runImport(args []string, stdio IO) int {
	fs, db := libraryFlags("import", importUsage, stdio)
	maxBytes := fs.Int64("max-bytes", textfile.DefaultMaxBytes, "refuse larger files")
	files, err := parseInterleaved(fs, args)
	if err != nil {
		return 2
	}
	if len(files) == 0 {
		fmt.Fprintln(stdio.Stderr, "mediareview import: give at least one FILE")
		fmt.Fprintln(stdio.Stderr, importUsage)
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	st, err := store.Open(ctx, *db)
	if err != nil {
		fmt.Fprintf(stdio.Stderr, "mediareview import: %v\n", err)
		return 1
	}
	defer st.Close()
	an, err := analysis.New()
	if err != nil {
		fmt.Fprintf(stdio.Stderr, "mediareview import: %v\n", err)
		return 1
	}
	failed := 0
	for _, file := range files {
		line, err := importFile(ctx, st, an, file, *maxBytes, stdio.Stdin)
		if err != nil {
			fmt.Fprintf(stdio.Stderr, "mediareview import: %v\n", err)
			failed++
			if ctx.Err() != nil {
				break
			}
			continue
		}
		fmt.Fprintln(stdio.Stdout, line)
	}
	if failed > 0 {
		fmt.Fprintf(stdio.Stderr, "mediareview import: %d of %d files not imported\n", failed, len(files))
		return 1
	}
	return 0
}

// libraryFlags starts the flags of a command that works on the library:
// errors and usage go to stderr, and --db names the database.
func libraryFlags(name, usage string, stdio IO) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet("mediareview "+name, flag.ContinueOnError)
	fs.SetOutput(stdio.Stderr)
	fs.Usage = func() { fmt.Fprintln(stdio.Stderr, usage) }
	return fs, fs.String("db", "", "database file (default: MEDIAREVIEW_DB or the app's storage folder)")
}

// importFile imports, analyses and stores one file and returns its line of
// output: id, title, sentence count.
func importFile(ctx context.Context, st *store.Store, an *analysis.Analyzer, file string, maxBytes int64, stdin io.Reader) (string, error) {
	a, err := readImport(file, maxBytes, stdin)
	if err != nil {
		return "", err
	}
	id, existed, err := st.AddArticle(ctx, store.Article{Title: a.Title, Origin: a.Origin,
		Byline: a.Byline, Published: a.Published, Text: a.Text})
	if err != nil {
		return "", fmt.Errorf("%s: %w", file, err)
	}
	res, err := currentAnalysis(ctx, st, an, id, a.Text)
	if err != nil {
		return "", fmt.Errorf("%s: %w", file, err)
	}
	line := fmt.Sprintf("%d\t%s\t%d sentences", id, a.Title, len(res.Sentences))
	if existed {
		line += "\t(already in the library)"
	}
	return line, nil
}

// readImport reads a file, or standard input for "-" (pasted text or a
// page piped from another program).
func readImport(file string, maxBytes int64, stdin io.Reader) (importer.Article, error) {
	if file != "-" {
		return importer.File(file, maxBytes)
	}
	text, err := textfile.ReadFrom("standard input", stdin, maxBytes)
	if err != nil {
		return importer.Article{}, err
	}
	a, err := importer.Parse("", text)
	if ne := (*importer.NotArticleError)(nil); errors.As(err, &ne) {
		ne.Name = "standard input"
	}
	return a, err
}

// currentAnalysis returns the article's analysis by this analyser version,
// analysing and storing it when there is none yet.
func currentAnalysis(ctx context.Context, st *store.Store, an *analysis.Analyzer, id int64, text string) (*analysis.Result, error) {
	res, err := st.Analysis(ctx, id, analysis.Version)
	if err == nil && res.Analyzer.Name == analysis.Name {
		return res, nil
	}
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return nil, err
	}
	if res, err = an.Analyze(ctx, text, nil); err != nil {
		return nil, fmt.Errorf("analyse: %w", err)
	}
	if err := st.SaveAnalysis(ctx, id, res); err != nil {
		return nil, err
	}
	return res, nil
}
