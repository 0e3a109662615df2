package review

import (
	"context"
	"errors"
	"sort"

	"mediareview/analysis"
	"mediareview/app/store"
)

// FromStore keeps the session's verdicts in the app's SQLite store, as
// sentence verdicts anchored by the sentence's byte span.
func FromStore(st *store.Store) Store { return sqliteStore{st} }

type sqliteStore struct{ st *store.Store }

func (s sqliteStore) Verdicts(article int64, reviewer string, res *analysis.Result) (map[int]Verdict, error) {
	list, err := s.st.Verdicts(context.Background(), article, reviewer)
	if err != nil {
		return nil, err
	}
	out := map[int]Verdict{}
	for _, v := range list {
		if v.Kind != store.KindSentence {
			continue
		}
		if i := sentenceAt(res, v.Start, v.End); i >= 0 {
			out[i] = fromStore(v)
		}
	}
	return out, nil
}

func (s sqliteStore) SaveVerdict(article int64, reviewer string, res *analysis.Result, i int, v Verdict) error {
	sv := store.SentenceVerdict(res, i)
	sv.Decision, sv.Label, sv.Speaker, sv.Note = store.Decision(v.Decision), v.Label, v.Speaker, v.Note
	_, err := s.st.SetVerdict(context.Background(), article, reviewer, sv)
	return err
}

func (s sqliteStore) UndoVerdict(article int64, reviewer string, res *analysis.Result, i int) (*Verdict, error) {
	sn := res.Sentences[i]
	prev, err := s.st.UndoSpan(context.Background(), article, reviewer, store.Span{Kind: store.KindSentence, Start: sn.Start, End: sn.End})
	if errors.Is(err, store.ErrNothingToUndo) {
		return nil, nil
	}
	if err != nil || prev == nil {
		return nil, err
	}
	v := fromStore(*prev)
	return &v, nil
}

func fromStore(v store.Verdict) Verdict {
	return Verdict{Decision: Decision(v.Decision), Label: v.Label, Speaker: v.Speaker, Note: v.Note}
}

// sentenceAt finds the sentence with exactly this span, -1 when the
// analysis has none (the verdict is stale).
func sentenceAt(res *analysis.Result, start, end int) int {
	ss := res.Sentences
	i := sort.Search(len(ss), func(k int) bool { return ss[k].Start >= start })
	if i < len(ss) && ss[i].Start == start && ss[i].End == end {
		return i
	}
	return -1
}

// ReviewerAgreement is how often one reviewer agreed with the machine on an
// article's sentences.
type ReviewerAgreement struct {
	Reviewer         string
	Agreed, Reviewed int
}

// AgreementByReviewer counts each reviewer's current sentence verdicts
// that agree with the machine, in the order the reviewers first appear;
// verdicts whose sentence the latest analysis no longer has are left out.
func AgreementByReviewer(verdicts []store.Verdict) []ReviewerAgreement {
	var out []ReviewerAgreement
	at := map[string]int{}
	for _, v := range verdicts {
		if v.Kind != store.KindSentence || v.Stale {
			continue
		}
		k, ok := at[v.Reviewer]
		if !ok {
			k = len(out)
			at[v.Reviewer] = k
			out = append(out, ReviewerAgreement{Reviewer: v.Reviewer})
		}
		out[k].Reviewed++
		if v.Decision == store.Agree {
			out[k].Agreed++
		}
	}
	return out
}
