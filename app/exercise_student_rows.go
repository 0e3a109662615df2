package app

import (
	"strings"

	"mediareview/analysis"
	"mediareview/widgets"
)

// machineShown reports whether the machine's labels and reasons are on
// screen: while working unless the teacher hid them, after handing in if
// reasons are allowed.
func (s *studentScreen) machineShown() bool {
	if s.sub.Submitted() {
		return s.ex.Manifest.Settings.ShowReasons
	}
	return !s.ex.Manifest.Settings.HideMachine
}

func (s *studentScreen) revealed() bool { return s.sub.Submitted() && s.ex.Manifest.Settings.RevealKey }

// buildRows prepares each sentence's row from the exercise's own spans;
// the machine's signals and speakers are left out while they are hidden.
func (s *studentScreen) buildRows() {
	s.rows = make([]widgets.RowData, len(s.ex.Sentences))
	for i, k := range s.ex.Sentences {
		sent := s.machineSentence(i)
		var quotes []analysis.Quote
		for _, q := range s.quotesOf[i] {
			kq := s.ex.Quotes[q]
			quotes = append(quotes, analysis.Quote{Start: kq.Start, End: kq.End, Kind: analysis.QuoteDirect})
		}
		if !s.machineShown() {
			sent.Signals = nil
		}
		s.rows[i] = widgets.NewRowData(sent, quotes)
		s.rows[i].ParagraphStart = i == 0 || k.Paragraph != s.ex.Sentences[i-1].Paragraph
	}
}

// machineSentence is the machine's sentence i, or the bare span when the
// stored analysis does not have it.
func (s *studentScreen) machineSentence(i int) analysis.Sentence {
	k := s.ex.Sentences[i]
	if m := s.ex.Machine; m != nil && i < len(m.Sentences) && m.Sentences[i].Start == k.Start && m.Sentences[i].End == k.End {
		return m.Sentences[i]
	}
	return analysis.Sentence{Index: i, Start: k.Start, End: k.End, Text: s.ex.SentenceText(i)}
}

// rowData is sentence i as the student sees it now.
func (s *studentScreen) rowData(i int) widgets.RowData {
	d := s.rows[i]
	d.Label = s.sub.Label(i)
	if !s.ex.Manifest.Settings.Ask.Labels() {
		d.Label = "" // speakers only: the chip shows the machine's label when it may
		if s.machineShown() {
			d.Label = s.machineSentence(i).Label
		}
	}
	d.Machine = d.Label // the row's own "machine said" only while working
	if !s.sub.Submitted() && s.machineShown() && s.ex.Manifest.Settings.Ask.Labels() {
		d.Machine = s.machineSentence(i).Label
	}
	d.Selected = i == s.current
	d.Caption = s.caption(i)
	if k := s.ex.Sentences[i]; s.revealed() && k.Graded() && s.ex.Manifest.Settings.Ask.Labels() {
		d.Verdict = widgets.VerdictDisagree
		if d.Label == k.Label {
			d.Verdict = widgets.VerdictAgree
		}
	}
	return d
}

func (s *studentScreen) caption(i int) string {
	var parts []string
	if s.ex.Manifest.Settings.Ask.Speakers() {
		for _, q := range s.quotesOf[i] {
			switch sp := s.sub.Speaker(q); {
			case sp != "":
				parts = append(parts, "you: "+sp)
			case s.sub.Submitted():
				parts = append(parts, "no speaker named")
			default:
				parts = append(parts, "who speaks? (Enter)")
			}
		}
	}
	k := s.ex.Sentences[i]
	if s.revealed() && k.Graded() && s.sub.Label(i) != k.Label {
		parts = append(parts, "key: "+widgets.LabelName(k.Label))
	}
	if m := s.machineSentence(i).Label; s.sub.Submitted() && s.machineShown() && m != "" && m != k.Label {
		parts = append(parts, "machine said "+widgets.LabelName(m))
	}
	return strings.Join(parts, " · ")
}

// resizeRows tells the list how tall each wrapped row is.
func (s *studentScreen) resizeRows() {
	for i := range s.rows {
		s.resizeRow(i)
	}
}

func (s *studentScreen) resizeRow(i int) {
	if s.width > 0 {
		d := s.rowData(i)
		s.list.SetItemHeight(i, widgets.RowHeight(s.list.Theme(), &d, s.width))
	}
}
