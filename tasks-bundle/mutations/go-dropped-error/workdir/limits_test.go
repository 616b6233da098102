package quota

import (
	"errors"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

func TestParseLimitsValid(t *testing.T) {
	input := "# tenant limits\nacme = 1200\n\nglobex=0\n  initech =  35  \n"
	got, err := ParseLimits(strings.NewReader(input))
	if err != nil {
		t.Fatalf("unexpected error: %v", err)
	}
	want := map[string]int{"acme": 1200, "globex": 0, "initech": 35}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
}

func expectLineError(t *testing.T, input string, line int) *ParseError {
	t.Helper()
	got, err := ParseLimits(strings.NewReader(input))
	if err == nil {
		t.Fatalf("expected an error, got limits %v", got)
	}
	if got != nil {
		t.Fatalf("on error the map must be nil, got %v", got)
	}
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("error %v (%T) is not a *ParseError", err, err)
	}
	if pe.Line != line {
		t.Fatalf("ParseError.Line = %d, want %d", pe.Line, line)
	}
	return pe
}

func TestParseLimitsNonNumericLimit(t *testing.T) {
	pe := expectLineError(t, "acme = 1200\nglobex = lots\n", 2)
	if !errors.Is(pe, strconv.ErrSyntax) {
		t.Fatalf("error should wrap strconv.ErrSyntax, got %v", pe)
	}
}

func TestParseLimitsEmptyLimit(t *testing.T) {
	expectLineError(t, "acme =\n", 1)
}

func TestParseLimitsOverflow(t *testing.T) {
	pe := expectLineError(t, "# big\nacme = 99999999999999999999999\n", 2)
	if !errors.Is(pe, strconv.ErrRange) {
		t.Fatalf("error should wrap strconv.ErrRange, got %v", pe)
	}
}

func TestParseLimitsMissingSeparator(t *testing.T) {
	expectLineError(t, "acme 1200\n", 1)
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestParseLimitsReadError(t *testing.T) {
	got, err := ParseLimits(failingReader{})
	if err == nil || got != nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Fatalf("got (%v, %v), want (nil, read error)", got, err)
	}
}
