package greeter

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func heldOutServe(target string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	GreetHandler(rec, httptest.NewRequest(http.MethodGet, target, nil))
	return rec
}

func TestHeldOutRejectsUnusableNames(t *testing.T) {
	for _, target := range []string{"/greet?lang=fr", "/greet?name", "/greet?name=+++", "/greet?name=%0A%0D%20", "/greet?other=Ada"} {
		rec := heldOutServe(target)
		body := rec.Body.String()
		if rec.Code != http.StatusBadRequest {
			t.Fatalf("%s: status %d, want 400", target, rec.Code)
		}
		if strings.Contains(body, "Hello") || !strings.Contains(strings.ToLower(body), "name") {
			t.Fatalf("%s: body %q", target, body)
		}
	}
}

func TestHeldOutTrimsAndGreets(t *testing.T) {
	cases := map[string]string{
		"/greet?name=%20Linus%09":     "Hello, Linus!",
		"/greet?name=Ken+Thompson":    "Hello, Ken Thompson!",
		"/greet?lang=en&name=Barbara": "Hello, Barbara!",
		"/greet?name=%C3%89mile":      "Hello, Émile!",
	}
	for target, want := range cases {
		rec := heldOutServe(target)
		if rec.Code != http.StatusOK || rec.Body.String() != want {
			t.Fatalf("%s: got %d %q, want 200 %q", target, rec.Code, rec.Body.String(), want)
		}
	}
}
