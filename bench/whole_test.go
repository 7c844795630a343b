package bench

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	goical "github.com/emersion/go-ical"
)

// TestMain lets the test binary stand in for a plain go-ical program: with
// BENCH_GOICAL_DECODE set it decodes that file with go-ical and exits, so
// go-ical is timed as a whole process too, start-up included.
func TestMain(m *testing.M) {
	if path := os.Getenv("BENCH_GOICAL_DECODE"); path != "" {
		os.Exit(goicalDecode(path))
	}
	os.Exit(m.Run())
}

func goicalDecode(path string) int {
	f, err := os.Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer f.Close()
	cal, err := goical.NewDecoder(f).Decode()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Println(len(cal.Events()))
	return 0
}

// TestWholeProcess prints the table of the README's Speed section. It runs
// only when BENCH_SIZES names the sizes (e.g. 10k,100k,1M); the binary is
// ANTEROOM_BIN (built here without cgo when unset), the window's first
// frame is timed when ANTEROOM_GUI_BIN names a cgo build and xvfb-run is
// installed. Generated files and calendars are kept in BENCH_DIR.
func TestWholeProcess(t *testing.T) {
	sizes := os.Getenv("BENCH_SIZES")
	if sizes == "" {
		t.Skip("set BENCH_SIZES=10k,100k,1M to measure (scripts/bench-whole)")
	}
	w := newWorkbench(t)
	fmt.Printf("\n%s, %d cores (GOMAXPROCS %d), %s/%s; medians of %d alternating runs\n\n",
		time.Now().Format("2006-01-02"), runtime.NumCPU(), runtime.GOMAXPROCS(0), runtime.GOOS, runtime.GOARCH, w.rounds)
	fmt.Println("| events | work | anteroom | beside it | ratio / over |")
	fmt.Println("|---|---|---|---|---|")
	for _, s := range strings.Split(sizes, ",") {
		n := parseSize(t, s)
		w.importRow(n, s)
		w.queryRows(n, s)
		w.dryRunRow(n, s)
	}
	w.smokeRows()
}

type workbench struct {
	t      *testing.T
	bin    string
	gui    string
	dir    string
	self   string
	rounds int
}

func newWorkbench(t *testing.T) *workbench {
	w := &workbench{t: t, bin: os.Getenv("ANTEROOM_BIN"), gui: os.Getenv("ANTEROOM_GUI_BIN"), dir: os.Getenv("BENCH_DIR"), rounds: 5}
	if r, err := strconv.Atoi(os.Getenv("BENCH_ROUNDS")); err == nil && r > 0 {
		w.rounds = r
	}
	if w.dir == "" {
		w.dir = filepath.Join(os.TempDir(), "anteroom-bench")
	}
	if err := os.MkdirAll(w.dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if w.bin == "" {
		w.bin = filepath.Join(t.TempDir(), "anteroom")
		cmd := exec.Command("go", "build", "-tags", "ci", "-o", w.bin, "../cmd/anteroom")
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go build: %v\n%s", err, out)
		}
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	w.self = self
	return w
}

func parseSize(t *testing.T, s string) int {
	mult := 1
	switch {
	case strings.HasSuffix(s, "k"):
		mult, s = 1000, strings.TrimSuffix(s, "k")
	case strings.HasSuffix(s, "M"):
		mult, s = 1_000_000, strings.TrimSuffix(s, "M")
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("size %q: %v", s, err)
	}
	return n * mult
}

// file returns the generated n-event file, writing it once.
func (w *workbench) file(n int, prefix string) string {
	path := filepath.Join(w.dir, fmt.Sprintf("%s%d.ics", prefix, n))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	f, err := os.Create(path + ".part")
	if err != nil {
		w.t.Fatal(err)
	}
	if err := generate(f, n, prefix); err != nil {
		w.t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		w.t.Fatal(err)
	}
	if err := os.Rename(path+".part", path); err != nil {
		w.t.Fatal(err)
	}
	return path
}

// run is one process: its wall time and peak resident memory.
type run struct {
	wall time.Duration
	rss  int64 // bytes
}

func (w *workbench) exec(env []string, name string, args ...string) run {
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), env...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		// check exits 3 to say the time is blocked and an import 1 to say
		// it found clashes; a crash or a refusal to run is a failure here
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() == 2 || ee.ExitCode() > 3 {
			w.t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, tail(out.String()))
		}
	}
	var rss int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss * 1024
	}
	return run{wall, rss}
}

func tail(s string) string {
	if len(s) > 2000 {
		return "…" + s[len(s)-2000:]
	}
	return s
}

func (w *workbench) anteroom(db string, args ...string) run {
	return w.exec(nil, w.bin, append([]string{"--db", db}, args...)...)
}

// fresh makes an empty calendar with its leader.
func (w *workbench) fresh(path string) {
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		_ = os.Remove(p)
	}
	w.anteroom(path, "leader", "add", "--name", "张书记", "--zone", tzid)
}

