package quota

import (
	"errors"
	"strconv"
	"strings"
	"testing"
)

func heldOutLineError(t *testing.T, input string) (*ParseError, map[string]int) {
	t.Helper()
	got, err := ParseLimits(strings.NewReader(input))
	var pe *ParseError
	if err == nil || !errors.As(err, &pe) {
		t.Fatalf("input %q: want a *ParseError, got (%v, %v)", input, got, err)
	}
	return pe, got
}

func TestHeldOutBadLimitsAreRejected(t *testing.T) {
	cases := []struct {
		input string
		line  int
		cause error
	}{
		{"# quotas\n\nhooli = 5OO\n", 3, strconv.ErrSyntax},
		{"piedpiper = 12\nhooli = 1.5\n", 2, strconv.ErrSyntax},
		{"a = 1\nb = 2\nc = 3\nd = 0x10\n", 4, strconv.ErrSyntax},
		{"umbrella = -99999999999999999999\n", 1, strconv.ErrRange},
	}
	for _, c := range cases {
		pe, got := heldOutLineError(t, c.input)
		if got != nil {
			t.Fatalf("input %q: map must be nil on error, got %v", c.input, got)
		}
		if pe.Line != c.line {
			t.Fatalf("input %q: Line = %d, want %d", c.input, pe.Line, c.line)
		}
		if !errors.Is(pe, c.cause) {
			t.Fatalf("input %q: error %v should wrap %v", c.input, pe, c.cause)
		}
	}
}

func TestHeldOutBlankValueAfterGoodLines(t *testing.T) {
	pe, _ := heldOutLineError(t, "vandelay = 3\n  kramerica =   \n")
	if pe.Line != 2 {
		t.Fatalf("Line = %d, want 2", pe.Line)
	}
}

func TestHeldOutNegativeAndZeroStillParse(t *testing.T) {
	got, err := ParseLimits(strings.NewReader("soylent=-1\ntyrell = 0\n"))
	if err != nil || got["soylent"] != -1 || got["tyrell"] != 0 || len(got) != 2 {
		t.Fatalf("got (%v, %v)", got, err)
	}
}
