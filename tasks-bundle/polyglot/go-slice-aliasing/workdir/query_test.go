package querybuilder

import (
	"reflect"
	"testing"
)

func TestWhereChains(t *testing.T) {
	q := New().Where("region = 'eu'").Where("active")
	want := "WHERE region = 'eu' AND active"
	if got := q.String(); got != want {
		t.Fatalf("String() = %q, want %q", got, want)
	}
}

func TestEmptyQueries(t *testing.T) {
	if got := New().String(); got != "" {
		t.Fatalf("New().String() = %q, want empty", got)
	}
	var zero Query
	if got := zero.Where("x > 1").String(); got != "WHERE x > 1" {
		t.Fatalf("zero value Where = %q", got)
	}
}

func TestSiblingQueriesAreIndependent(t *testing.T) {
	base := New().Where("tenant = 7")
	paid := base.Where("plan = 'paid'")
	trial := base.Where("plan = 'trial'")

	if got, want := paid.String(), "WHERE tenant = 7 AND plan = 'paid'"; got != want {
		t.Fatalf("paid = %q, want %q", got, want)
	}
	if got, want := trial.String(), "WHERE tenant = 7 AND plan = 'trial'"; got != want {
		t.Fatalf("trial = %q, want %q", got, want)
	}
	if got, want := base.String(), "WHERE tenant = 7"; got != want {
		t.Fatalf("base = %q, want %q", got, want)
	}
}

func TestSiblingsOfALongerChain(t *testing.T) {
	base := New()
	for _, f := range []string{"a", "b", "c", "d", "e"} {
		base = base.Where(f)
	}
	left := base.Where("left")
	right := base.Where("right")
	if got := left.Filters(); !reflect.DeepEqual(got, []string{"a", "b", "c", "d", "e", "left"}) {
		t.Fatalf("left filters = %v", got)
	}
	if got := right.Filters(); !reflect.DeepEqual(got, []string{"a", "b", "c", "d", "e", "right"}) {
		t.Fatalf("right filters = %v", got)
	}
}

func TestFiltersReturnsACopy(t *testing.T) {
	q := New().Where("x = 1").Where("y = 2")
	got := q.Filters()
	got[0] = "1 = 1"
	_ = append(got[:1], "hacked")
	if s := q.String(); s != "WHERE x = 1 AND y = 2" {
		t.Fatalf("changing the returned slice changed the query: %q", s)
	}
}
