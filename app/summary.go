package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"mediareview/analysis"
	"mediareview/app/review"
	"mediareview/widgets"
)

// summaryView is the article at a glance: the label mix, its sources, the
// most frequent signals and how often the reviewer agreed.
type summaryView struct {
	sum       review.Summary
	reviewers []review.ReviewerAgreement // every reviewer of the article
}

func (v summaryView) content() fyne.CanvasObject {
	return container.NewVBox(
		section("Label mix"), v.mix(),
		section("Your agreement with the machine"), v.agreement(),
		section("Signals found most"), v.signals(),
		section("Sources"), v.sources(),
	)
}

func (v summaryView) mix() fyne.CanvasObject {
	shares := make([]widgets.Share, len(v.sum.Mix))
	legend := container.NewHBox()
	for i, m := range v.sum.Mix {
		shares[i] = widgets.Share{Label: m.Label, Value: float64(m.Count)}
		legend.Add(widgets.NewLabelChip(m.Label))
		legend.Add(widget.NewLabel(fmt.Sprintf("%s %d (%.0f%%)", widgets.LabelName(m.Label), m.Count, m.Share*100)))
	}
	return container.NewVBox(widgets.NewMixBar(shares), legend)
}

func (v summaryView) sources() fyne.CanvasObject {
	if len(v.sum.Sources) == 0 {
		return lowLabel("No one is quoted or paraphrased.")
	}
	form := container.New(layout.NewFormLayout())
	for k, s := range v.sum.Sources {
		if k == 12 {
			break
		}
		form.Add(head(s.Name))
		form.Add(widget.NewLabel(sourceCounts(s)))
	}
	return form
}

// sourceCounts says how a source is used: "quoted 2×, paraphrased once · named".
func sourceCounts(s analysis.SourceCount) string {
	var parts []string
	if s.Quotes > 0 {
		parts = append(parts, "quoted "+times(s.Quotes))
	}
	if s.Paraphrases > 0 {
		parts = append(parts, "paraphrased "+times(s.Paraphrases))
	}
	kind := "vague or anonymous"
	if s.Named {
		kind = "named"
	}
	return strings.Join(append(parts, kind), " · ")
}

func times(n int) string {
	if n == 1 {
		return "once"
	}
	return fmt.Sprintf("%d×", n)
}

func (v summaryView) signals() fyne.CanvasObject {
	if len(v.sum.Signals) == 0 {
		return lowLabel("No signal words found.")
	}
	var parts []string
	for k, s := range v.sum.Signals {
		if k == 6 {
			break
		}
		parts = append(parts, fmt.Sprintf("%s × %d", strings.ReplaceAll(string(s.Kind), "-", " "), s.Count))
	}
	return &widget.Label{Text: strings.Join(parts, " · "), Wrapping: fyne.TextWrapWord}
}

func (v summaryView) agreement() fyne.CanvasObject {
	a := v.sum.Agreement
	var lines []string
	if a.Reviewed == 0 {
		lines = append(lines, "You have not reviewed any sentence yet.")
	} else {
		lines = append(lines, fmt.Sprintf("You agreed on %d of %d sentences reviewed (%.0f%%).", a.Agreed, a.Reviewed, a.Rate()*100))
		var per []string
		for _, m := range v.sum.Mix {
			if pl := a.PerLabel[m.Label]; pl[1] > 0 {
				per = append(per, fmt.Sprintf("%s %d of %d", widgets.LabelName(m.Label), pl[0], pl[1]))
			}
		}
		lines = append(lines, "By the machine's label: "+strings.Join(per, " · "))
	}
	if len(v.reviewers) > 1 {
		var all []string
		for _, r := range v.reviewers {
			all = append(all, fmt.Sprintf("%s %d of %d (%.0f%%)", r.Reviewer, r.Agreed, r.Reviewed, 100*float64(r.Agreed)/float64(r.Reviewed)))
		}
		lines = append(lines, "Every reviewer: "+strings.Join(all, " · "))
	}
	return &widget.Label{Text: strings.Join(lines, "\n"), Wrapping: fyne.TextWrapWord}
}

func head(s string) fyne.CanvasObject {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

func (m *mainWindow) showSummary() {
	if m.session == nil {
		return
	}
	v := summaryView{sum: m.session.Summary()}
	all, err := m.store.Verdicts(context.Background(), m.session.Article(), "")
	if err != nil {
		m.showError("Cannot read the verdicts", err)
		return
	}
	v.reviewers = review.AgreementByReviewer(all)
	d := dialog.NewCustom("Summary — "+m.title, "Close", container.NewVScroll(v.content()), m.win)
	d.Resize(fyne.NewSize(640, 560))
	d.SetOnClosed(m.focusArticle)
	d.Show()
}
