package review

import (
	"errors"
	"reflect"
	"testing"

	"mediareview/analysis"
)

// memStore keeps verdicts with their history in memory, as the real store
// does on disk.
type memStore struct {
	history map[int][]Verdict
	fail    error
	saves   int
}

func newMemStore() *memStore { return &memStore{history: map[int][]Verdict{}} }

func (m *memStore) Verdicts(int64, string, *analysis.Result) (map[int]Verdict, error) {
	out := map[int]Verdict{}
	for i, h := range m.history {
		if len(h) > 0 {
			out[i] = h[len(h)-1]
		}
	}
	return out, m.fail
}

func (m *memStore) SaveVerdict(_ int64, _ string, _ *analysis.Result, i int, v Verdict) error {
	if m.fail != nil {
		return m.fail
	}
	m.saves++
	m.history[i] = append(m.history[i], v)
	return nil
}

func (m *memStore) UndoVerdict(_ int64, _ string, _ *analysis.Result, i int) (*Verdict, error) {
	if m.fail != nil {
		return nil, m.fail
	}
	h := m.history[i]
	if len(h) == 0 {
		return nil, errors.New("nothing to undo")
	}
	m.history[i] = h[:len(h)-1]
	if len(h) == 1 {
		return nil, nil
	}
	v := h[len(h)-2]
	return &v, nil
}

// fixture is a made-up article of six sentences, one quote.
func fixture() *analysis.Result {
	labels := []analysis.Label{"reported", "quote", "attributed", "opinion", "reported", "opinion"}
	res := &analysis.Result{}
	for i, l := range labels {
		res.Sentences = append(res.Sentences, analysis.Sentence{Index: i, Label: l, Text: "s"})
	}
	res.Sentences[2].Source = "the harbour board"
	res.Sentences[3].Signals = []analysis.Signal{{Kind: "evaluative"}, {Kind: "modal"}}
	res.Sentences[5].Signals = []analysis.Signal{{Kind: "evaluative"}}
	res.Quotes = []analysis.Quote{{Speaker: "Ada Lind", Sentences: []int{1}}}
	return res
}

func newSession(t *testing.T, st Store, f Filter) *Session {
	t.Helper()
	s, err := NewSession(st, 7, "kim", fixture(), f)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestFilterRows(t *testing.T) {
	tests := []struct {
		filter Filter
		want   []int
	}{
		{FilterAll, []int{0, 1, 2, 3, 4, 5}},
		{FilterQuotes, []int{1}},
		{FilterAttributed, []int{2}},
		{FilterReported, []int{0}}, // the reviewer relabelled 4 opinion
		{FilterOpinions, []int{3, 4, 5}},
		{FilterUnreviewed, []int{1, 2, 3, 5}},
		{ParseFilter("nonsense"), []int{0, 1, 2, 3, 4, 5}},
	}
	for _, tt := range tests {
		t.Run(string(tt.filter), func(t *testing.T) {
			st := newMemStore()
			st.history[0] = []Verdict{{Decision: Agree}}
			st.history[4] = []Verdict{{Decision: Disagree, Label: analysis.LabelOpinion}}
			s := newSession(t, st, tt.filter)
			var got []int
			for r := 0; r < s.Rows(); r++ {
				got = append(got, s.Row(r))
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("rows = %v, want %v", got, tt.want)
			}
			if s.Current() != tt.want[0] {
				t.Errorf("current = %d, want the first row %d", s.Current(), tt.want[0])
			}
		})
	}
}

func TestMoves(t *testing.T) {
	tests := []struct {
		name  string
		moves string // j next, k prev, n next unreviewed
		want  int
	}{
		{"next", "jj", 2},
		{"stays on last", "jjjjjjjjj", 5},
		{"stays on first", "kk", 0},
		{"back and forth", "jjjk", 2},
		{"next unreviewed skips reviewed", "jjn", 5},
		{"next unreviewed wraps", "jjjjjn", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := newMemStore()
			for _, i := range []int{0, 3, 4} {
				st.history[i] = []Verdict{{Decision: Agree}}
			}
			s := newSession(t, st, FilterAll)
			for _, m := range tt.moves {
				switch m {
				case 'j':
					s.Next()
				case 'k':
					s.Prev()
				case 'n':
					s.NextUnreviewed()
				}
			}
			if s.Current() != tt.want {
				t.Errorf("current = %d, want %d", s.Current(), tt.want)
			}
		})
	}
}

func TestNextUnreviewedWhenAllDone(t *testing.T) {
	st := newMemStore()
	for i := 0; i < 6; i++ {
		st.history[i] = []Verdict{{Decision: Agree}}
	}
	s := newSession(t, st, FilterAll)
	s.Select(3)
	if s.NextUnreviewed() || s.Current() != 3 {
		t.Errorf("NextUnreviewed moved to %d with every sentence reviewed", s.Current())
	}
}

