// Package allocs measures what a function allocates, for the tests that
// check memory grows linearly with an article.
package allocs

import "runtime"

// Bytes returns the bytes allocated while f runs.
func Bytes(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}
