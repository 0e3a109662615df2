// Command mediareview is Media Review: a desktop application for reviewing
// news articles sentence by sentence. See README.md.
package main

import (
	"os"

	fyneapp "fyne.io/fyne/v2/app"

	"mediareview/app"
	"mediareview/app/buildinfo"
	"mediareview/app/cli"
	_ "mediareview/app/syslocale" // before Fyne initialises: see its doc
)

func main() {
	win, code := cli.Main(os.Args[1:], cli.IO{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr})
	if win == nil {
		os.Exit(code)
	}
	a := fyneapp.NewWithID(buildinfo.ID)
	a.SetIcon(app.Icon)
	app.Run(a, *win)
}
