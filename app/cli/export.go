package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"mediareview/app/report"
	"mediareview/app/store"
)

const exportUsage = "usage: mediareview export [--db PATH] [--article ID|--all] [--reviewer NAME] [--anonymize] [--excel] [--summary] --out FILE.csv|-"

// runExport writes the review report: every verdict, or with --summary one
// row per article and reviewer.
func runExport(args []string, stdio IO) int {
	fs, db := libraryFlags("export", exportUsage, stdio)
	var opts report.Options
	out := fs.String("out", "", "the CSV file to write, - for standard output")
	all := fs.Bool("all", false, "every article (the default)")
	fs.Int64Var(&opts.Article, "article", 0, "only the article with this id")
	fs.StringVar(&opts.Reviewer, "reviewer", "", "only this reviewer's verdicts")
	fs.BoolVar(&opts.Anonymize, "anonymize", false, "replace reviewer names with stable codes (R001, …)")
	fs.BoolVar(&opts.Excel, "excel", false, "start with a byte order mark so spreadsheet programs read UTF-8")
	fs.BoolVar(&opts.Summary, "summary", false, "one row per article and reviewer with agreement counts")
	rest, err := parseInterleaved(fs, args)
	if err != nil {
		return 2
	}
	switch {
	case len(rest) > 0:
		err = fmt.Errorf("unexpected argument %q", rest[0])
	case *out == "":
		err = errors.New("give --out FILE.csv, or --out - for standard output")
	case *all && opts.Article != 0:
		err = errors.New("give --article ID or --all, not both")
	case opts.Article < 0:
		err = errors.New("--article needs an article id from the library")
	}
	if err != nil {
		fmt.Fprintf(stdio.Stderr, "mediareview export: %v\n%s\n", err, exportUsage)
		return 2
	}
	n, err := export(context.Background(), *db, *out, opts, stdio.Stdout)
	if err != nil {
		fmt.Fprintf(stdio.Stderr, "mediareview export: %v\n", err)
		return 1
	}
	if *out != "-" {
		fmt.Fprintf(stdio.Stderr, "wrote %d rows to %s\n", n, *out)
	}
	return 0
}

func export(ctx context.Context, db, out string, opts report.Options, stdout io.Writer) (int, error) {
	if db == "" {
		p, err := store.DefaultPath()
		if err != nil {
			return 0, err
		}
		db = p
	}
	dbInfo, err := os.Stat(db)
	if err != nil {
		return 0, fmt.Errorf("no library at %s: import articles first (or give --db): %w", db, err)
	}
	if outInfo, err := os.Stat(out); err == nil && os.SameFile(dbInfo, outInfo) {
		return 0, fmt.Errorf("--out %s is the library itself: choose another file", out)
	}
	st, err := store.Open(ctx, db)
	if err != nil {
		return 0, err
	}
	defer st.Close()
	if out == "-" {
		return report.Write(ctx, stdout, st, opts)
	}
	return writeAtomically(out, func(w io.Writer) (int, error) { return report.Write(ctx, w, st, opts) })
}

// writeAtomically writes to a temporary file beside path and renames it
// into place, so a failed export never leaves half a report behind.
func writeAtomically(path string, write func(io.Writer) (int, error)) (int, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return 0, fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(f.Name())
	n, err := write(f)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		return 0, fmt.Errorf("write %s: %w", path, err)
	}
	return n, nil
}
