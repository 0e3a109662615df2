// Package app is Media Review's window: screens built on the analyser and
// the store. Everything here is thin Fyne code; the logic lives in the
// Fyne-free packages beside it.
package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"mediareview/app/buildinfo"
	"mediareview/app/cli"
	"mediareview/assets"
)

// Icon is the application icon.
var Icon = fyne.NewStaticResource("icon.png", assets.Icon)

// Run opens the main window and runs the app until it is closed.
func Run(a fyne.App, opts cli.Window) {
	sample := assets.Samples()[0]
	w := a.NewWindow(sample.Title() + " — " + buildinfo.Name)
	text := widget.NewLabel(sample.Text)
	text.Wrapping = fyne.TextWrapWord
	w.SetContent(container.NewVScroll(text))
	w.Resize(fyne.NewSize(1000, 700))
	w.ShowAndRun()
}
