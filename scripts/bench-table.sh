#!/bin/sh
# Turn `go test -bench` output (stdin) into the speed table of README:
# each speed goal, its target and what this run measured.
# Used by `make bench`; reads only what the benchmarks printed.
awk '
function ms(ns) { return sprintf("%.1f ms", ns / 1e6) }
/^Benchmark/ {
	name = $1; sub(/-[0-9]+$/, "", name); sub(/^Benchmark/, "", name)
	for (i = 3; i < NF; i++) {
		if ($(i+1) == "ns/op") ns[name] = $i
		if ($(i+1) == "MB/s") mbs[name] = $i
	}
}
function row(goal, target, value) { printf "| %s | %s | %s |\n", goal, target, value }
END {
	print "| speed goal | target | this run |"
	print "|---|---|---|"
	if ("AnalyzeArticle" in ns) row("1,000-word article, word lists loaded", "<= 15 ms", ms(ns["AnalyzeArticle"]))
	if ("AnalyzeColdStart" in ns) row("mediareview analyze of it, cold start", "<= 250 ms", ms(ns["AnalyzeColdStart"]))
	if ("Analyze1MB" in ns) row("1 MB document", ">= 2 MB/s", ("Analyze1MB" in mbs) ? mbs["Analyze1MB"] " MB/s" : ms(ns["Analyze1MB"]))
	if ("Analyze10MB" in ns && "Analyze1MB" in ns)
		row("10 MB document, time per MB against 1 MB", "<= 1.3x", sprintf("%.2fx", ns["Analyze10MB"] / 10 / ns["Analyze1MB"]))
	if ("WindowStart" in ns) row("start to the first sample drawn and analysed", "<= 1.5 s", sprintf("%.2f s", ns["WindowStart"] / 1e9))
	if ("FirstScreenLarge" in ns) row("100,000-word file, first screen after analysis", "<= 1 s", ms(ns["FirstScreenLarge"]))
	if ("NextSentence/updated" in ns) row("next sentence by keyboard (model and list updated)", "<= 50 ms", ms(ns["NextSentence/updated"]))
	if ("SetVerdict" in ns) row("one verdict saved to disk", "", ms(ns["SetVerdict"]))
}'
