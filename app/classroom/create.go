package classroom

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"mediareview/analysis"
	"mediareview/app/buildinfo"
)

// Verdict is the teacher's verdict on one sentence or quote, anchored by
// byte offsets into the article text.
type Verdict struct {
	Quote   bool // a verdict on a quote span rather than a sentence
	Start   int
	End     int
	Agree   bool           // agreed with the machine
	Label   analysis.Label // the teacher's label when it differs
	Speaker string         // the teacher's speaker when it differs
	// MachineLabel and MachineSpeaker are what the machine said when the
	// teacher judged: agreeing with an older analysis agrees with that.
	MachineLabel   analysis.Label
	MachineSpeaker string
}

// Source is what an exercise is made from: an analysed article and the
// teacher's verdicts on it.
type Source struct {
	ArticleTitle string
	Teacher      string
	Machine      *analysis.Result
	Verdicts     []Verdict
}

// Options are the teacher's words and choices for a new exercise.
type Options struct {
	Title        string // defaults to the article title
	Instructions string
	Settings     Settings
	Now          time.Time // defaults to time.Now
}

// New makes an exercise: the teacher's verdicts become the key; sentences
// and quotes without one take the machine's answer and say so.
func New(src Source, opt Options) (*Exercise, error) {
	r := src.Machine
	if r == nil || len(r.Sentences) == 0 {
		return nil, fmt.Errorf("new exercise: %w", errNoSentences)
	}
	if err := checkSpans(r); err != nil {
		return nil, fmt.Errorf("new exercise: %w", err)
	}
	if opt.Settings.Ask == "" {
		opt.Settings.Ask = AskBoth
	}
	if _, err := ParseAsk(string(opt.Settings.Ask)); err != nil {
		return nil, fmt.Errorf("new exercise: %w", err)
	}
	id, secret, err := newID()
	if err != nil {
		return nil, err
	}
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	title := strings.TrimSpace(opt.Title)
	if title == "" {
		title = strings.TrimSpace(src.ArticleTitle)
	}
	sum := sha256.Sum256([]byte(r.Text))
	e := &Exercise{
		Manifest: Manifest{
			Format: Format, FormatVersion: FormatVersion, ID: id, Created: opt.Now.UTC().Truncate(time.Second),
			Title: title, Instructions: strings.TrimSpace(opt.Instructions), Settings: opt.Settings,
			ArticleTitle: src.ArticleTitle, ArticleSHA256: hex.EncodeToString(sum[:]), Teacher: src.Teacher,
			AppVersion: buildinfo.Version, Analyzer: r.Analyzer, Secret: secret,
		},
		Text:    r.Text,
		Machine: r,
	}
	verdicts := indexVerdicts(src.Verdicts)
	for i, s := range r.Sentences {
		e.Sentences = append(e.Sentences, keySentence(i, s, verdicts[span{false, s.Start, s.End}]))
	}
	for _, q := range r.Quotes {
		if k, ok := keyQuote(len(e.Quotes), q, quoteVerdict(q, r, verdicts)); ok {
			e.Quotes = append(e.Quotes, k)
		}
	}
	if opt.Settings.Ask == AskSpeakers && len(e.Quotes) == 0 {
		return nil, fmt.Errorf("new exercise: %w", errNoQuotes)
	}
	if _, err := e.Marshal(); err != nil { // sets Hash: the exercise is complete
		return nil, err
	}
	return e, nil
}

var errNoQuotes = errors.New("the article has no quotation whose speaker students could name: ask for labels instead")

type span struct {
	quote      bool
	start, end int
}

func indexVerdicts(vs []Verdict) map[span]*Verdict {
	m := make(map[span]*Verdict, len(vs))
	for i := range vs {
		m[span{vs[i].Quote, vs[i].Start, vs[i].End}] = &vs[i]
	}
	return m
}

