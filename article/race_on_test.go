//go:build race

package article

// raceEnabled: the race detector slows the aligner tenfold; the scaling
// test runs without it (make test runs it a second time so).
const raceEnabled = true
