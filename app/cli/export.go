package cli

import "fmt"

// runExport is not written yet: its issue replaces this file.
func runExport(_ []string, stdio IO) int {
	fmt.Fprintln(stdio.Stderr, "mediareview export: not available yet")
	return 1
}
