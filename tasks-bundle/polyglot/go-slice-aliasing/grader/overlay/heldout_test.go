package querybuilder

import (
	"reflect"
	"testing"
)

func TestHeldOutManySiblingsFromOneBase(t *testing.T) {
	base := New().Where("org = 3").Where("deleted = false")
	kids := make([]Query, 0, 6)
	for _, f := range []string{"k0", "k1", "k2", "k3", "k4", "k5"} {
		kids = append(kids, base.Where(f))
	}
	for i, k := range kids {
		want := []string{"org = 3", "deleted = false", "k" + string(rune('0'+i))}
		if got := k.Filters(); !reflect.DeepEqual(got, want) {
			t.Fatalf("kid %d filters = %v, want %v", i, got, want)
		}
	}
	if got := base.String(); got != "WHERE org = 3 AND deleted = false" {
		t.Fatalf("base changed: %q", got)
	}
}

func TestHeldOutGrandchildrenAreIndependent(t *testing.T) {
	root := New()
	for i := 0; i < 7; i++ {
		root = root.Where("c" + string(rune('a'+i)))
	}
	first := root.Where("x").Where("y1")
	second := root.Where("x").Where("y2")
	if got := first.String(); got != "WHERE ca AND cb AND cc AND cd AND ce AND cf AND cg AND x AND y1" {
		t.Fatalf("first = %q", got)
	}
	if got := second.Filters()[8]; got != "y2" {
		t.Fatalf("second last = %q", got)
	}
}

func TestHeldOutFiltersCopyOfSingleFilter(t *testing.T) {
	q := New().Where("only")
	f := q.Filters()
	f[0] = "changed"
	if got := q.Filters(); !reflect.DeepEqual(got, []string{"only"}) {
		t.Fatalf("Filters() exposed internal slice: %v", got)
	}
	r := q.Where("two")
	_ = append(q.Filters(), "three")
	if got := r.String(); got != "WHERE only AND two" {
		t.Fatalf("r = %q", got)
	}
}
