package assets

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
)

// The analyser's word lists, one file per list, each with its licence or
// source named in its header and its licence file beside it.
//
//go:embed lexicons
var lexicons embed.FS

// Lexicon returns the word list file lexicons/name, e.g.
// "writer-modals.txt".
func Lexicon(name string) ([]byte, error) {
	b, err := lexicons.ReadFile(path.Join("lexicons", name))
	if err != nil {
		return nil, fmt.Errorf("word list %s: %w", name, err)
	}
	return b, nil
}

// Lexicons returns the folder of word lists, for listing them.
func Lexicons() fs.FS {
	sub, err := fs.Sub(lexicons, "lexicons")
	if err != nil {
		panic(err) // the folder is embedded at build time; this cannot fail
	}
	return sub
}
