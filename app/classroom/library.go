package classroom

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"mediareview/analysis"
	"mediareview/app/store"
)

// FromLibrary reads an article, its analysis and the teacher's verdicts
// from the library. res is the analysis to build on (the one on screen);
// when nil the latest stored analysis is used, or the text is analysed
// now. With no reviewer named, the article's only reviewer is the teacher;
// several reviewers and no name is an error that lists them.
func FromLibrary(ctx context.Context, st *store.Store, article int64, reviewer string, res *analysis.Result) (Source, error) {
	a, err := st.Article(ctx, article)
	if err != nil {
		return Source{}, err // names the article already
	}
	if res == nil {
		if res, err = latestAnalysis(ctx, st, a); err != nil {
			return Source{}, err
		}
	}
	all, err := st.Verdicts(ctx, article, "")
	if err != nil {
		return Source{}, err
	}
	if reviewer, err = chooseReviewer(all, reviewer, article); err != nil {
		return Source{}, err
	}
	src := Source{ArticleTitle: a.Title, Teacher: reviewer, Machine: res}
	for _, v := range all {
		if v.Reviewer == reviewer && !v.Stale {
			src.Verdicts = append(src.Verdicts, Verdict{Quote: v.Kind == store.KindQuote, Start: v.Start, End: v.End,
				Agree: v.Decision == store.Agree, Label: v.Label, Speaker: v.Speaker,
				MachineLabel: v.MachineLabel, MachineSpeaker: v.MachineSpeaker})
		}
	}
	return src, nil
}

func latestAnalysis(ctx context.Context, st *store.Store, a store.Article) (*analysis.Result, error) {
	res, err := st.LatestAnalysis(ctx, a.ID)
	if !errors.Is(err, store.ErrNotFound) {
		return res, err
	}
	an, err := analysis.New()
	if err != nil {
		return nil, fmt.Errorf("load the analyser: %w", err)
	}
	return an.Analyze(ctx, a.Text, nil)
}

// ErrSeveralReviewers says the article has verdicts by more than one
// reviewer and none was named as the teacher.
var ErrSeveralReviewers = errors.New("choose whose verdicts make the key")

func chooseReviewer(all []store.Verdict, name string, article int64) (string, error) {
	seen := map[string]bool{}
	var names []string
	for _, v := range all {
		if !seen[v.Reviewer] {
			seen[v.Reviewer] = true
			names = append(names, v.Reviewer)
		}
	}
	sort.Strings(names)
	name = strings.TrimSpace(name)
	switch {
	case name != "" && !seen[name] && len(names) > 0:
		return "", fmt.Errorf("article %d has no verdicts by %q (reviewers: %s)", article, name, strings.Join(names, ", "))
	case name != "":
		return name, nil
	case len(names) > 1:
		return "", fmt.Errorf("article %d was reviewed by %s: %w", article, strings.Join(names, ", "), ErrSeveralReviewers)
	case len(names) == 1:
		return names[0], nil
	}
	return "", nil
}
