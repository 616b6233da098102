package leaderboard

import (
	"reflect"
	"testing"
)

func heldOutNames(entries []Entry) []string {
	out := make([]string, 0, len(entries))
	for _, e := range entries {
		out = append(out, e.Name)
	}
	return out
}

func TestHeldOutRankIsDescending(t *testing.T) {
	entries := []Entry{{"kai", 3}, {"uma", 1000}, {"ned", -5}, {"ola", 250}, {"pia", 3}, {"rex", 999}}
	ranked := Rank(entries)
	for i := 1; i < len(ranked); i++ {
		if ranked[i-1].Score < ranked[i].Score {
			t.Fatalf("not best first at %d: %v", i, ranked)
		}
	}
	want := []string{"uma", "rex", "ola", "kai", "pia", "ned"}
	if got := heldOutNames(ranked); !reflect.DeepEqual(got, want) {
		t.Fatalf("Rank = %v, want %v", got, want)
	}
}

func TestHeldOutTopThree(t *testing.T) {
	entries := []Entry{{"w", 10}, {"x", 40}, {"y", 20}, {"z", 30}, {"v", 40}}
	want := []Entry{{"v", 40}, {"x", 40}, {"z", 30}}
	if got := Top(entries, 3); !reflect.DeepEqual(got, want) {
		t.Fatalf("Top(3) = %v, want %v", got, want)
	}
}

func TestHeldOutTopOne(t *testing.T) {
	if got := Top([]Entry{{"low", 1}, {"high", 2}}, 1); len(got) != 1 || got[0].Name != "high" {
		t.Fatalf("Top(1) = %v, want [high]", got)
	}
}