func keySentence(i int, s analysis.Sentence, v *Verdict) KeySentence {
	k := KeySentence{Index: i, Start: s.Start, End: s.End, Paragraph: s.Paragraph, Label: s.Label, From: FromMachine}
	switch {
	case v == nil:
	case v.Label != "":
		k.Label, k.From = v.Label, FromTeacher
	case v.Agree:
		k.From = FromTeacher
		if v.MachineLabel != "" {
			k.Label = v.MachineLabel
		}
	case v.Speaker != "":
		// a disagreement about the speaker only: the label stands
	default:
		k.Label, k.From = "", FromNone
	}
	return k
}

// quoteVerdict finds the teacher's word on a quote's speaker: a verdict on
// the quote itself, or a speaker given on the one sentence that holds it.
func quoteVerdict(q analysis.Quote, r *analysis.Result, vs map[span]*Verdict) *Verdict {
	if v := vs[span{true, q.Start, q.End}]; v != nil {
		return v
	}
	if len(q.Sentences) != 1 || q.Sentences[0] < 0 || q.Sentences[0] >= len(r.Sentences) {
		return nil
	}
	s := r.Sentences[q.Sentences[0]]
	if v := vs[span{false, s.Start, s.End}]; v != nil && v.Speaker != "" && quotesIn(r, q.Sentences[0]) == 1 {
		return &Verdict{Speaker: v.Speaker}
	}
	return nil
}

func quotesIn(r *analysis.Result, sentence int) int {
	n := 0
	for _, q := range r.Quotes {
		for _, s := range q.Sentences {
			if s == sentence && q.Kind != analysis.QuoteScare {
				n++
			}
		}
	}
	return n
}

// keyQuote keeps quotes that have a speaker to name; scare quotes have none.
func keyQuote(i int, q analysis.Quote, v *Verdict) (KeyQuote, bool) {
	if q.Kind == analysis.QuoteScare {
		return KeyQuote{}, false
	}
	k := KeyQuote{Index: i, Start: q.Start, End: q.End, Sentences: append([]int{}, q.Sentences...),
		Speaker: strings.TrimSpace(q.Speaker), From: FromMachine}
	if len(q.Parts) > 1 {
		k.Parts = append([]analysis.Part{}, q.Parts...)
	}
	if !partsFit(k) {
		k.Parts = nil // the quote's whole span is shown instead
	}
	switch {
	case v == nil:
	case strings.TrimSpace(v.Speaker) != "":
		k.Speaker, k.From = strings.TrimSpace(v.Speaker), FromTeacher
	case v.Agree:
		k.From = FromTeacher
		if m := strings.TrimSpace(v.MachineSpeaker); m != "" {
			k.Speaker = m
		}
	default:
		return KeyQuote{}, false
	}
	return k, k.Speaker != ""
}

// checkSpans refuses a result whose offsets do not fit its text, so that
// slicing the text later cannot panic.
func checkSpans(r *analysis.Result) error {
	ok := func(start, end int) bool {
		return 0 <= start && start <= end && end <= len(r.Text) &&
			(start == len(r.Text) || utf8.RuneStart(r.Text[start])) && (end == len(r.Text) || utf8.RuneStart(r.Text[end]))
	}
	for i, s := range r.Sentences {
		if !ok(s.Start, s.End) {
			return fmt.Errorf("sentence %d: span %d–%d does not fit the %d-byte text", i+1, s.Start, s.End, len(r.Text))
		}
	}
	for i, q := range r.Quotes {
		if !ok(q.Start, q.End) {
			return fmt.Errorf("quote %d: span %d–%d does not fit the %d-byte text", i+1, q.Start, q.End, len(r.Text))
		}
		for _, s := range q.Sentences {
			if s < 0 || s >= len(r.Sentences) {
				return fmt.Errorf("quote %d: names sentence %d of %d", i+1, s+1, len(r.Sentences))
			}
		}
	}
	return nil
}
