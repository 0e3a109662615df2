// Package widgets holds Media Review's own Fyne widgets: the sentence row of
// the article list, the label chip, the label mix bar and the focusable
// sentence list. Each is small and drawn only from the data it is given.
package widgets

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"mediareview/analysis"
)

// The label colours come from the Okabe–Ito palette, chosen to stay apart
// for readers with any common colour-vision deficiency; the letter chip
// means colour is never the only cue.
var labelColors = map[analysis.Label]color.NRGBA{
	analysis.LabelQuote:      {R: 0x00, G: 0x72, B: 0xB2, A: 0xFF}, // blue
	analysis.LabelAttributed: {R: 0xE6, G: 0x9F, B: 0x00, A: 0xFF}, // orange
	analysis.LabelReported:   {R: 0x00, G: 0x9E, B: 0x73, A: 0xFF}, // bluish green
	analysis.LabelOpinion:    {R: 0xCC, G: 0x79, B: 0xA7, A: 0xFF}, // reddish purple
}

var unknownColor = color.NRGBA{R: 0x99, G: 0x99, B: 0x99, A: 0xFF}

// LabelColor is the solid colour of a label.
func LabelColor(l analysis.Label) color.NRGBA {
	if c, ok := labelColors[l]; ok {
		return c
	}
	return unknownColor
}

// LabelTint is the label's colour as a row background: light enough for
// the text theme's foreground to stay readable on it, in light and dark
// themes alike.
func LabelTint(l analysis.Label, v fyne.ThemeVariant) color.NRGBA {
	c := LabelColor(l)
	c.A = 0x2C
	if v == theme.VariantDark {
		c.A = 0x48
	}
	return c
}

// LabelInk is the colour of text drawn on a label's solid colour: white on
// blue, black on the lighter three (each above 4.5:1 contrast).
func LabelInk(l analysis.Label) color.Color {
	if l == analysis.LabelQuote {
		return color.White
	}
	return color.Black
}

// labelWords are the chip letter and the reader's name of each label.
var labelWords = map[analysis.Label]struct{ letter, name string }{
	analysis.LabelQuote:      {"Q", "Quote"},
	analysis.LabelAttributed: {"A", "Attributed"},
	analysis.LabelReported:   {"R", "Reported"},
	analysis.LabelOpinion:    {"O", "Opinion"},
}

// LabelLetter is the label's one-letter chip text: Q, A, R or O.
func LabelLetter(l analysis.Label) string {
	if w, ok := labelWords[l]; ok {
		return w.letter
	}
	return "?"
}

// LabelName is the label as a reader sees it, capitalised.
func LabelName(l analysis.Label) string {
	if w, ok := labelWords[l]; ok {
		return w.name
	}
	return "Unlabelled"
}

// LabelIcon is a small square in the label's colour, for buttons and menus.
func LabelIcon(l analysis.Label) fyne.Resource {
	c := LabelColor(l)
	svg := fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">`+
		`<rect x="3" y="3" width="18" height="18" rx="4" fill="#%02x%02x%02x"/></svg>`, c.R, c.G, c.B)
	return fyne.NewStaticResource("label-"+string(l)+".svg", []byte(svg))
}
