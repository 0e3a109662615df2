// Package app is Media Review's window: screens built on the analyser and
// the store. Everything here is thin Fyne code; the logic lives in the
// Fyne-free packages beside it (review, store, importer, report).
package app

import (
	"context"
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mediareview/app/buildinfo"
	"mediareview/app/cli"
	"mediareview/app/store"
	"mediareview/assets"
)

// Icon is the application icon.
var Icon = fyne.NewStaticResource("icon.png", assets.Icon)

// Run opens the main window and runs the app until it is closed.
func Run(a fyne.App, opts cli.Window) {
	w := a.NewWindow(buildinfo.Name)
	w.SetIcon(Icon)
	st, err := store.Open(context.Background(), opts.DB)
	if err != nil {
		showCannotStart(w, err)
		w.ShowAndRun()
		return
	}
	defer st.Close()
	m := newMainWindow(a, w, st)
	m.start(opts)
	w.ShowAndRun()
	m.stop()
}

// showCannotStart makes the window say, in plain words, why the database
// cannot be opened, with a Quit button: the app never exits silently. The
// message sits in a fixed-size box because a wrapping label measured
// before layout would make the window as tall as the screen.
func showCannotStart(w fyne.Window, err error) {
	w.SetTitle(buildinfo.Name + " — cannot open the library")
	heading := widget.NewLabelWithStyle("Media Review cannot open its library", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	msg := widget.NewLabel(plainError(err))
	msg.Wrapping = fyne.TextWrapWord
	quit := &widget.Button{Text: "Quit", Importance: widget.HighImportance, OnTapped: w.Close}
	icon := widget.NewIcon(theme.NewErrorThemedResource(theme.ErrorIcon()))
	body := container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), quit), nil, nil,
		container.NewGridWrap(fyne.NewSize(540, 110), msg))
	w.SetContent(container.NewPadded(container.NewBorder(heading, nil, container.NewVBox(icon), nil, body)))
	w.Resize(fyne.NewSize(620, 220))
	w.SetFixedSize(true)
}

// plainError is err in plain words for a dialog.
func plainError(err error) string {
	var oe *store.OpenError
	switch {
	case errors.Is(err, store.ErrBusy):
		return "The library is busy: another copy of Media Review is writing to it. Try again in a moment."
	case errors.As(err, &oe) && errors.Is(err, store.ErrNewer):
		return fmt.Sprintf("The library at %s was made by a newer version of Media Review. Update the app; the file has not been changed.", oe.Path)
	case errors.As(err, &oe) && errors.Is(err, store.ErrNotDatabase):
		return fmt.Sprintf("The file %s is not a Media Review library, or it is damaged. It has not been changed; move it away or choose another with --db.", oe.Path)
	}
	return capitalise(err.Error()) + "."
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	if r[0] >= 'a' && r[0] <= 'z' {
		r[0] -= 'a' - 'A'
	}
	return string(r)
}
