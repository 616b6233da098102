// Package querybuilder builds the WHERE clauses for the reporting service.
package querybuilder

import "strings"

// Query is an immutable list of filter expressions. Every method returns a
// new Query and leaves the receiver unchanged, so a base query can be shared
// and extended independently by several callers.
type Query struct {
	filters []string
}

// New returns an empty query with room for a few filters.
func New() Query {
	return Query{filters: make([]string, 0, 8)}
}

// Where returns a new query with filter added at the end.
func (q Query) Where(filter string) Query {
	filters := make([]string, len(q.filters), len(q.filters)+1)
	copy(filters, q.filters)
	return Query{filters: append(filters, filter)}
}

// Filters returns the filters of q in order.
func (q Query) Filters() []string {
	out := make([]string, len(q.filters))
	copy(out, q.filters)
	return out
}

// String renders the WHERE clause, or "" when there are no filters.
func (q Query) String() string {
	if len(q.filters) == 0 {
		return ""
	}
	return "WHERE " + strings.Join(q.filters, " AND ")
}
