package analysis

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// wantQuote is what a test expects of one quote.
type wantQuote struct {
	text, speaker, mention string
	kind                   QuoteKind
}

func TestQuoteSpeakers(t *testing.T) {
	tests := []struct {
		name, text string
		want       []wantQuote
	}{
		{"cue after the quote", "“We will reopen the bridge by spring,” Mayor Lena Varga said.",
			[]wantQuote{{"We will reopen the bridge by spring,", "Lena Varga", "Mayor Lena Varga", QuoteDirect}}},
		{"inverted cue", "“The road is closed,” said Tomas Reiner.",
			[]wantQuote{{"The road is closed,", "Tomas Reiner", "Tomas Reiner", QuoteDirect}}},
		{"cue before the quote, colon", "Ana Ortiz told the meeting: “We are testing every week.”",
			[]wantQuote{{"We are testing every week.", "Ana Ortiz", "Ana Ortiz", QuoteDirect}}},
		{"cue before the quote, comma", "Ortiz said, “We are testing every week.”",
			[]wantQuote{{"We are testing every week.", "Ortiz", "Ortiz", QuoteDirect}}},
		{"pronoun resolved to the person named before",
			"Dana Ortiz runs the clinic.\n\n“We need two more nurses,” she said.",
			[]wantQuote{{"We need two more nurses,", "Dana Ortiz", "she", QuoteDirect}}},
		{"surname resolved to the full name",
			"Dana Ortiz runs the clinic. “We need nurses,” Ortiz said.",
			[]wantQuote{{"We need nurses,", "Dana Ortiz", "Ortiz", QuoteDirect}}},
		{"pronoun with no name before it takes the description",
			"The mayor said the bridge was safe. “We checked every bolt,” she added.",
			[]wantQuote{{"We checked every bolt,", "the mayor", "she", QuoteDirect}}},
		{"he and she kept apart",
			"Mr. Paul Lind spoke first. Then Mrs. Ruth Amsel took the floor.\n\n“It is too late,” he said. “It is not,” she said.",
			[]wantQuote{{"It is too late,", "Paul Lind", "he", QuoteDirect}, {"It is not,", "Ruth Amsel", "she", QuoteDirect}}},
		{"description resolved to the person given that role",
			"Priya Okafor, the agency's top lawyer, said nothing on Monday.\n\n“The contract runs until 2027,” the agency's lawyer added.",
			[]wantQuote{{"The contract runs until 2027,", "Priya Okafor", "the agency's lawyer", QuoteDirect}}},
		{"role given before the name",
			"The board's chief chemist, Dr. Anselm Kovac, spoke. “Babies are another matter,” the chemist said.",
			[]wantQuote{{"Babies are another matter,", "Anselm Kovac", "the chemist", QuoteDirect}}},
		{"short title spelt out", "Sen. Ana Cruz (R-Texas) spoke on Monday. “The truth was plain,” the senator said.",
			[]wantQuote{{"The truth was plain,", "Ana Cruz", "the senator", QuoteDirect}}},
		{"description with no name stays a description",
			"“The town signed a contract,” the agency's top lawyer said.",
			[]wantQuote{{"The town signed a contract,", "the agency's top lawyer", "the agency's top lawyer", QuoteDirect}}},
		{"quote with no cue inherits the speaker before",
			"“We start at four,” said Tomas Reiner.\n\n“Without the late boat, they quit.”",
			[]wantQuote{{"We start at four,", "Tomas Reiner", "Tomas Reiner", QuoteDirect},
				{"Without the late boat, they quit.", "Tomas Reiner", "", QuoteDirect}}},
		{"multi-paragraph quote with the cue at the end",
			"Tomas Reiner runs the bakery.\n\n“My bakers start at four.\n\n“And if they quit, the island loses its bakery,” he said.",
			[]wantQuote{{"My bakers start at four.\n\n“And if they quit, the island loses its bakery,", "Tomas Reiner", "he", QuoteDirect}}},
		{"interrupted quote is one quote in two parts",
			"“We cannot pay for an empty boat,” Lena Varga said after the vote. “The money must go to the clinic.”",
			[]wantQuote{{"We cannot pay for an empty boat,” Lena Varga said after the vote. “The money must go to the clinic.", "Lena Varga", "Lena Varga", QuoteDirect}}},
		{"apposition: X, a spokeswoman for Y, said",
			"“No one asked us,” Priya Okafor, a spokeswoman for the transport agency, said.",
			[]wantQuote{{"No one asked us,", "Priya Okafor", "Priya Okafor", QuoteDirect}}},
		{"partial quote", "Tomas Reiner called the vote “a quiet eviction” on Tuesday.",
			[]wantQuote{{"a quiet eviction", "Tomas Reiner", "Tomas Reiner", QuotePartial}}},
		{"scare quote", "The council's so-called “efficiency plan” was drawn up in a hurry.",
			[]wantQuote{{"efficiency plan", "", "", QuoteScare}}},
		{"short quote with no speaker is a scare quote", "The “experts” were wrong again.",
			[]wantQuote{{"experts", "", "", QuoteScare}}},
		{"dash signature", "“Maybe we can build a wall around the council.” ― Jo Quill",
			[]wantQuote{{"Maybe we can build a wall around the council.", "Jo Quill", "Jo Quill", QuoteDirect}}},
		{"cue in the sentence before, ending in a colon", "Caddell continued:\n\n“This is in their heads.”",
			[]wantQuote{{"This is in their heads.", "Caddell", "Caddell", QuoteDirect}}},
		{"a letter reads", "“Our support is not abstract,” the letter reads.",
			[]wantQuote{{"Our support is not abstract,", "the letter", "the letter", QuoteDirect}}},
		{"initials inside an apposition", "“It is a sham,” said another critic, Laurence H. Tribe, on Monday.",
			[]wantQuote{{"It is a sham,", "another critic", "another critic", QuoteDirect}}},
		{"long title and a party tag", "“The veto will be overridden,” Senate Majority Leader Ada Brook, R-Ky., said.",
			[]wantQuote{{"The veto will be overridden,", "Ada Brook", "Senate Majority Leader Ada Brook", QuoteDirect}}},
		{"pronoun after a name in the same sentence", "Nell Ortiz lost the vote. Dana Ruiz said she felt the rules were unfair because “nobody read them,” she said.",
			[]wantQuote{{"nobody read them,", "Dana Ruiz", "she", QuotePartial}}},
		{"quoted title is no quote", "She said it on “Face the Nation” last week.", nil},
		{"single quotes", "‘People vote with their cars,’ Carl Whitfield told the paper.",
			[]wantQuote{{"People vote with their cars,", "Carl Whitfield", "Carl Whitfield", QuoteDirect}}},
		{"straight quotes and brackets", `"Subpoenas are not optional," Rep. Jo Park (D-Ore.) said.`,
			[]wantQuote{{"Subpoenas are not optional,", "Jo Park", "Rep. Jo Park", QuoteDirect}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := analyze(t, tt.text)
			var got []wantQuote
			for _, q := range r.Quotes {
				got = append(got, wantQuote{q.Text, q.Speaker, q.Mention, q.Kind})
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("%q\n got %+v\nwant %+v", tt.text, got, tt.want)
			}
		})
	}
}

