package greeter

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func get(t *testing.T, target string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	rec := httptest.NewRecorder()
	GreetHandler(rec, req)
	return rec
}

func TestGreetWithName(t *testing.T) {
	rec := get(t, "/greet?name=Ada")
	if rec.Code != http.StatusOK {
		t.Fatalf("status = %d, want 200", rec.Code)
	}
	if got := rec.Body.String(); got != "Hello, Ada!" {
		t.Fatalf("body = %q, want %q", got, "Hello, Ada!")
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
		t.Fatalf("Content-Type = %q, want text/plain", ct)
	}
}

func TestGreetDecodesName(t *testing.T) {
	rec := get(t, "/greet?name=Grace%20Hopper")
	if rec.Code != http.StatusOK || rec.Body.String() != "Hello, Grace Hopper!" {
		t.Fatalf("got %d %q", rec.Code, rec.Body.String())
	}
}

func assertBadRequest(t *testing.T, target string) {
	t.Helper()
	rec := get(t, target)
	if rec.Code != http.StatusBadRequest {
		t.Fatalf("%s: status = %d, want 400", target, rec.Code)
	}
	body := rec.Body.String()
	if strings.Contains(body, "Hello") {
		t.Fatalf("%s: a rejected request must not greet anyone, body = %q", target, body)
	}
	if !strings.Contains(strings.ToLower(body), "name") {
		t.Fatalf("%s: error body should mention the name parameter, body = %q", target, body)
	}
}

func TestGreetMissingName(t *testing.T) {
	assertBadRequest(t, "/greet")
}

func TestGreetEmptyName(t *testing.T) {
	assertBadRequest(t, "/greet?name=")
}

func TestGreetBlankName(t *testing.T) {
	assertBadRequest(t, "/greet?name=%20%20%09")
}
