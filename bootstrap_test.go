package anteroom

import (
	"archive/zip"
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
)

// goModVersion is the Go release go.mod asks for, as scripts/ensure-go reads it.
func goModVersion(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("go.mod")
	if err != nil {
		t.Fatal(err)
	}
	if m := regexp.MustCompile(`(?m)^toolchain go(\S+)`).FindSubmatch(b); m != nil {
		return string(m[1])
	}
	m := regexp.MustCompile(`(?m)^go (\S+)`).FindSubmatch(b)
	if m == nil {
		t.Fatal("go.mod has no go line")
	}
	v := string(m[1])
	if strings.Count(v, ".") == 1 {
		v += ".0"
	}
	return v
}

// fakeGo writes an executable "go" into dir that claims to be version.
func fakeGo(t *testing.T, dir, version string) {
	t.Helper()
	script := "#!/bin/sh\ncase \"$*\" in\n\"env GOVERSION\") echo go" + version + " ;;\n" +
		"\"env GOPROXY\") echo ;;\nversion) echo \"go version go" + version + " fake\" ;;\nesac\n"
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
}

// toolchainZip is a golang.org/toolchain module zip as the proxy serves
// it, its go a fake of version; module zips keep no file modes.
func toolchainZip(t *testing.T, module, version string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range map[string]string{
		"bin/go":                "#!/bin/sh\n[ \"$*\" = \"env GOVERSION\" ] && echo go" + version + "\n",
		"bin/gofmt":             "#!/bin/sh\n",
		"pkg/tool/x/compile":    "#!/bin/sh\n",
		"src/runtime/extern.go": "package runtime\n",
	} {
		w, err := zw.Create(module + "/" + name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// ensureGo runs scripts/ensure-go with only PATH, HOME and extra set.
func ensureGo(t *testing.T, path string, extra ...string) (stdout, stderr string, err error) {
	t.Helper()
	cmd := exec.Command("scripts/ensure-go")
	cmd.Env = append([]string{"PATH=" + path, "HOME=" + t.TempDir()}, extra...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err = cmd.Run()
	return strings.TrimSpace(out.String()), errOut.String(), err
}

// A go new enough is used as it is, silently.
func TestEnsureGoKeepsANewEnoughGo(t *testing.T) {
	bin := t.TempDir()
	fakeGo(t, bin, goModVersion(t))
	out, errOut, err := ensureGo(t, bin+":/usr/bin:/bin")
	if err != nil || out != filepath.Join(bin, "go") || errOut != "" {
		t.Fatalf("ensure-go printed %q, said %q, %v; want the go on PATH, silently", out, errOut, err)
	}
}

// With no go, or an old one (Debian 12's 1.19), the toolchain module
// comes from GOPROXY into the cache, once, and ensure-go says so.
func TestEnsureGoFetchesTheToolchainFromGOPROXY(t *testing.T) {
	if runtime.GOOS != "linux" || (runtime.GOARCH != "amd64" && runtime.GOARCH != "arm64") {
		t.Skip("the test serves a linux/amd64 or linux/arm64 toolchain")
	}
	want := goModVersion(t)
	version := "v0.0.1-go" + want + ".linux-" + runtime.GOARCH
	body := toolchainZip(t, "golang.org/toolchain@"+version, want)
	var hits atomic.Int32
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/golang.org/toolchain/@v/"+version+".zip" {
			http.NotFound(w, r)
			return
		}
		hits.Add(1)
		w.Write(body)
	}))
	defer proxy.Close()

	for _, c := range []struct{ name, old string }{{"no go", ""}, {"go 1.19", "1.19.8"}} {
		t.Run(c.name, func(t *testing.T) {
			hits.Store(0)
			path := "/usr/bin:/bin"
			if c.old != "" {
				bin := t.TempDir()
				fakeGo(t, bin, c.old)
				path = bin + ":" + path
			}
			cache := t.TempDir()
			env := []string{"GOPROXY=" + proxy.URL + ",direct", "ANTEROOM_GO_CACHE=" + cache}
			out, errOut, err := ensureGo(t, path, env...)
			goBin := filepath.Join(cache, "go"+want, "bin", "go")
			if err != nil || out != goBin {
				t.Fatalf("ensure-go printed %q, %v\n%s", out, err, errOut)
			}
			if hits.Load() != 1 || !strings.Contains(errOut, "Downloading Go "+want) || !strings.Contains(errOut, proxy.URL) {
				t.Fatalf("%d downloads; it said:\n%s", hits.Load(), errOut)
			}
			if c.old != "" && !strings.Contains(errOut, "Go "+c.old+" is older") {
				t.Errorf("it does not say the go on PATH is too old:\n%s", errOut)
			}
			for _, f := range []string{"bin/go", "bin/gofmt", "pkg/tool/x/compile"} {
				if st, err := os.Stat(filepath.Join(cache, "go"+want, f)); err != nil || st.Mode()&0o100 == 0 {
					t.Errorf("%s is not executable: %v", f, err)
				}
			}
			out, errOut, err = ensureGo(t, path, env...)
			if err != nil || out != goBin || hits.Load() != 1 || !strings.Contains(errOut, "Using Go "+want) {
				t.Fatalf("second run: printed %q, %v, %d downloads; said %q", out, err, hits.Load(), errOut)
			}
		})
	}

	out, errOut, err := ensureGo(t, "/usr/bin:/bin", "GOPROXY=off", "ANTEROOM_GO_CACHE="+t.TempDir())
	if err == nil || out != "" || !strings.Contains(errOut, "GOPROXY=off") {
		t.Fatalf("with GOPROXY=off: printed %q, %v, said %q; want a failure naming GOPROXY=off", out, err, errOut)
	}
}

