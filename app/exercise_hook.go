package app

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// openExercise is where the review window hands over a .mrexercise file
// (opened, dropped or named on the command line). The exercise screens
// (issue 6) replace this file with the real screen.
func openExercise(w fyne.Window, path string) {
	dialog.ShowInformation("Exercise files", "Exercise files cannot be opened in this build yet: "+filepath.Base(path), w)
}
