package analysis

import (
	"context"
	"strings"
	"sync"
	"testing"

	"mediareview/assets"
)

// testVoice is the writer-voice rules of the shared test analyser.
func testVoice(t testing.TB) *writerVoice {
	t.Helper()
	return testAnalyzer(t).voice
}

// curlySpans returns the words inside “…” marks, as the pipeline passes
// quoted words to signals.
func curlySpans(s string) []span {
	var out []span
	for i := 0; ; {
		open := strings.Index(s[i:], "“")
		if open < 0 {
			return out
		}
		start := i + open + len("“")
		end := strings.Index(s[start:], "”")
		if end < 0 {
			return append(out, span{start, len(s)})
		}
		out = append(out, span{start, start + end})
		i = start + end
	}
}

func brief(sigs []Signal) []string {
	out := []string{}
	for _, s := range sigs {
		out = append(out, string(s.Kind)+":"+s.Text)
	}
	return out
}

func TestWriterSignals(t *testing.T) {
	w := testVoice(t)
	tests := []struct {
		name, text string
		want       []string
	}{
		{"evaluative and loaded", "The council's reckless plan wrecked a decade of progress.",
			[]string{"evaluative:reckless", "loaded:wrecked"}},
		{"evaluative adverb", "The agency acted shamefully and needlessly.",
			[]string{"evaluative:shamefully", "evaluative:needlessly"}},
		{"loaded nouns and verbs", "The regime slashed funding for rural schools.",
			[]string{"loaded:regime", "loaded:slashed"}},
		{"possessive of a loaded noun", "The regime's envoy left the talks.", []string{"loaded:regime's"}},
		{"intensifiers", "The results were clearly very poor.",
			[]string{"intensifier:clearly", "intensifier:very", "evaluative:poor"}},
		{"absolutes", "The mayor never answers and always blames others.",
			[]string{"intensifier:never", "intensifier:always"}},
		{"hedges", "The pills may reportedly cause headaches.", []string{"hedge:may", "hedge:reportedly"}},
		{"May the month is no hedge", "The vote took place in May.", []string{}},
		{"first person", "We believe our readers deserve better.",
			[]string{"first-person:We", "first-person:our", "evaluative:deserve better"}},
		{"US the country is not us", "The US embassy reopened on Tuesday.", []string{}},
		{"World War I is not I", "Veterans of World War I were honoured.", []string{}},
		{"coal mine is not first person", "The mine closed after the flood.", []string{}},
		{"modal", "Voters should reject it.", []string{"modal:should"}},
		{"modal phrase", "The council ought to listen.", []string{"modal:ought to"}},
		{"curly apostrophe", "We shouldn’t wait.", []string{"first-person:We", "modal:shouldn’t"}},
		{"no phrase across punctuation", "Ministers must, not later, act.", []string{"modal:must"}},
		{"command to the reader", "Consider the cost to taxpayers.", []string{"modal:Consider"}},
		{"not a command mid-sentence", "Officials will consider the cost.", []string{}},
		{"judging superlative", "It was the worst decision in years.", []string{"superlative:worst"}},
		{"measure superlative", "Lagos is the largest city in Nigeria.", []string{"superlative:largest"}},
		{"ranked measure is a fact", "It is the third largest bank in the country.", []string{}},
		{"numbered measure is a fact", "It is the 3rd largest bank in the country.", []string{}},
		{"most with an adjective", "It is the most reckless plan yet.",
			[]string{"superlative:most reckless", "evaluative:reckless"}},
		{"most as a quantity", "Most people voted early.", []string{}},
		{"so with an adjective", "The cuts were so reckless.", []string{"intensifier:so reckless", "evaluative:reckless"}},
		{"too with an adjective", "The road is too dangerous for buses.",
			[]string{"intensifier:too dangerous", "evaluative:dangerous"}},
		{"so far is not a boost", "So far the council has met twice.", []string{}},
		{"best-selling is a name, not a ranking", "Her best-selling novel sold 2 million copies.", []string{}},
		{"rhetorical question", "Who could believe that?", []string{"hedge:could", "rhetorical:?"}},
		{"exclamation", "What a fiasco!", []string{"loaded:fiasco", "rhetorical:!"}},
		{"question inside a quote", "She asked: “Who pays for it?”", []string{}},
		{"quoted judgement is the speaker's", "The mayor called the plan “a reckless and shameful gamble” on Monday.",
			[]string{}},
		{"unclosed quote runs to the end", "“We must act now, and we should act boldly", []string{}},
		{"words outside the quote still count", "The so-called “reform” is a disgraceful sham.",
			[]string{"evaluative:disgraceful", "loaded:sham"}},
		{"capital letters", "RECKLESS spending must stop.", []string{"evaluative:RECKLESS", "modal:must"}},
		{"empty", "", []string{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := brief(w.signals(tc.text, 0, len(tc.text), curlySpans(tc.text)))
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("signals(%q)\n got %q\nwant %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestWriterSignalsInsideARange(t *testing.T) {
	w := testVoice(t)
	text := "Reckless! The plan was shameful. The vote was 7 to 2."
	start := strings.Index(text, "The plan")
	end := strings.Index(text, " The vote")
	got := w.signals(text, start, end, nil)
	if len(got) != 1 || got[0].Text != "shameful" || text[got[0].Start:got[0].End] != "shameful" {
		t.Fatalf("signals of the middle sentence = %+v, want only 'shameful' at its offsets", got)
	}
}

func TestWriterSignalsExplainThemselves(t *testing.T) {
	w := testVoice(t)
	text := "Sadly, we must admit the regime's reckless scheme is the worst ever, and perhaps it really was. Why?"
	for _, s := range w.signals(text, 0, len(text), nil) {
		if len(s.Why) < 20 || strings.Contains(s.Why, "%s") {
			t.Errorf("%s %q: why %q is not a line a student can read", s.Kind, s.Text, s.Why)
		}
	}
}

func TestOpinionDecision(t *testing.T) {
	w := testVoice(t)
	tests := []struct {
		text    string
		opinion bool
	}{
		{"The council's reckless plan wrecked a decade of progress.", true},
		{"Voters should reject it.", true},
		{"We deserve better from our leaders.", true},
		{"What a disgraceful decision!", true},
		{"This is, frankly, the worst budget in a generation.", true},
		{"Perhaps the mayor simply does not care.", true},
		{"The council voted 7–2 on Monday to close the library.", false},
		{"The bridge has been closed since the storm.", false},
		{"The company sold 2 million copies of its best-selling game in March.", false},
		{"The country's largest bank reported a profit of $3 billion last year.", false},
		{"Lagos is the largest city in Nigeria.", false},
		{"The plan is the worst idea this city has had in a generation.", true},
		{"Rain may fall in the north of the county on Tuesday.", false},
		{"Firefighters were called to the warehouse at 6:40 a.m.", false},
		{"Commuters have every right to complain about the fares.", true},
		{"That was the clumsiest possible reply.", true},
		{"Is this a ferry timetable, or a guessing game?", true},
		{"When does the next ferry leave?", false},
		{"I have taught at the village school for nine years.", false},
		{"We moved to the island after the war.", false},
		{"We deserve a ferry that runs on time.", true},
		{"I suspect nobody at the depot reads these letters.", true},
		{"The new timetable is more confusing than the old one.", true},
		{"Fuel was 12 percent more expensive in May than in April.", false},
		{"And remember that the ferry is the only way off the island.", true},
		{"Isn't that what the ferry was for?", true},
		{"Did the council vote on the ferry?", false},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			sigs := w.signals(tc.text, 0, len(tc.text), nil)
			got, conf := w.opinion(tc.text, 0, len(tc.text), sigs)
			if got != tc.opinion {
				t.Errorf("opinion(%q) = %v (confidence %.2f, signals %q), want %v", tc.text, got, conf, brief(sigs), tc.opinion)
			}
			if conf < 0.5 || conf > 1 {
				t.Errorf("confidence %.2f is outside 0.5–1", conf)
			}
		})
	}
}

func TestOpinionConfidenceGrowsWithEvidence(t *testing.T) {
	w := testVoice(t)
	conf := func(s string) float64 {
		_, c := w.opinion(s, 0, len(s), w.signals(s, 0, len(s), nil))
		return c
	}
	weak, strong := conf("The plan is risky."), conf("We must stop this reckless, disgraceful scheme!")
	if strong <= weak {
		t.Errorf("confidence of a sentence full of the writer's voice (%.2f) is not above a bare one (%.2f)", strong, weak)
	}
}

// A loaded reporting verb does not make an attributed sentence the writer's
// opinion: that is the pipeline's call, made before opinion is asked.
func TestOpinionLeavesAttributionToThePipeline(t *testing.T) {
	text := "The minister claimed the figures were wrong."
	r, err := testAnalyzer(t).Analyze(context.Background(), text, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Sentences) != 1 || r.Sentences[0].Label != LabelAttributed {
		t.Fatalf("%q labelled %+v, want one attributed sentence", text, r.Sentences)
	}
}

func TestVoiceListsAreDisjointAndRead(t *testing.T) {
	seen := map[string]string{}
	for _, l := range voiceLists {
		lex := &voiceLexicon{terms: map[string]voiceTerm{}, longest: map[string]int{}}
		b := mustLexicon(t, l.file)
		if err := lex.parse(l.file, b, l.kind); err != nil {
			t.Fatal(err)
		}
		if len(lex.terms) == 0 {
			t.Errorf("%s holds no terms", l.file)
		}
		for k := range lex.terms {
			if other, dup := seen[k]; dup {
				t.Errorf("%q is in both %s and %s", k, other, l.file)
			}
			seen[k] = l.file
		}
	}
}

func TestVoiceListErrorsNameTheLine(t *testing.T) {
	tests := []struct{ data, want string }{
		{"good | 0.5\nbad | lots\n", "x.txt line 2"},
		{"fine\n | 0.5\n", "x.txt line 2"},
		{"too much | 1.5\n", "x.txt line 1"},
	}
	for _, tc := range tests {
		lex := &voiceLexicon{terms: map[string]voiceTerm{}, longest: map[string]int{}}
		err := lex.parse("x.txt", []byte(tc.data), SignalEvaluative)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("parse(%q) error = %v, want one naming %q", tc.data, err, tc.want)
		}
	}
}

func mustLexicon(t *testing.T, name string) []byte {
	t.Helper()
	b, err := assets.Lexicon(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The analyser labels sentences on every core with one writerVoice.
func TestWriterVoiceIsSafeForConcurrentUse(t *testing.T) {
	w := testVoice(t)
	text, sents := benchText(20_000)
	want := make([]string, len(sents))
	for i, s := range sents {
		want[i] = strings.Join(brief(w.signals(text, s.start, s.end, nil)), "|")
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, s := range sents {
				if got := strings.Join(brief(w.signals(text, s.start, s.end, nil)), "|"); got != want[i] {
					t.Errorf("sentence %d: %q under concurrency, %q alone", i, got, want[i])
					return
				}
			}
		}()
	}
	wg.Wait()
}
