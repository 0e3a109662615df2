package classroom

import (
	"math"
	"sort"
	"strings"
	"time"

	"mediareview/analysis"
)

// Report is the class report of one exercise.
type Report struct {
	Title      string
	ExerciseID string
	Ask        Ask
	Students   []StudentScore
	Sentences  []SentenceStat // hardest first
	Quotes     []QuoteStat    // hardest first
	// Confusion counts key label (row) against student label (column)
	// over every answered, graded sentence, in analysis.Labels order.
	Confusion Table
}

// StudentScore is one student's result against the key.
type StudentScore struct {
	Student     string
	Path        string
	SubmittedAt time.Time
	// Graded is the number of sentences in the key; Answered and Correct
	// count the student's labels among them.
	Graded, Answered, Correct int
	// Percent is Correct over Graded, 0–100: an unanswered sentence
	// counts as wrong. NaN when labels were not asked.
	Percent float64
	// Kappa and AC1 compare the student's labels with the key over the
	// answered sentences, on the four-label scale; NaN when undefined.
	Kappa, AC1 float64
	// SpeakersAsked and SpeakersRight count the quotes.
	SpeakersAsked, SpeakersRight int
}

// SentenceStat is how the class did on one sentence.
type SentenceStat struct {
	Index              int
	Text               string
	Key                analysis.Label
	From               KeyFrom
	Students, Answered int
	Right              int
	// CommonWrong is the wrong label given most often (ties go to the
	// label first in analysis.Labels), empty when nobody was wrong;
	// CommonWrongCount how many gave it.
	CommonWrong      analysis.Label
	CommonWrongCount int
}

// Share is the share of students who got it right, 0–1.
func (s SentenceStat) Share() float64 { return share(s.Right, s.Students) }

// QuoteStat is how the class did naming one quote's speaker.
type QuoteStat struct {
	Index              int
	Text               string
	Key                string
	Students, Answered int
	Right              int
	CommonWrong        string
	CommonWrongCount   int
}

// Share is the share of students who named the speaker right, 0–1.
func (q QuoteStat) Share() float64 { return share(q.Right, q.Students) }

func share(n, of int) float64 {
	if of == 0 {
		return math.NaN()
	}
	return float64(n) / float64(of)
}

// Report grades every kept submission against the key.
func (c *Class) Report() *Report {
	e := c.Exercise
	handed := c.Handed()
	r := &Report{Title: e.Manifest.Title, ExerciseID: e.Manifest.ID, Ask: e.Manifest.Settings.Ask,
		Confusion: NewTable(len(analysis.Labels))}
	sheets := make([]sheet, len(handed))
	for i, h := range handed {
		sheets[i] = newSheet(h.Submission)
		r.Students = append(r.Students, e.score(h, sheets[i], r.Confusion))
	}
	if e.Manifest.Settings.Ask.Labels() {
		r.Sentences = e.sentenceStats(sheets)
	}
	if e.Manifest.Settings.Ask.Speakers() {
		r.Quotes = e.quoteStats(sheets)
	}
	return r
}

// sheet is a submission's answers indexed for grading.
type sheet struct {
	labels   map[int]analysis.Label
	speakers map[int]string
}

func newSheet(s *Submission) sheet {
	sh := sheet{labels: make(map[int]analysis.Label, len(s.Labels)), speakers: make(map[int]string, len(s.Speakers))}
	for _, a := range s.Labels {
		sh.labels[a.Sentence] = a.Label
	}
	for _, a := range s.Speakers {
		sh.speakers[a.Quote] = a.Speaker
	}
	return sh
}

func labelIndex(l analysis.Label) int {
	for i, x := range analysis.Labels {
		if x == l {
			return i
		}
	}
	return -1
}

func (e *Exercise) score(h Handed, sh sheet, class Table) StudentScore {
	s := h.Submission
	sc := StudentScore{Student: s.Student, Path: h.Path, SubmittedAt: s.SubmittedAt,
		Percent: math.NaN(), Kappa: math.NaN(), AC1: math.NaN()}
	ask := e.Manifest.Settings.Ask
	if ask.Labels() {
		own := NewTable(len(analysis.Labels))
		for _, k := range e.Sentences {
			if !k.Graded() {
				continue
			}
			sc.Graded++
			got := labelIndex(sh.labels[k.Index])
			if got < 0 {
				continue
			}
			sc.Answered++
			want := labelIndex(k.Label)
			own[want][got]++
			class[want][got]++
			if want == got {
				sc.Correct++
			}
		}
		sc.Percent = 100 * share(sc.Correct, sc.Graded)
		sc.Kappa, sc.AC1 = own.CohenKappa(), own.GwetAC1()
	}
	if ask.Speakers() {
		for _, q := range e.Quotes {
			sc.SpeakersAsked++
			if SpeakerMatches(sh.speakers[q.Index], q.Speaker) {
				sc.SpeakersRight++
			}
		}
	}
	return sc
}

func (e *Exercise) sentenceStats(sheets []sheet) []SentenceStat {
	var out []SentenceStat
	for _, k := range e.Sentences {
		if !k.Graded() {
			continue
		}
		st := SentenceStat{Index: k.Index, Text: e.SentenceText(k.Index), Key: k.Label, From: k.From, Students: len(sheets)}
		wrong := map[analysis.Label]int{}
		for _, sh := range sheets {
			switch got := sh.labels[k.Index]; got {
			case "":
			case k.Label:
				st.Answered++
				st.Right++
			default:
				st.Answered++
				wrong[got]++
			}
		}
		for _, l := range analysis.Labels {
			if wrong[l] > st.CommonWrongCount {
				st.CommonWrong, st.CommonWrongCount = l, wrong[l]
			}
		}
		out = append(out, st)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Right < out[j].Right })
	return out
}

func (e *Exercise) quoteStats(sheets []sheet) []QuoteStat {
	var out []QuoteStat
	for _, q := range e.Quotes {
		st := QuoteStat{Index: q.Index, Text: e.QuoteText(q.Index), Key: q.Speaker, Students: len(sheets)}
		wrong := map[string]int{} // by folded words, so "The Mayor" and "mayor" count as one
		spelling := map[string]string{}
		var order []string
		for _, sh := range sheets {
			got := sh.speakers[q.Index]
			switch {
			case got == "":
			case SpeakerMatches(got, q.Speaker):
				st.Answered++
				st.Right++
			default:
				st.Answered++
				fold := strings.Join(speakerWords(got), " ")
				if wrong[fold] == 0 {
					order = append(order, fold)
					spelling[fold] = got
				}
				wrong[fold]++
			}
		}
		for _, w := range order {
			if wrong[w] > st.CommonWrongCount {
				st.CommonWrong, st.CommonWrongCount = spelling[w], wrong[w]
			}
		}
		out = append(out, st)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Right < out[j].Right })
	return out
}
