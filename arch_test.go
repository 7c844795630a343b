package anteroom

import (
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// imports maps each package of the module to what its non-test files import.
func imports(t *testing.T) map[string][]string {
	t.Helper()
	out, err := exec.Command("go", "list", "-tags", "ci", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	m := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		m[f[0]] = f[1:]
	}
	return m
}

// TestLayering keeps imports pointing inward (ui → calendar ← data): the
// domain knows neither Fyne nor SQL, only main starts the Fyne app, and the
// UI never reaches past the service into storage.
func TestLayering(t *testing.T) {
	pkgs := imports(t)
	if len(pkgs) < 5 {
		t.Fatalf("go list found only %d packages", len(pkgs))
	}
	rules := []struct {
		pkg       *regexp.Regexp
		forbidden *regexp.Regexp
		why       string
	}{
		{regexp.MustCompile(`^anteroom/calendar(/|$)`), regexp.MustCompile(`^(fyne\.io/|database/sql|modernc\.org/|anteroom/(data|ui)(/|$))`), "the domain is free of Fyne, SQL and the outer layers"},
		{regexp.MustCompile(`^anteroom/(?:[^c]|c[^m]|cm[^d])`), regexp.MustCompile(`^fyne\.io/fyne/v2/app$`), "only cmd/ starts the Fyne app (it needs cgo and a display)"},
		{regexp.MustCompile(`^anteroom/ui(/|$)`), regexp.MustCompile(`^(anteroom/data(/|$)|database/sql|modernc\.org/)`), "the UI goes through the calendar's services"},
		{regexp.MustCompile(`^anteroom/data(/|$)`), regexp.MustCompile(`^(fyne\.io/|anteroom/ui(/|$))`), "storage knows nothing of the UI"},
		{regexp.MustCompile(`^anteroom/dav(/|$)`), regexp.MustCompile(`^(fyne\.io/|database/sql|modernc\.org/|anteroom/(calendar|data|ui)(/|$))`), "the CalDAV client is infrastructure: no Fyne, no SQL, no domain"},
		{regexp.MustCompile(`^anteroom/calendar(/ics|/plan)?$`), regexp.MustCompile(`^anteroom/(dav|calendar/share)(/|$)`), "the calendar knows nothing of sharing: the sync engine depends on it, not the other way round"},
		{regexp.MustCompile(`^anteroom/calendar/share/state$`), regexp.MustCompile(`^anteroom/`), "the sync state is plain values that storage and the engine share"},
		{regexp.MustCompile(`^anteroom/ui(/|$)`), regexp.MustCompile(`^anteroom/dav(/|$)`), "the UI shows sync through the engine, not the CalDAV client"},
	}
	for pkg, deps := range pkgs {
		for _, r := range rules {
			if !r.pkg.MatchString(pkg) {
				continue
			}
			for _, d := range deps {
				if r.forbidden.MatchString(d) {
					t.Errorf("%s imports %s: %s", pkg, d, r.why)
				}
			}
		}
	}
	// The domain's packages and what each may import of the module: the
	// RRULE grammar nothing, booking (calendar) only it; each subsystem booking, through its exported API,
	// and the subsystems it builds on; never the other way round. A new
	// package under calendar/ is added here with its edges.
	domain := map[string][]string{
		"anteroom/calendar/rrule":    {},
		"anteroom/calendar":          {"anteroom/calendar/rrule"},
		"anteroom/calendar/desk":     {"anteroom/calendar"},
		"anteroom/calendar/review":   {"anteroom/calendar", "anteroom/calendar/desk"},
		"anteroom/calendar/imports":  {"anteroom/calendar"},
		"anteroom/calendar/remind":   {"anteroom/calendar", "anteroom/calendar/desk", "anteroom/calendar/followup"},
		"anteroom/calendar/followup": {"anteroom/calendar", "anteroom/calendar/desk"},
		"anteroom/calendar/ics":      {"anteroom/calendar", "anteroom/calendar/rrule", "anteroom/calendar/imports"},
		// The plan's files are written whole, by the module's one atomic writer.
		"anteroom/calendar/plan": {"anteroom/calendar", "anteroom/calendar/ics", "anteroom/internal/atomicfile"},
		// The sync engine: booking, imports (what the server holds comes
		// in as an import), iCalendar, the CalDAV client and its state.
		"anteroom/calendar/share": {"anteroom/calendar", "anteroom/calendar/imports", "anteroom/calendar/ics",
			"anteroom/calendar/share/state", "anteroom/dav"},
		"anteroom/calendar/share/state": {},
	}
	for pkg, deps := range pkgs {
		if !regexp.MustCompile(`^anteroom/calendar(/|$)`).MatchString(pkg) {
			continue
		}
		allowed, known := domain[pkg]
		if !known {
			t.Errorf("%s is not in the map of the domain's packages: add it with what it may import", pkg)
			continue
		}
		for _, d := range deps {
			if strings.HasPrefix(d, "anteroom/") && !slices.Contains(allowed, d) {
				t.Errorf("%s imports %s: it may import only %v of the module", pkg, d, allowed)
			}
		}
	}
	// iCalendar files are read and written at the edges only.
	icsUsers := []string{"anteroom/calendar/plan", "anteroom/calendar/share", "anteroom/ui", "anteroom/cmd/anteroom", "anteroom/dav"}
	for pkg, deps := range pkgs {
		if slices.Contains(deps, "anteroom/calendar/ics") && !slices.Contains(icsUsers, pkg) {
			t.Errorf("%s imports anteroom/calendar/ics: only %v may", pkg, icsUsers)
		}
	}
	// go-ical is spoken only by calendar/ics and, as the exchange model of
	// the CalDAV client, by dav.
	for pkg, deps := range pkgs {
		for _, d := range deps {
			if strings.HasPrefix(d, "github.com/emersion/go-ical") && pkg != "anteroom/calendar/ics" && pkg != "anteroom/dav" {
				t.Errorf("%s imports %s: only calendar/ics and dav may", pkg, d)
			}
		}
	}
}

// TestAppIDMatchesFyneAppToml keeps the ID the code registers with the
// desktop equal to the one packaging reads.
func TestAppIDMatchesFyneAppToml(t *testing.T) {
	toml, err := os.ReadFile("FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("cmd/anteroom/window.go")
	if err != nil {
		t.Fatal(err)
	}
	tomlID := regexp.MustCompile(`(?m)^\s*ID\s*=\s*"([^"]+)"`).FindSubmatch(toml)
	codeID := regexp.MustCompile(`const AppID = "([^"]+)"`).FindSubmatch(src)
	if tomlID == nil || codeID == nil {
		t.Fatalf("app ID not found: FyneApp.toml %q, window.go %q", tomlID, codeID)
	}
	if string(tomlID[1]) != string(codeID[1]) {
		t.Fatalf("FyneApp.toml ID %q differs from AppID %q", tomlID[1], codeID[1])
	}
	if !regexp.MustCompile(`(?m)^\s*Icon\s*=\s*"assets/icon\.png"`).Match(toml) {
		t.Fatal("FyneApp.toml does not name assets/icon.png")
	}
}
