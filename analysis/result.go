// Package analysis turns an article into labelled sentences, quotes with
// their speakers, and the signal words that explain each label, as
// ../shared/docs/labels.md (copied into docs/labels.md) defines them.
//
// It imports no Fyne and no SQL: text in, Result out. The JSON form of
// Result is the contract between the analyser, the window, the store, the
// exercises and the CSV report.
package analysis

// Label is the one label each sentence gets.
type Label string

// The four sentence labels.
const (
	LabelQuote      Label = "quote"
	LabelAttributed Label = "attributed"
	LabelReported   Label = "reported"
	LabelOpinion    Label = "opinion"
)

// Labels lists the labels in their display order (1–4 on the keyboard).
var Labels = []Label{LabelQuote, LabelAttributed, LabelReported, LabelOpinion}

// QuoteKind says whether a quote is a full quotation, a fragment woven into
// the writer's sentence, or scare quotes with no speaker.
type QuoteKind string

// The three kinds of quote.
const (
	QuoteDirect  QuoteKind = "direct"
	QuotePartial QuoteKind = "partial"
	QuoteScare   QuoteKind = "scare"
)

// SignalKind names one kind of evidence behind a label.
type SignalKind string

// The signal kinds of labels.md.
const (
	SignalEvaluative        SignalKind = "evaluative"
	SignalLoaded            SignalKind = "loaded"
	SignalIntensifier       SignalKind = "intensifier"
	SignalHedge             SignalKind = "hedge"
	SignalVagueSource       SignalKind = "vague-source"
	SignalAnonymousSource   SignalKind = "anonymous-source"
	SignalLoadedAttribution SignalKind = "loaded-attribution"
	SignalFirstPerson       SignalKind = "first-person"
	SignalModal             SignalKind = "modal"
	SignalSuperlative       SignalKind = "superlative"
	SignalScareQuote        SignalKind = "scare-quote"
	SignalRhetorical        SignalKind = "rhetorical"
)

// AnalyzerInfo identifies the rules and word lists that produced a result.
type AnalyzerInfo struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Result is everything the analyser says about one text. All offsets are
// UTF-8 byte offsets into Text, end exclusive.
type Result struct {
	Analyzer  AnalyzerInfo `json:"analyzer"`
	Text      string       `json:"text"`
	Sentences []Sentence   `json:"sentences"`
	Quotes    []Quote      `json:"quotes"`
	Summary   Summary      `json:"summary"`
}

// Sentence is one sentence of the text with its label and the reasons.
type Sentence struct {
	Index      int      `json:"index"`
	Start      int      `json:"start"`
	End        int      `json:"end"`
	Text       string   `json:"text"`
	Paragraph  int      `json:"paragraph"`
	Label      Label    `json:"label"`
	Confidence float64  `json:"confidence"`
	Source     string   `json:"source"`
	Cue        string   `json:"cue"`
	Signals    []Signal `json:"signals"`
}

// Signal is a span of words that explains a label, with a line a student
// can read.
type Signal struct {
	Kind  SignalKind `json:"kind"`
	Text  string     `json:"text"`
	Start int        `json:"start"`
	End   int        `json:"end"`
	Why   string     `json:"why"`
}

// Quote is a quoted span: the words inside the marks, who said them and how
// the text points to that speaker.
type Quote struct {
	Start        int       `json:"start"`
	End          int       `json:"end"`
	Text         string    `json:"text"`
	Speaker      string    `json:"speaker"`
	Mention      string    `json:"mention"`
	MentionStart int       `json:"mention_start"`
	MentionEnd   int       `json:"mention_end"`
	Cue          string    `json:"cue"`
	Kind         QuoteKind `json:"kind"`
	Sentences    []int     `json:"sentences"`
	// Parts are the quoted words when a quotation is interrupted by its
	// attribution (“We will,” she said. “Soon.”): Start..End then runs from
	// the first quoted word to the last, the cue in between. A quote with
	// one part lists it too.
	Parts []Part `json:"parts"`
}

// Part is one stretch of quoted words, without the marks.
type Part struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Summary is the article at a glance.
type Summary struct {
	Labels  map[Label]int      `json:"labels"`
	Sources []SourceCount      `json:"sources"`
	Signals map[SignalKind]int `json:"signals"`
}

// SourceCount says how often one source is quoted or paraphrased.
type SourceCount struct {
	Name        string `json:"name"`
	Quotes      int    `json:"quotes"`
	Paraphrases int    `json:"paraphrases"`
	Named       bool   `json:"named"`
}
