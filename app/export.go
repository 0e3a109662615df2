package app

func (m *mainWindow) showExport() {
	m.showProblem("Export", "Export is not available in this build yet.")
}
