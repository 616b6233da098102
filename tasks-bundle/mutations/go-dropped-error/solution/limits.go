// Package quota reads per-tenant request limits from the quota file.
package quota

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// ParseError reports a problem on one line of a quota file.
type ParseError struct {
	Line int
	Err  error
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("quota file line %d: %v", e.Line, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

// ParseLimits reads lines of the form `tenant = limit` (blank lines and lines
// starting with # are skipped). Any malformed line, and any read error, makes
// ParseLimits return a nil map and the error; a bad line is reported as a
// *ParseError wrapping the underlying cause.
func ParseLimits(r io.Reader) (map[string]int, error) {
	limits := make(map[string]int)
	scanner := bufio.NewScanner(r)
	lineNo := 0
	for scanner.Scan() {
		lineNo++
		line := strings.TrimSpace(scanner.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		tenant, value, ok := strings.Cut(line, "=")
		if !ok {
			return nil, &ParseError{Line: lineNo, Err: fmt.Errorf("missing '=' in %q", line)}
		}
		limit, err := strconv.Atoi(strings.TrimSpace(value))
		if err != nil {
			return nil, &ParseError{Line: lineNo, Err: err}
		}
		limits[strings.TrimSpace(tenant)] = limit
	}
	if err := scanner.Err(); err != nil {
		return nil, err
	}
	return limits, nil
}