// stored returns a calendar holding the n-event file, importing it once.
func (w *workbench) stored(n int) string {
	path := filepath.Join(w.dir, fmt.Sprintf("cal%d.db", n))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	w.fresh(path + ".part")
	w.anteroom(path+".part", "import", w.file(n, "a"))
	if err := os.Rename(path+".part", path); err != nil {
		w.t.Fatal(err)
	}
	return path
}

func median(ds []time.Duration) time.Duration {
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.0f ms", float64(d)/float64(time.Millisecond)) }

func secs(d time.Duration) string {
	if d < 10*time.Second {
		return fmt.Sprintf("%.2f s", d.Seconds())
	}
	return fmt.Sprintf("%.1f s", d.Seconds())
}

// importRow: import of the n-event file into an empty calendar beside a
// go-ical decode of it, alternating.
func (w *workbench) importRow(n int, label string) {
	file := w.file(n, "a")
	st, err := os.Stat(file)
	if err != nil {
		w.t.Fatal(err)
	}
	rounds := w.rounds
	if n >= 1_000_000 {
		rounds = 1
	}
	db := filepath.Join(w.dir, "import.db")
	var ours, theirs []time.Duration
	var peak int64
	for range rounds {
		w.fresh(db)
		r := w.anteroom(db, "import", file)
		ours = append(ours, r.wall)
		peak = max(peak, r.rss)
		g := w.exec([]string{"BENCH_GOICAL_DECODE=" + file}, w.self)
		theirs = append(theirs, g.wall)
	}
	mo, mt := median(ours), median(theirs)
	fmt.Printf("| %s | `import` (%d MB file; peak %.1f× the file) | %s | go-ical decode %s | %.2f× |\n",
		label, st.Size()>>20, float64(peak)/float64(st.Size()), secs(mo), secs(mt), float64(mo)/float64(mt))
}

// queryRows: agenda, check and free for the last week of the history,
// beside the process floor (leader list on the same calendar).
func (w *workbench) queryRows(n int, label string) {
	db := w.stored(n)
	monday := lastDay.AddDate(0, 0, -int(lastDay.Weekday()+6)%7)
	from, to := monday.Format("2006-01-02"), monday.AddDate(0, 0, 6).Format("2006-01-02")
	works := []struct {
		name string
		args []string
	}{
		{"floor (`leader list`)", []string{"leader", "list"}},
		{"`agenda` one week", []string{"agenda", "--from", from, "--to", to}},
		{"`check` one hour", []string{"check", "--start", monday.Format("2006-01-02") + " 10:10", "--end", monday.Format("2006-01-02") + " 11:10"}},
		{"`free` one week", []string{"free", "--duration", "30m", "--from", from, "--to", to}},
	}
	times := make([][]time.Duration, len(works))
	for range w.rounds {
		for i, wk := range works {
			times[i] = append(times[i], w.anteroom(db, wk.args...).wall)
		}
	}
	floor := median(times[0])
	fmt.Printf("| %s | %s | %s | | |\n", label, works[0].name, ms(floor))
	for i, wk := range works[1:] {
		m := median(times[i+1])
		fmt.Printf("| %s | %s, week of %s | %s | | floor + %s |\n", label, wk.name, from, ms(m), ms(m-floor))
	}
}

// dryRunRow: the preview of a 10k-event file (other UIDs) into the
// n-event calendar.
func (w *workbench) dryRunRow(n int, label string) {
	db := w.stored(n)
	file := w.file(10_000, "b")
	var ts []time.Duration
	for range w.rounds {
		ts = append(ts, w.anteroom(db, "import", "--dry-run", file).wall)
	}
	fmt.Printf("| %s | `import --dry-run` of 10k events | %s | | |\n", label, secs(median(ts)))
}

// smokeRows: the real window to its first frame under Xvfb, on an empty
// calendar and on the 100k one.
func (w *workbench) smokeRows() {
	if w.gui == "" {
		return
	}
	xvfb, err := exec.LookPath("xvfb-run")
	if err != nil {
		return
	}
	empty := filepath.Join(w.dir, "empty.db")
	w.fresh(empty)
	full := w.stored(100_000)
	var e, f []time.Duration
	for range w.rounds {
		e = append(e, w.exec(nil, xvfb, "-a", w.gui, "--smoke", "--db", empty).wall)
		f = append(f, w.exec(nil, xvfb, "-a", w.gui, "--smoke", "--db", full).wall)
	}
	me, mf := median(e), median(f)
	fmt.Printf("| 0 | window to first frame (`--smoke`, Xvfb) | %s | | |\n", secs(me))
	fmt.Printf("| 100k | window to first frame (`--smoke`, Xvfb) | %s | | empty + %s |\n", secs(mf), ms(mf-me))
}
