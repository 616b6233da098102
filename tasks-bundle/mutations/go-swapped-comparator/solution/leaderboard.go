// Package leaderboard ranks players for the weekly tournament page.
package leaderboard

import "sort"

// Entry is one player's result.
type Entry struct {
	Name  string
	Score int
}

// Rank returns a copy of entries ordered best first: higher Score first,
// ties broken by Name in ascending order. The input slice is not modified.
func Rank(entries []Entry) []Entry {
	ranked := make([]Entry, len(entries))
	copy(ranked, entries)
	sort.Slice(ranked, func(i, j int) bool {
		if ranked[i].Score != ranked[j].Score {
			return ranked[i].Score > ranked[j].Score
		}
		return ranked[i].Name < ranked[j].Name
	})
	return ranked
}

// Top returns the best n entries (all of them when n >= len(entries)).
func Top(entries []Entry, n int) []Entry {
	ranked := Rank(entries)
	if n < 0 {
		n = 0
	}
	if n < len(ranked) {
		ranked = ranked[:n]
	}
	return ranked
}