func TestSentenceLabelsAndSources(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // "label source/cue" for each sentence
	}{
		{"indirect speech with that", "The ministry said that the talks would resume.", []string{"attributed the ministry/said"}},
		{"indirect speech without that", "The ministry said the talks would resume next week.", []string{"attributed the ministry/said"}},
		{"according to", "According to two officials, the deal is close.", []string{"attributed two officials/According to"}},
		{"according to at the end", "The deal is close, according to the city's lawyer.", []string{"attributed the city's lawyer/according to"}},
		{"vague source", "Critics say the plan is rushed.", []string{"attributed Critics/say"}},
		{"loaded verb stays attributed", "The minister claimed the figures were wrong.", []string{"attributed the minister/claimed"}},
		{"anonymous source", "An official who asked not to be named said the buyer was a tour company.",
			[]string{"attributed an official/said"}},
		{"pronoun source", "Lena Varga chairs the council. She told reporters that the decision could be reviewed.",
			[]string{"reported /", "attributed Lena Varga/told"}},
		{"quote sentence", "“We will reopen the bridge by spring,” the mayor said.", []string{"quote the mayor/said"}},
		{"a quote that opens the sentence, then a long cue", "‘People vote with their cars,’ Carl Whitfield told the Dunmore Courier in an interview.",
			[]string{"quote Carl Whitfield/told"}},
		{"a partial quote leaves the sentence attributed", "Tomas Reiner called the vote “a quiet eviction” at the meeting on Tuesday.",
			[]string{"attributed Tomas Reiner/called"}},
		{"sentences inside a multi-sentence quote are quotes",
			"“We cannot pay. The money must go to the clinic,” Lena Varga said.",
			[]string{"quote Lena Varga/said", "quote Lena Varga/said"}},
		{"a fact", "The council voted 7–2 on Monday to close the library.", []string{"reported /"}},
		{"nouns are not cues", "The reports on the ferry run to 40 pages. Her claims about costs were checked.",
			[]string{"reported /", "reported /"}},
		{"passive is not a cue", "The bridge is expected to open in May.", []string{"reported /"}},
		{"beliefs need a believer", "The figures show a fall. Many residents believe the ferry will return.",
			[]string{"attributed the figures/show", "attributed many residents/believe"}},
		{"things do not believe", "These rules feel a bit rushed.", []string{"reported /"}},
		{"participle takes the subject", "Tomas Reiner attacked the plan on Monday, saying it would ruin the island.",
			[]string{"attributed Tomas Reiner/saying"}},
		{"relative clause subject", "The prize went to Jo Park, who says she is honoured.", []string{"attributed Jo Park/says"}},
		{"a question reports no one", "Do you know where the tax returns are?", []string{"reported /"}},
		{"the writer's own belief is no source", "I believe the council is wrong.", []string{"reported /"}},
		{"compound nouns are not cues", "Turnout in battleground states rose by four percentage points each year.", []string{"reported /"}},
		{"time phrase before the cue", "Jo Park this week also said she would run.", []string{"attributed Jo Park/said"}},
		{"-ly adverb between source and cue", "Democratic leaders increasingly worried that the vote was lost.",
			[]string{"attributed Democratic leaders/worried"}},
		{"initial in a name", "Laurence H. Tribe likened the rules to a sham.", []string{"attributed Laurence H. Tribe/likened"}},
		{"reduced relative is no cue", "All the writers using this form translate themselves.", []string{"reported /"}},
		{"noun after an adjective is no cue", "The minister issued a stark warning.", []string{"reported /"}},
		{"things do not add", "Heavy rains have added to the flood.", []string{"reported /"}},
		{"participle-only form needs an auxiliary", "He appeared with the word written on his hand.", []string{"reported /"}},
		{"words for people believe", "Environmentalists worry that the mine will leak.", []string{"attributed Environmentalists/worry"}},
		{"negated cue", "He didn't say when the vote would be.", []string{"attributed He/say"}},
		{"cue at the end of the sentence", "Donations hit $1 billion, an analysis of the filings shows.",
			[]string{"attributed an analysis of the filings/shows"}},
		{"verb that is also a noun after a name", "Ortiz demands accountability from the board.", []string{"attributed Ortiz/demands"}},
		{"past tense of a verb-noun with a thing as subject", "Instant polls showed Ruiz was the winner.", []string{"attributed Instant polls/showed"}},
		{"negated progressive", "The attorney general isn't saying if the rules were broken.", []string{"attributed the attorney general/saying"}},
		{"a verb that is also a noun, after a name", "Ruiz charges that the donors were paid.", []string{"attributed Ruiz/charges"}},
		{"the noun is no cue", "The charges against the donors were dropped.", []string{"reported /"}},
		{"put it", "As Ana Ortiz put it, the library is the town's living room.", []string{"attributed Ana Ortiz/put it"}},
		{"transcript", "ORTIZ: Well, look, the plan is rushed.", []string{"attributed ORTIZ/:"}},
		{"coordinated verb after an opening phrase", "Once in my twenties, when my aunt raised it, I laughed and said nothing.",
			[]string{"reported /"}},
		{"coordinated verb", "Tomas Reiner walked out of the meeting and said the vote was rushed.", []string{"attributed Tomas Reiner/said"}},
		{"headline verb", "Retired General Reveals Experience Of Serving", []string{"attributed Retired General/Reveals"}},
		{"a plan with a number is an object, not a belief", "The builder plans 300 new flats by the harbour.", []string{"reported /"}},
		{"a plan with a clause stays a cue", "The developers plan to start work in June.", []string{"attributed the developers/plan"}},
		{"a verb that ends the sentence reports nothing", "Only 12 tenants replied.", []string{"reported /"}},
		{"a cue that ends the sentence after a clause", "The plan is rushed, the tenants replied.", []string{"attributed the tenants/replied"}},
		{"written to an addressee", "Pupils write to the head teacher every month.", []string{"reported /"}},
		{"written to an addressee that something is so", "Pupils wrote to the head teacher that the heating was off.",
			[]string{"attributed Pupils/wrote"}},
		{"things other than evidence show nothing", "Photographs showed the gate was open.", []string{"reported /"}},
		{"evidence shows", "A survey of tenants in the valley showed the gate was open.",
			[]string{"attributed a survey of tenants in the valley/showed"}},
		{"the reader is no source", "As you might guess, the queue was long.", []string{"reported /"}},
		{"nobody is no source", "No one is asking for a new stadium.", []string{"reported /"}},
		{"a modal makes a belief the writer's guess", "Landlords could hope the rule is forgotten.", []string{"reported /"}},
		{"according to a thing that is no source", "Fees vary according to postcode.", []string{"reported /"}},
		{"a group placed by a preposition", "Some farmers in the valley believe the dam will fail.",
			[]string{"attributed some farmers in the valley/believe"}},
		{"heard that", "The tribunal heard that the pilot had been awake for a day.", []string{"attributed the tribunal/heard"}},
		{"heard without that is no cue", "The neighbours heard a loud bang.", []string{"reported /"}},
		{"an aside between source and verb", "Some islanders, however, question the new rules.",
			[]string{"attributed some islanders/question"}},
		{"many of whom say", "The board wrote to the tenants, many of whom say the rent is too high.",
			[]string{"attributed the tenants/say"}},
		{"a plural subject and 'show that'", "Figures from the 2021 census show that rents doubled.",
			[]string{"attributed Figures from the 2021 census/show"}},
		{"a noun before a relative 'that' is no cue", "The two taped an hourlong show that aired on Friday.", []string{"reported /"}},
		{"an analysis shows at the end", "Fares doubled in a decade, a council analysis of the ferry logs shows.",
			[]string{"attributed a council analysis of the ferry logs/shows"}},
		{"it is understood that", "It is understood that the harbour master will resign.",
			[]string{"attributed It is understood/is understood"}},
		{"said to", "The harbour master is said to be furious.", []string{"attributed is said to/is said to"}},
		{"a passive that reports no one", "The harbour is expected to reopen in May.", []string{"reported /"}},
		{"some say", "Some say the ferry will never return.", []string{"attributed some/say"}},
		{"many argue", "Many argue the toll is unfair.", []string{"attributed many/argue"}},
		{"some with a noun is no source", "Some reports were lost in the flood.", []string{"reported /"}},
		{"those close to", "Those close to the harbour master say he will resign.",
			[]string{"attributed those close to the harbour master/say"}},
		{"there are fears that", "There have been growing fears that the pier will collapse.",
			[]string{"attributed fears/There have been growing fears"}},
		{"there are fears about", "There are fears about the pier.", []string{"reported /"}},
		{"a finding with a number", "The inspectors found 14 cracks in the pier.", []string{"attributed the inspectors/found"}},
		{"wrote with an object", "The pupils wrote a play about the flood.", []string{"reported /"}},
		{"a panel placed in time finds", "An appeals panel in 2019 found the fees were unlawful.",
			[]string{"attributed an appeals panel in 2019/found"}},
		{"a belief that is the object of 'what'", "The fund pays for what the trustees believe is a fair rent.", []string{"reported /"}},
		{"speech after 'what' is still reported", "The fund paid what the trustees called a fair rent.", []string{"attributed the trustees/called"}},
		{"a cue in an if clause", "The vote will fail if the tenants find the rules unfair.", []string{"reported /"}},
		{"the writer's I after an opening adverb", "Nevertheless I believe the ferry will return.", []string{"reported /"}},
		{"a noun before a relative clause is no cue", "The late-night talk shows, whose hosts rarely agree, ignored the vote.",
			[]string{"reported /"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := analyze(t, tt.text)
			var got []string
			for _, s := range r.Sentences {
				label := string(s.Label)
				if s.Label == LabelOpinion {
					label = "reported" // the opinion rules are tested on their own
				}
				got = append(got, fmt.Sprintf("%s %s/%s", label, s.Source, s.Cue))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("%q\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestAttributionSignals(t *testing.T) {
	tests := []struct {
		text string
		kind SignalKind
		word string
	}{
		{"The minister claimed the figures were wrong.", SignalLoadedAttribution, "claimed"},
		{"Varga admitted that the figures were left out.", SignalLoadedAttribution, "admitted"},
		{"Ortiz conceded the point.", SignalLoadedAttribution, "conceded"},
		{"The minister sneered that the report was a joke.", SignalLoadedAttribution, "sneered"},
		{"Critics say the plan is rushed.", SignalVagueSource, "Critics"},
		{"Some experts believe the readings will rise.", SignalVagueSource, "Some experts"},
		{"It is widely believed that the plan will fail.", SignalVagueSource, "It is widely believed"},
		{"An official who asked not to be named said the buyer was a tour company.", SignalAnonymousSource, "who asked not to be named"},
		{"A health official speaking on condition of anonymity said the readings rose.", SignalAnonymousSource, "speaking on condition of anonymity"},
		{"The council's so-called “efficiency plan” was rushed.", SignalScareQuote, "efficiency plan"},
		{"The harbour master is said to be furious.", SignalVagueSource, "is said to"},
		{"Those close to the harbour master say he will resign.", SignalAnonymousSource, "Those close to"},
		{"Some people on the east bank believe the vote came too late.", SignalVagueSource, "Some people"},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			r := analyze(t, tt.text)
			var found []string
			for _, g := range r.Sentences[0].Signals {
				found = append(found, string(g.Kind)+":"+g.Text)
				if g.Kind == tt.kind && g.Text == tt.word {
					if !strings.Contains(g.Why, " ") {
						t.Errorf("signal %q has no readable why: %q", g.Text, g.Why)
					}
					return
				}
			}
			t.Errorf("%q: want %s %q among %q", tt.text, tt.kind, tt.word, found)
		})
	}
	r := analyze(t, "The mayor said the bridge would open.")
	for _, g := range r.Sentences[0].Signals {
		if g.Kind == SignalLoadedAttribution {
			t.Errorf("neutral said flagged as loaded: %+v", g)
		}
	}
}

func TestParagraphIndexAndSummary(t *testing.T) {
	text := "Ferry halted\n\n“We cannot pay,” Lena Varga said. Varga said the clinic needs nurses.\n\nCritics say it is rushed. “Nonsense,” said Varga."
	r := analyze(t, text)
	var paras []int
	for _, s := range r.Sentences {
		paras = append(paras, s.Paragraph)
	}
	if want := []int{0, 1, 1, 2, 2}; !slices.Equal(paras, want) {
		t.Errorf("paragraphs %v, want %v", paras, want)
	}
	if r.Summary.Labels[LabelQuote] != 2 || r.Summary.Labels[LabelAttributed] != 2 {
		t.Errorf("label counts %v", r.Summary.Labels)
	}
	want := map[string]SourceCount{
		"Lena Varga": {Name: "Lena Varga", Quotes: 2, Paraphrases: 1, Named: true},
		"Critics":    {Name: "Critics", Quotes: 0, Paraphrases: 1, Named: false},
	}
	if len(r.Summary.Sources) != len(want) {
		t.Fatalf("sources %+v", r.Summary.Sources)
	}
	for _, s := range r.Summary.Sources {
		if want[s.Name] != s {
			t.Errorf("source %+v, want %+v", s, want[s.Name])
		}
	}
	if r.Summary.Signals[SignalVagueSource] != 1 {
		t.Errorf("signal counts %v", r.Summary.Signals)
	}
}

// TestLabelGuideExamples checks the examples of docs/labels.md, the contract
// every part of the app shares.
func TestLabelGuideExamples(t *testing.T) {
	tests := []struct {
		text string
		want Label
	}{
		{"“We will reopen the bridge by spring,” the mayor said.", LabelQuote},
		{"The ministry said the talks would resume next week.", LabelAttributed},
		{"According to two officials, the deal is close.", LabelAttributed},
		{"Critics say the plan is rushed.", LabelAttributed},
		{"The council's reckless plan wrecked a decade of progress.", LabelOpinion},
		{"Voters should reject it.", LabelOpinion},
		{"The council voted 7–2 on Monday to close the library.", LabelReported},
		{"The mayor, who has been widely mocked, said the bridge will open.", LabelAttributed},
		{"The minister claimed the figures were wrong.", LabelAttributed},
		{"She called the vote “a betrayal”.", LabelAttributed},
	}
	for _, tt := range tests {
		if got := analyze(t, tt.text).Sentences[0].Label; got != tt.want {
			t.Errorf("%q: %s, want %s", tt.text, got, tt.want)
		}
	}
}