func TestVerdictsAndUndo(t *testing.T) {
	st := newMemStore()
	s := newSession(t, st, FilterAll)
	steps := []struct {
		name string
		do   func() error
	}{
		{"agree 0", s.Agree},
		{"disagree 1", s.Disagree},
		{"relabel 2 opinion", func() error { return s.Relabel(analysis.LabelOpinion) }},
		{"relabel 3 to its own label", func() error { return s.Relabel(analysis.LabelOpinion) }},
		{"speaker on 4", func() error { return s.SetSpeaker("Ben Ode") }},
		{"note on 4", func() error { return s.SetNote("check the name") }},
	}
	for _, st := range steps {
		if err := st.do(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
	}
	want := map[int]Verdict{
		0: {Decision: Agree},
		1: {Decision: Disagree},
		2: {Decision: Disagree, Label: analysis.LabelOpinion},
		3: {Decision: Agree},
		4: {Decision: Disagree, Speaker: "Ben Ode", Note: "check the name"},
	}
	if !reflect.DeepEqual(s.verdicts, want) {
		t.Fatalf("verdicts = %+v\nwant %+v", s.verdicts, want)
	}
	saved, _ := st.Verdicts(0, "", nil)
	if !reflect.DeepEqual(saved, want) {
		t.Fatalf("store holds %+v\nwant %+v", saved, want)
	}
	if r, n := s.Progress(); r != 5 || n != 6 {
		t.Errorf("progress = %d of %d, want 5 of 6", r, n)
	}

	// Undo the note, then the speaker, then the relabel of 3.
	for k, wantCur := range []int{4, 4, 3} {
		if ok, err := s.Undo(); !ok || err != nil {
			t.Fatalf("undo %d: %v %v", k, ok, err)
		}
		if s.Current() != wantCur {
			t.Errorf("undo %d selects %d, want %d", k, s.Current(), wantCur)
		}
	}
	if s.Verdict(4) != nil || s.Verdict(3) != nil {
		t.Errorf("after undo: 4=%+v 3=%+v, want none", s.Verdict(4), s.Verdict(3))
	}
	if got := s.Verdict(2); got == nil || got.Label != analysis.LabelOpinion {
		t.Errorf("undo went too far: 2=%+v", got)
	}
}

func TestRepeatedVerdictIsNotSavedTwice(t *testing.T) {
	st := newMemStore()
	s := newSession(t, st, FilterAll)
	for k := 0; k < 3; k++ {
		s.Select(0)
		if err := s.Agree(); err != nil {
			t.Fatal(err)
		}
	}
	if st.saves != 1 || len(s.undo) != 1 {
		t.Errorf("saves = %d, undo = %d, want 1 each", st.saves, len(s.undo))
	}
}

func TestStoreFailureKeepsMemoryUnchanged(t *testing.T) {
	st := newMemStore()
	s := newSession(t, st, FilterAll)
	st.fail = errors.New("database is locked")
	if err := s.Agree(); !errors.Is(err, st.fail) {
		t.Fatalf("Agree = %v, want the store's error", err)
	}
	if s.Verdict(0) != nil || s.Current() != 0 || s.CanUndo() {
		t.Errorf("a refused verdict changed the session: %+v current %d", s.Verdict(0), s.Current())
	}
}

func TestNoteNeedsVerdict(t *testing.T) {
	s := newSession(t, newMemStore(), FilterAll)
	if err := s.SetNote("hm"); !errors.Is(err, ErrNoVerdict) {
		t.Errorf("SetNote = %v, want ErrNoVerdict", err)
	}
}

func TestSpeakerBackToMachine(t *testing.T) {
	s := newSession(t, newMemStore(), FilterAll)
	s.Select(2)
	if got := s.MachineSpeaker(2); got != "the harbour board" {
		t.Fatalf("machine speaker = %q", got)
	}
	if got := s.MachineSpeaker(1); got != "Ada Lind" {
		t.Fatalf("machine speaker of the quote = %q", got)
	}
	_ = s.SetSpeaker("the mayor")
	_ = s.SetSpeaker("the harbour board")
	if v := s.Verdict(2); v == nil || v.Speaker != "" {
		t.Errorf("verdict = %+v, want the correction withdrawn", v)
	}
}

func TestSummary(t *testing.T) {
	st := newMemStore()
	st.history[0] = []Verdict{{Decision: Agree}}
	st.history[3] = []Verdict{{Decision: Disagree}}
	st.history[5] = []Verdict{{Decision: Agree}}
	s := newSession(t, st, FilterAll)
	sum := s.Summary()
	var mix []int
	for _, m := range sum.Mix {
		mix = append(mix, m.Count)
	}
	if !reflect.DeepEqual(mix, []int{1, 1, 2, 2}) {
		t.Errorf("mix = %v", mix)
	}
	if sum.Signals[0] != (SignalCount{"evaluative", 2}) || sum.Signals[1] != (SignalCount{"modal", 1}) {
		t.Errorf("signals = %v", sum.Signals)
	}
	a := sum.Agreement
	if a.Agreed != 2 || a.Reviewed != 3 || a.PerLabel[analysis.LabelOpinion] != [2]int{1, 2} {
		t.Errorf("agreement = %+v", a)
	}
	if r := (Agreement{}).Rate(); r != 0 {
		t.Errorf("empty rate = %v", r)
	}
}
