package cli

import "fmt"

// runImport is not written yet: its issue replaces this file.
func runImport(_ []string, stdio IO) int {
	fmt.Fprintln(stdio.Stderr, "mediareview import: not available yet")
	return 1
}
