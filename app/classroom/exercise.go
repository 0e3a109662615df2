// Package classroom turns a reviewed article into a classroom exercise,
// reads and writes the exercise and submission files, and grades a class:
// per-student scores (per cent correct, Cohen's kappa, Gwet's AC1, speakers
// named right), per-sentence difficulty and a confusion matrix of labels.
//
// It imports no Fyne and no SQL: the window and the command line hand it an
// analysis result and the teacher's verdicts, and it hands back files and
// reports. docs/exercise-format.md describes the file formats.
package classroom

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"mediareview/analysis"
)

// Ask says what students are asked.
type Ask string

// What an exercise can ask.
const (
	AskLabels   Ask = "labels"
	AskSpeakers Ask = "speakers"
	AskBoth     Ask = "both"
)

// ParseAsk reads an Ask from its name.
func ParseAsk(s string) (Ask, error) {
	switch a := Ask(strings.ToLower(strings.TrimSpace(s))); a {
	case AskLabels, AskSpeakers, AskBoth:
		return a, nil
	}
	return "", fmt.Errorf("ask %q: want labels, speakers or both", s)
}

// Labels reports whether students label sentences.
func (a Ask) Labels() bool { return a == AskLabels || a == AskBoth }

// Speakers reports whether students name the speakers of quotes.
func (a Ask) Speakers() bool { return a == AskSpeakers || a == AskBoth }

// Settings are the teacher's choices for one exercise.
type Settings struct {
	Ask Ask `json:"ask"`
	// HideMachine hides the machine's labels and speakers until the
	// student submits ("commit, then reveal").
	HideMachine bool `json:"hide_machine"`
	// RevealKey shows the key and the score after the student submits.
	RevealKey bool `json:"reveal_key"`
	// ShowReasons shows the machine's reasons (signals) after submitting.
	ShowReasons bool `json:"show_reasons"`
}

// DefaultSettings asks for both, shows the machine's labels while working
// and reveals key and reasons after submitting.
func DefaultSettings() Settings {
	return Settings{Ask: AskBoth, RevealKey: true, ShowReasons: true}
}

// KeyFrom says where a key answer came from.
type KeyFrom string

// Where key answers come from.
const (
	FromTeacher KeyFrom = "teacher"
	FromMachine KeyFrom = "machine"
	// FromNone marks a sentence the teacher disagreed with but gave no
	// label for: it is shown but not graded.
	FromNone KeyFrom = "none"
)

// KeySentence is one sentence of the exercise with its key label.
type KeySentence struct {
	Index     int            `json:"index"`
	Start     int            `json:"start"`
	End       int            `json:"end"`
	Paragraph int            `json:"paragraph"`
	Label     analysis.Label `json:"label,omitempty"`
	From      KeyFrom        `json:"from"`
}

// Graded reports whether the sentence counts towards scores.
func (k KeySentence) Graded() bool { return k.Label != "" && k.From != FromNone }

// KeyQuote is one quote whose speaker students name.
type KeyQuote struct {
	Index     int     `json:"index"`
	Start     int     `json:"start"`
	End       int     `json:"end"`
	Sentences []int   `json:"sentences"`
	Speaker   string  `json:"speaker"`
	From      KeyFrom `json:"from"`
	// Parts are the quoted words when the attribution interrupts the
	// quote (“We will,” she said. “Soon.”); empty for a quote in one
	// piece, and in exercises made before parts were kept.
	Parts []analysis.Part `json:"parts,omitempty"`
}

// Manifest is the exercise's identity and settings.
type Manifest struct {
	Format        string                `json:"format"`
	FormatVersion int                   `json:"format_version"`
	ID            string                `json:"id"`
	Created       time.Time             `json:"created"`
	Title         string                `json:"title"`
	Instructions  string                `json:"instructions"`
	Settings      Settings              `json:"settings"`
	ArticleTitle  string                `json:"article_title"`
	ArticleSHA256 string                `json:"article_sha256"`
	Teacher       string                `json:"teacher,omitempty"`
	AppVersion    string                `json:"app_version"`
	Analyzer      analysis.AnalyzerInfo `json:"analyzer"`
	// Secret keys the integrity check of submissions. It travels inside
	// the exercise, so it stops hand edits, not a determined student.
	Secret string `json:"secret"`
}

// Exercise is one classroom exercise: the article, the key and the
// machine's analysis kept for the reveal. It never re-analyses: the
// sentence spans are its own.
type Exercise struct {
	Manifest  Manifest
	Text      string
	Sentences []KeySentence
	Quotes    []KeyQuote
	Machine   *analysis.Result
	// Hash is the SHA-256 of the exercise's content, set by Open and
	// Write; submissions carry it.
	Hash string
}

// SentenceText returns the text of sentence i of the exercise.
func (e *Exercise) SentenceText(i int) string {
	s := e.Sentences[i]
	return e.Text[s.Start:s.End]
}

// QuoteText returns the quoted words of quote i; the parts of an
// interrupted quote are joined by " … ", leaving out the attribution
// between them, which would give the speaker away.
func (e *Exercise) QuoteText(i int) string {
	q := e.Quotes[i]
	if len(q.Parts) < 2 {
		return e.Text[q.Start:q.End]
	}
	words := make([]string, len(q.Parts))
	for j, p := range q.Parts {
		words[j] = e.Text[p.Start:p.End]
	}
	return strings.Join(words, " … ")
}

// KeyFrom counts the key's sentences by where their answer came from.
func (e *Exercise) KeyFrom() map[KeyFrom]int {
	n := map[KeyFrom]int{}
	for _, s := range e.Sentences {
		n[s.From]++
	}
	return n
}

// GradedSentences counts the sentences that count towards scores.
func (e *Exercise) GradedSentences() int {
	n := 0
	for _, s := range e.Sentences {
		if s.Graded() {
			n++
		}
	}
	return n
}

func newID() (id, secret string, err error) {
	var b [16 + 32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", "", fmt.Errorf("exercise id: %w", err)
	}
	u := b[:16]
	u[6] = u[6]&0x0f | 0x40 // version 4
	u[8] = u[8]&0x3f | 0x80 // RFC 4122 variant
	h := hex.EncodeToString(u)
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:], hex.EncodeToString(b[16:]), nil
}

var errNoSentences = errors.New("the article has no sentences")
