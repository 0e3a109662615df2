package cli

import "fmt"

// runAnalyze is not written yet: its issue replaces this file.
func runAnalyze(_ []string, stdio IO) int {
	fmt.Fprintln(stdio.Stderr, "mediareview analyze: not available yet")
	return 1
}
