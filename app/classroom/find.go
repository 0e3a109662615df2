package classroom

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// ExpandFolders replaces each folder among paths by the submission files
// in it; other paths stay as they are, for reading to judge.
func ExpandFolders(paths []string) []string {
	var out []string
	for _, p := range paths {
		if info, err := os.Stat(p); err == nil && info.IsDir() {
			found, _ := filepath.Glob(filepath.Join(p, "*"+SubmissionExt))
			out = append(out, found...)
			continue
		}
		out = append(out, p)
	}
	return out
}

// Group is the submissions that answer one exercise, with the exercise.
type Group struct {
	Exercise    *Exercise
	Path        string   // the exercise file
	Submissions []string // the submission files
}

// GroupByExercise finds, for each submission file, the exercise it answers
// among the .mrexercise files in the same folder (where students hand in),
// and groups the files by exercise. Files that cannot be read, or whose
// exercise is not beside them, come back as refusals saying so.
func GroupByExercise(paths []string) ([]Group, []Refusal) {
	var refused []Refusal
	byID := map[string]*Group{}
	folders := map[string]map[string]*Group{} // folder → exercise id → group
	for _, p := range paths {
		s, err := ReadSubmission(p)
		if err != nil {
			refused = append(refused, Refusal{Path: p, Err: err})
			continue
		}
		dir := filepath.Dir(p)
		if folders[dir] == nil {
			folders[dir] = exercisesIn(dir, byID)
		}
		g := folders[dir][s.ExerciseID]
		if g == nil {
			refused = append(refused, Refusal{Path: p, Err: fmt.Errorf("%s: its exercise %q is not in the same folder", p, s.ExerciseTitle)})
			continue
		}
		g.Submissions = append(g.Submissions, p)
	}
	var groups []Group
	for _, g := range byID {
		if len(g.Submissions) > 0 {
			groups = append(groups, *g)
		}
	}
	sort.Slice(groups, func(i, j int) bool { return groups[i].Path < groups[j].Path })
	return groups, refused
}

// exercisesIn opens the exercise files of a folder, keyed by id; a damaged
// one is skipped, as its submissions will say.
func exercisesIn(dir string, byID map[string]*Group) map[string]*Group {
	found, _ := filepath.Glob(filepath.Join(dir, "*"+Ext))
	out := map[string]*Group{}
	for _, path := range found {
		e, err := Open(path)
		if err != nil {
			continue
		}
		if byID[e.Manifest.ID] == nil {
			byID[e.Manifest.ID] = &Group{Exercise: e, Path: path}
		}
		out[e.Manifest.ID] = byID[e.Manifest.ID]
	}
	return out
}
