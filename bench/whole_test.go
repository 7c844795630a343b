package bench

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	goical "github.com/emersion/go-ical"
)

// TestMain lets the test binary stand in for a plain go-ical program: with
// BENCH_GOICAL_DECODE set it decodes that file with go-ical and exits, with
// BENCH_GOICAL_ENCODE it encodes an export row's events (goicalEncode), so
// go-ical is timed as a whole process too, start-up included; with
// BENCH_SQLITE_FLOOR it stores the tiny file's rows bare (sqliteFloor).
func TestMain(m *testing.M) {
	if path := os.Getenv("BENCH_GOICAL_DECODE"); path != "" {
		os.Exit(goicalDecode(path))
	}
	if spec := os.Getenv("BENCH_GOICAL_ENCODE"); spec != "" {
		os.Exit(goicalEncode(spec))
	}
	if spec := os.Getenv("BENCH_SQLITE_FLOOR"); spec != "" {
		os.Exit(sqliteFloor(spec))
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
// frame is timed when ANTEROOM_GUI_BIN names a cgo build and Xvfb is
// installed. Generated files and calendars are kept in BENCH_DIR. With
// ANTEROOM_BASE_BIN (and ANTEROOM_BASE_GUI_BIN) naming an earlier build,
// every row runs both, alternating, and gives the earlier one and the
// ratio: before and after from one run on one machine. BENCH_ROWS
// (e.g. query,export) measures some groups of rows only.
func TestWholeProcess(t *testing.T) {
	sizes := os.Getenv("BENCH_SIZES")
	if sizes == "" {
		t.Skip("set BENCH_SIZES=10k,100k,1M to measure (scripts/bench-whole)")
	}
	w := newWorkbench(t)
	fmt.Printf("\n%s, %d cores (GOMAXPROCS %d), %s/%s; medians of %d alternating runs\n\n",
		time.Now().Format("2006-01-02"), runtime.NumCPU(), runtime.GOMAXPROCS(0), runtime.GOOS, runtime.GOARCH, w.rounds)
	if w.base == "" {
		fmt.Println("| events | work | anteroom | beside it | ratio / over |")
		fmt.Println("|---|---|---|---|---|")
	} else {
		fmt.Println("| events | work | anteroom | beside it | ratio / over | earlier build, same run | ÷ earlier |")
		fmt.Println("|---|---|---|---|---|---|---|")
	}
	for _, s := range strings.Split(sizes, ",") {
		if tiny, ok := strings.CutPrefix(s, "tiny"); ok { // e.g. tiny1M: the import of as many tiny events alone
			if w.runs("import") {
				w.importRow(parseSize(t, tiny), tiny, "t")
			}
			continue
		}
		n := parseSize(t, s)
		if w.runs("import") {
			w.importRow(n, s, "a")
		}
		if w.runs("query") {
			w.queryRows(n, s)
		}
		if w.runs("dry-run") {
			w.dryRunRow(n, s)
		}
		if w.runs("export") {
			w.exportRow(n, s)
		}
	}
	if w.runs("smoke") {
		w.smokeRows()
	}
}

// runs reports whether the rows of group are measured: all of them
// unless BENCH_ROWS names some (import, query, dry-run, export, smoke),
// so that a change is measured without the rows it cannot move.
func (w *workbench) runs(group string) bool {
	only := os.Getenv("BENCH_ROWS")
	return only == "" || slices.Contains(strings.Split(only, ","), group)
}

type workbench struct {
	t       *testing.T
	bin     string
	gui     string
	base    string // an earlier build to compare with; "" for none
	baseGUI string
	dir     string
	self    string
	rounds  int
}

func newWorkbench(t *testing.T) *workbench {
	w := &workbench{t: t, bin: os.Getenv("ANTEROOM_BIN"), gui: os.Getenv("ANTEROOM_GUI_BIN"), dir: os.Getenv("BENCH_DIR"), rounds: 5,
		base: os.Getenv("ANTEROOM_BASE_BIN"), baseGUI: os.Getenv("ANTEROOM_BASE_GUI_BIN")}
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

// file returns the generated n-event file, writing it once; prefix "t"
// makes tiny events (generateTiny).
func (w *workbench) file(n int, prefix string) string {
	gen := generate
	if prefix == "t" {
		gen = generateTiny
	}
	path := filepath.Join(w.dir, fmt.Sprintf("%s%d.ics", prefix, n))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	f, err := os.Create(path + ".part")
	if err != nil {
		w.t.Fatal(err)
	}
	if err := gen(f, n, prefix); err != nil {
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

// run is one process: its wall time, processor time (user and system)
// and peak resident memory.
type run struct {
	wall time.Duration
	cpu  time.Duration
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
	return run{wall, cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime(), rss}
}

func tail(s string) string {
	if len(s) > 2000 {
		return "…" + s[len(s)-2000:]
	}
	return s
}

// builds are the binaries a row times: the earlier one first when there
// is one, each with its own copy of the calendar (a newer build migrates
// its copy once, before any timing; the earlier one may not open that).
type build struct {
	bin, tag string
}

func (w *workbench) builds() []build {
	if w.base == "" {
		return []build{{w.bin, ""}}
	}
	return []build{{w.base, "-base"}, {w.bin, ""}}
}

// storedFor returns build b's copy of the n-event calendar.
func (w *workbench) storedFor(n int, b build) string {
	src := w.stored(n)
	if b.tag == "" && w.base == "" {
		return src
	}
	path := filepath.Join(w.dir, fmt.Sprintf("cal%d%s-%s.db", n, b.tag, filepath.Base(b.bin)))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	// Copied in pieces: a child's peak memory as Linux reports it counts
	// the parent's at the moment it started, so this process stays small.
	if err := copyFile(src, path); err != nil {
		w.t.Fatal(err)
	}
	w.exec(nil, b.bin, "--db", path, "leader", "list")
	return path
}

// copyFile copies src to a new file dst without holding it in memory.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// beside formats the earlier build's median and the ratio, or nothing.
func beside(before, after time.Duration, ok bool) (string, string) {
	if !ok {
		return "", ""
	}
	return "before " + human(before), fmt.Sprintf("%.2f× before", float64(after)/float64(before))
}

func human(d time.Duration) string {
	if d < time.Second {
		return ms(d)
	}
	return secs(d)
}

// fresh makes an empty calendar with its leader, written by bin.
func (w *workbench) fresh(bin, path string) {
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		_ = os.Remove(p)
	}
	w.exec(nil, bin, "--db", path, "leader", "add", "--name", "张书记", "--zone", tzid)
}

// stored returns a calendar holding the n-event file, importing it once.
func (w *workbench) stored(n int) string {
	path := filepath.Join(w.dir, fmt.Sprintf("cal%d.db", n))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	// written by the earlier build when there is one: a newer one
	// migrates its copy (storedFor), an older one could not read newer
	importer := w.bin
	if w.base != "" {
		importer = w.base
	}
	w.fresh(importer, path+".part")
	w.exec(nil, importer, "--db", path+".part", "import", w.file(n, "a"))
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

// importRow: import of the n-event file (prefix "a", or "t" for tiny
// events) into an empty calendar beside a go-ical decode of it,
// alternating.
func (w *workbench) importRow(n int, label, prefix string) {
	file := w.file(n, prefix)
	st, err := os.Stat(file)
	if err != nil {
		w.t.Fatal(err)
	}
	rounds := w.rounds
	if n >= 1_000_000 {
		rounds = 1
	}
	bs := w.builds()
	db := filepath.Join(w.dir, "import.db")
	ours := make([][]time.Duration, len(bs))
	peak := make([]int64, len(bs))
	var theirs, bare []time.Duration
	for range rounds {
		for i, b := range bs {
			w.fresh(b.bin, db)
			r := w.exec(nil, b.bin, "--db", db, "import", file)
			ours[i] = append(ours[i], r.wall)
			peak[i] = max(peak[i], r.rss)
		}
		g := w.exec([]string{"BENCH_GOICAL_DECODE=" + file}, w.self)
		theirs = append(theirs, g.wall)
		if prefix == "t" {
			w.fresh(bs[len(bs)-1].bin, db)
			f := w.exec([]string{"BENCH_SQLITE_FLOOR=" + strconv.Itoa(n) + ":" + db}, w.self)
			bare = append(bare, f.wall)
		}
	}
	last := len(bs) - 1
	mo, mt := median(ours[last]), median(theirs)
	before, ratio := beside(median(ours[0]), mo, last > 0)
	if last > 0 {
		before += fmt.Sprintf(", peak %.1f×", float64(peak[0])/float64(st.Size()))
	}
	what := "`import`"
	if prefix == "t" {
		what = "`import` of tiny events (UID, DTSTART)"
	}
	w.row(label, fmt.Sprintf("%s (%d MB file; peak %.1f× the file)", what, st.Size()>>20, float64(peak[last])/float64(st.Size())),
		secs(mo), "go-ical decode "+secs(mt), fmt.Sprintf("%.2f×", float64(mo)/float64(mt)), before, ratio)
	if len(bare) > 0 {
		mb := median(bare)
		w.row(label, "the same rows stored bare by SQLite alone (sqliteFloor: no parsing, no checks, no triggers)",
			secs(mb), "go-ical decode "+secs(mt), fmt.Sprintf("%.2f×; anteroom %.2f× this", float64(mb)/float64(mt), float64(mo)/float64(mb)), "", "")
	}
}

// row prints one line of the table; the last two cells only when an
// earlier build is compared.
func (w *workbench) row(cells ...string) {
	if w.base == "" {
		cells = cells[:5]
	}
	fmt.Println("| " + strings.Join(cells, " | ") + " |")
}

// queryRows: agenda, check and free for the last week of the history, a
// week in its middle (and in the middle of its series) and its first
// week, beside the process floor (leader list on the same calendar): the
// target holds whatever the week.
func (w *workbench) queryRows(n int, label string) {
	bs := w.builds()
	dbs := make([]string, len(bs))
	for i, b := range bs {
		dbs[i] = w.storedFor(n, b)
	}
	type work struct {
		name string
		args []string
	}
	works := []work{{"floor (`leader list`)", []string{"leader", "list"}}}
	for _, monday := range historyWeeks(n) {
		from, to := monday.Format("2006-01-02"), monday.AddDate(0, 0, 6).Format("2006-01-02")
		week := ", week of " + from
		works = append(works,
			work{"`agenda` one week" + week, []string{"agenda", "--from", from, "--to", to}},
			work{"`check` one hour" + week, []string{"check", "--start", from + " 10:10", "--end", from + " 11:10"}},
			work{"`free` one week" + week, []string{"free", "--duration", "30m", "--from", from, "--to", to}})
	}
	times := make([][][]time.Duration, len(bs)) // build, work, round
	cpus := make([][][]time.Duration, len(bs))
	for i := range bs {
		times[i] = make([][]time.Duration, len(works))
		cpus[i] = make([][]time.Duration, len(works))
	}
	for range w.rounds {
		for j, wk := range works {
			for i, b := range bs {
				r := w.exec(nil, b.bin, append([]string{"--db", dbs[i]}, wk.args...)...)
				times[i][j] = append(times[i][j], r.wall)
				cpus[i][j] = append(cpus[i][j], r.cpu)
			}
		}
	}
	// Wall times are read beside processor times: on a shared machine
	// the wall of a short process is mostly what others did meanwhile.
	last := len(bs) - 1
	floor, floor0 := median(times[last][0]), median(times[0][0])
	cfloor, cfloor0 := median(cpus[last][0]), median(cpus[0][0])
	before, ratio := beside(floor0, floor, last > 0)
	if last > 0 {
		before += fmt.Sprintf(" (cpu %s)", ms(cfloor0))
	}
	w.row(label, works[0].name, fmt.Sprintf("%s (cpu %s)", ms(floor), ms(cfloor)), "", "", before, ratio)
	for j, wk := range works[1:] {
		m, m0 := median(times[last][j+1]), median(times[0][j+1])
		c, c0 := median(cpus[last][j+1]), median(cpus[0][j+1])
		before, ratio := beside(m0, m, last > 0)
		if last > 0 {
			before += fmt.Sprintf(", floor + %s (cpu + %s)", ms(m0-floor0), ms(c0-cfloor0))
		}
		w.row(label, wk.name, fmt.Sprintf("%s (cpu %s)", ms(m), ms(c)), "",
			fmt.Sprintf("floor + %s (cpu + %s)", ms(m-floor), ms(c-cfloor)), before, ratio)
	}
}

// historyWeeks are the Mondays of the weeks queryRows asks about: the
// last week of the n-event history, the week in its middle and its first,
// and, when the history starts before the first year a series may start
// in (the import leaves those series out), the week in the middle of the
// series' history: a week whose series pile up the way the last one's do.
func historyWeeks(n int) []time.Time {
	monday := func(d time.Time) time.Time { return d.AddDate(0, 0, -int(d.Weekday()+6)%7) }
	first := firstDay(n)
	middle := first.AddDate(0, 0, (n-1)/perDay/2) // in days: a Duration overflows after 292 years
	weeks := []time.Time{monday(lastDay), monday(middle)}
	if first.Before(firstSeriesDay) {
		seriesMiddle := firstSeriesDay.AddDate(0, 0, int(lastDay.Sub(firstSeriesDay).Hours()/24)/2)
		weeks = append(weeks, monday(seriesMiddle))
	}
	return append(weeks, monday(first))
}

// firstSeriesDay is the first day a stored series may start on: the
// generator writes series before it, which the import refuses.
var firstSeriesDay = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)

// dryRunRow: the preview of a 10k-event file (other UIDs) into the
// n-event calendar.
func (w *workbench) dryRunRow(n int, label string) {
	bs := w.builds()
	file := w.file(10_000, "b")
	ts := make([][]time.Duration, len(bs))
	cs := make([][]time.Duration, len(bs))
	dbs := make([]string, len(bs))
	for i, b := range bs {
		dbs[i] = w.storedFor(n, b)
	}
	for range w.rounds {
		for i, b := range bs {
			r := w.exec(nil, b.bin, "--db", dbs[i], "import", "--dry-run", file)
			ts[i], cs[i] = append(ts[i], r.wall), append(cs[i], r.cpu)
		}
	}
	last := len(bs) - 1
	m := median(ts[last])
	before, ratio := beside(median(ts[0]), m, last > 0)
	if last > 0 {
		before += fmt.Sprintf(" (cpu %s)", secs(median(cs[0])))
	}
	w.row(label, "`import --dry-run` of 10k events", fmt.Sprintf("%s (cpu %s)", secs(m), secs(median(cs[last]))), "", "", before, ratio)
}

// smokeRows: the real window to its first frame under Xvfb, on an empty
// calendar and on the 100k one. Every start draws on one X server started
// here: starting a server for each (xvfb-run) put its own start-up, which
// varies by tens of milliseconds, into every figure.
func (w *workbench) smokeRows() {
	if w.gui == "" {
		return
	}
	display, stop, err := startXvfb()
	if err != nil {
		w.t.Logf("no X server for the window rows: %v", err)
		return
	}
	defer stop()
	guis := []build{{w.gui, ""}}
	if w.base != "" {
		if w.baseGUI == "" {
			return // no earlier window to set beside this one
		}
		guis = []build{{w.baseGUI, "-base"}, {w.gui, ""}}
	}
	type times struct{ wall, cpu []time.Duration }
	e := make([]times, len(guis))
	f := make([]times, len(guis))
	empties := make([]string, len(guis))
	fulls := make([]string, len(guis))
	for i, g := range guis {
		empties[i] = filepath.Join(w.dir, "empty"+g.tag+".db")
		w.fresh(g.bin, empties[i])
		fulls[i] = w.storedFor(100_000, g)
	}
	env := []string{"DISPLAY=" + display}
	add := func(t *times, r run) { t.wall, t.cpu = append(t.wall, r.wall), append(t.cpu, r.cpu) }
	for range w.rounds {
		for i, g := range guis {
			add(&e[i], w.exec(env, g.bin, "--smoke", "--db", empties[i]))
			add(&f[i], w.exec(env, g.bin, "--smoke", "--db", fulls[i]))
		}
	}
	last := len(guis) - 1
	me, mf := median(e[last].wall), median(f[last].wall)
	ce, cf := median(e[last].cpu), median(f[last].cpu)
	me0, mf0 := median(e[0].wall), median(f[0].wall)
	ce0, cf0 := median(e[0].cpu), median(f[0].cpu)
	before, ratio := beside(me0, me, last > 0)
	if last > 0 {
		before += fmt.Sprintf(" (cpu %s)", secs(ce0))
	}
	w.row("0", "window to first frame (`--smoke`, Xvfb)", fmt.Sprintf("%s (cpu %s)", secs(me), secs(ce)), "", "", before, ratio)
	before, ratio = beside(mf0, mf, last > 0)
	if last > 0 {
		before += fmt.Sprintf(", empty + %s (cpu + %s)", ms(mf0-me0), ms(cf0-ce0))
	}
	w.row("100k", "window to first frame (`--smoke`, Xvfb)", fmt.Sprintf("%s (cpu %s)", secs(mf), secs(cf)), "",
		fmt.Sprintf("empty + %s (cpu + %s)", ms(mf-me), ms(cf-ce)), before, ratio)
}

// startXvfb starts an X server of the window's small size on a display it
// picks itself (-displayfd) and returns that display and what stops it.
func startXvfb() (display string, stop func(), err error) {
	bin, err := exec.LookPath("Xvfb")
	if err != nil {
		return "", nil, err
	}
	r, wr, err := os.Pipe()
	if err != nil {
		return "", nil, err
	}
	defer r.Close()
	cmd := exec.Command(bin, "-displayfd", "3", "-screen", "0", "1024x700x24", "-nolisten", "tcp")
	cmd.ExtraFiles = []*os.File{wr}
	if err := cmd.Start(); err != nil {
		wr.Close()
		return "", nil, err
	}
	wr.Close()
	stop = func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }
	var buf [16]byte
	_ = r.SetReadDeadline(time.Now().Add(30 * time.Second))
	n, err := r.Read(buf[:])
	if err != nil {
		stop()
		return "", nil, fmt.Errorf("Xvfb gave no display: %w", err)
	}
	return ":" + strings.TrimSpace(string(buf[:n])), stop, nil
}
