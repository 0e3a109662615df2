package review

import (
	"errors"
	"fmt"

	"mediareview/analysis"
)

// ErrNoSelection is returned by the verdict methods when no sentence is
// selected.
var ErrNoSelection = errors.New("no sentence is selected")

// Agree records that the machine's label of the current sentence is right,
// then moves on.
func (s *Session) Agree() error {
	return s.decide(func(v *Verdict) { v.Decision, v.Label = Agree, "" })
}

// Disagree records that the machine's label of the current sentence is
// wrong, without saying which is right, then moves on.
func (s *Session) Disagree() error {
	return s.decide(func(v *Verdict) { v.Decision, v.Label = Disagree, "" })
}

// Relabel gives the current sentence the reviewer's label, then moves on.
// The machine's own label counts as agreeing.
func (s *Session) Relabel(l analysis.Label) error {
	return s.decide(func(v *Verdict) {
		if l == s.res.Sentences[s.current].Label {
			v.Decision, v.Label = Agree, ""
			return
		}
		v.Decision, v.Label = Disagree, l
	})
}

func (s *Session) decide(change func(*Verdict)) error {
	if err := s.update(change); err != nil {
		return err
	}
	s.Next()
	return nil
}

// SetSpeaker corrects who the current sentence's source or speaker is; an
// empty name or the machine's own withdraws the correction. A correction
// without a verdict is a disagreement.
func (s *Session) SetSpeaker(name string) error {
	return s.update(func(v *Verdict) {
		v.Speaker = name
		if name == s.MachineSpeaker(s.current) {
			v.Speaker = ""
		}
		if v.Decision == "" && v.Speaker != "" {
			v.Decision = Disagree
		}
	})
}

// SetNote keeps the reviewer's note on the current sentence. A note needs a
// verdict first, so it returns ErrNoVerdict when there is none.
func (s *Session) SetNote(note string) error {
	if s.Verdict(s.current) == nil {
		return ErrNoVerdict
	}
	return s.update(func(v *Verdict) { v.Note = note })
}

// ErrNoVerdict is returned by SetNote before the sentence has a verdict.
var ErrNoVerdict = errors.New("agree or disagree before adding a note")

// MachineSpeaker is who the machine says speaks in sentence i: its source,
// else the speaker of its first quote.
func (s *Session) MachineSpeaker(i int) string {
	if src := s.res.Sentences[i].Source; src != "" {
		return src
	}
	for _, q := range s.Quotes(i) {
		if q.Speaker != "" {
			return q.Speaker
		}
	}
	return ""
}

// Quotes returns the quotes that touch sentence i.
func (s *Session) Quotes(i int) []analysis.Quote {
	var out []analysis.Quote
	for _, q := range s.res.Quotes {
		for _, j := range q.Sentences {
			if j == i {
				out = append(out, q)
				break
			}
		}
	}
	return out
}

// update applies change to the current sentence's verdict and saves it;
// nothing changes in memory when the store refuses.
func (s *Session) update(change func(*Verdict)) error {
	i := s.current
	if i < 0 {
		return ErrNoSelection
	}
	var v Verdict
	if old := s.Verdict(i); old != nil {
		v = *old
	}
	change(&v)
	if old := s.Verdict(i); old != nil && *old == v {
		return nil
	}
	if v.Decision == "" {
		return nil
	}
	if err := s.store.SaveVerdict(s.article, s.reviewer, s.res, i, v); err != nil {
		return fmt.Errorf("save the verdict on sentence %d: %w", i+1, err)
	}
	s.verdicts[i] = v
	s.undo = append(s.undo, i)
	return nil
}

// CanUndo says whether Undo has a verdict of this session to take back.
func (s *Session) CanUndo() bool { return len(s.undo) > 0 }

// Undo takes back the last verdict given in this session, brings back the
// one before it, and selects its sentence. It reports false when there is
// nothing to undo.
func (s *Session) Undo() (bool, error) {
	if len(s.undo) == 0 {
		return false, nil
	}
	i := s.undo[len(s.undo)-1]
	prev, err := s.store.UndoVerdict(s.article, s.reviewer, s.res, i)
	if err != nil {
		return false, fmt.Errorf("undo the verdict on sentence %d: %w", i+1, err)
	}
	s.undo = s.undo[:len(s.undo)-1]
	if prev == nil {
		delete(s.verdicts, i)
	} else {
		s.verdicts[i] = *prev
	}
	s.current = i
	return true, nil
}
