package leaderboard

import (
	"reflect"
	"testing"
)

func names(entries []Entry) []string {
	out := make([]string, len(entries))
	for i, e := range entries {
		out[i] = e.Name
	}
	return out
}

var week = []Entry{
	{"carol", 70},
	{"alice", 95},
	{"dave", 40},
	{"bob", 82},
}

func TestRankHighestScoreFirst(t *testing.T) {
	got := names(Rank(week))
	want := []string{"alice", "bob", "carol", "dave"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Rank order = %v, want %v", got, want)
	}
}

func TestRankBreaksTiesByName(t *testing.T) {
	entries := []Entry{{"zoe", 50}, {"max", 90}, {"amy", 50}, {"lee", 50}}
	got := names(Rank(entries))
	want := []string{"max", "amy", "lee", "zoe"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Rank order = %v, want %v", got, want)
	}
}

func TestRankDoesNotModifyInput(t *testing.T) {
	before := append([]Entry(nil), week...)
	Rank(week)
	if !reflect.DeepEqual(week, before) {
		t.Fatalf("Rank modified its input: %v", week)
	}
}

func TestTopReturnsBestN(t *testing.T) {
	got := Top(week, 2)
	want := []Entry{{"alice", 95}, {"bob", 82}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Top(2) = %v, want %v", got, want)
	}
	if len(Top(week, 10)) != 4 || len(Top(week, -1)) != 0 {
		t.Fatalf("Top must clamp n to [0, len]")
	}
}

func TestRankEmpty(t *testing.T) {
	if got := Rank(nil); len(got) != 0 {
		t.Fatalf("Rank(nil) = %v, want empty", got)
	}
}
