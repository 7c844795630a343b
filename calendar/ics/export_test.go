package ics

// What the external tests (package ics_test) borrow from the internal
// ones: the generated benchmark file, for the import benchmark, which
// needs package data and so cannot live in package ics.
var (
	Bench100k   = bench100kData
	BenchExport = benchExport
	BenchStamp  = benchStamp
)
