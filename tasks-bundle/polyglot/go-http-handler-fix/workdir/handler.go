// Package greeter serves the /greet endpoint of the onboarding service.
package greeter

import (
	"fmt"
	"net/http"
)

// GreetHandler answers GET /greet?name=<name> with a plain-text greeting.
func GreetHandler(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	fmt.Fprintf(w, "Hello, %s!", name)
}