// Against the real proxy (ANTEROOM_NET_TESTS=1): the downloaded go runs.
func TestEnsureGoFetchesTheRealToolchain(t *testing.T) {
	if os.Getenv("ANTEROOM_NET_TESTS") == "" {
		t.Skip("set ANTEROOM_NET_TESTS=1 to download the toolchain from the real proxy")
	}
	cache := t.TempDir()
	out, errOut, err := ensureGo(t, "/usr/bin:/bin", "ANTEROOM_GO_CACHE="+cache)
	if err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	v, err := exec.Command(out, "env", "GOVERSION").Output()
	if err != nil || strings.TrimSpace(string(v)) != "go"+goModVersion(t) {
		t.Fatalf("the downloaded go says %q, %v", v, err)
	}
}

// make run without a display says so, points to the CLI and fails,
// instead of starting the window where nobody sees it.
func TestRunWithoutADisplaySaysSoAndFails(t *testing.T) {
	cmd := exec.Command("scripts/need-display", "bin/anteroom")
	cmd.Env = []string{"PATH=/usr/bin:/bin"}
	out, err := cmd.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() == 0 {
		t.Fatalf("no display: %v, want a non-zero exit", err)
	}
	for _, want := range []string{"No display", "bin/anteroom help"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("the message lacks %q:\n%s", want, out)
		}
	}
	for _, env := range []string{"DISPLAY=:0", "WAYLAND_DISPLAY=wayland-0"} {
		cmd := exec.Command("scripts/need-display", "bin/anteroom")
		cmd.Env = []string{"PATH=/usr/bin:/bin", env}
		if out, err := cmd.CombinedOutput(); err != nil || len(out) != 0 {
			t.Errorf("with %s: %v %q, want silence and success", env, err, out)
		}
	}
	mk, err := os.ReadFile("Makefile")
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^run:.*\n\t@scripts/need-display`).Match(mk) || strings.Contains(string(mk), "xvfb-run -a $(BIN);") {
		t.Error("make run does not check for a display first, or still falls back to Xvfb")
	}
}
