package article

import (
	"fmt"
	"strings"
)

// Severity tells a warning from an error.
type Severity uint8

// The severities of a diagnostic.
const (
	Warning Severity = iota
	Error
)

func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Diagnostic is a message about the input, in the form a compiler gives:
// "file:line: warning: text".
type Diagnostic struct {
	File     string
	Line     int
	Severity Severity
	Msg      string
}

func (d Diagnostic) Error() string { return d.String() }

func (d Diagnostic) String() string {
	return fmt.Sprintf("%s:%d: %s: %s", d.File, d.Line, d.Severity, d.Msg)
}

// Diagnostics is the list of messages from one parse, in source order.
type Diagnostics []Diagnostic

// HasErrors reports whether any diagnostic is an error.
func (ds Diagnostics) HasErrors() bool {
	for _, d := range ds {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Err returns the diagnostics as an error when any of them is an error, else nil.
func (ds Diagnostics) Err() error {
	if !ds.HasErrors() {
		return nil
	}
	return ParseError(ds)
}

// ParseError is returned by Parse when the article cannot be used. It holds
// every diagnostic, warnings included.
type ParseError Diagnostics

func (e ParseError) Error() string {
	var b strings.Builder
	for _, d := range e {
		if d.Severity != Error {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.String())
	}
	return b.String()
}

// collector gathers diagnostics for one file.
type collector struct {
	file  string
	diags Diagnostics
}

func (c *collector) warnf(line int, format string, args ...any) {
	c.diags = append(c.diags, Diagnostic{c.file, line, Warning, fmt.Sprintf(format, args...)})
}

func (c *collector) errorf(line int, format string, args ...any) {
	c.diags = append(c.diags, Diagnostic{c.file, line, Error, fmt.Sprintf(format, args...)})
}
