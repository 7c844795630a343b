package ics_test

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	goical "github.com/emersion/go-ical"

	"anteroom/calendar"
	"anteroom/calendar/ics"
	"anteroom/calendar/imports"
	"anteroom/data"
)

// importDB is a fresh database with one leader, ready for an import.
type importDB struct {
	db     *data.DB
	svc    *calendar.Service
	imp    *imports.Service
	leader calendar.Leader
}

func openImportDB(tb testing.TB, path string) *importDB {
	tb.Helper()
	db, err := data.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	svc := calendar.NewService(db)
	leader := calendar.Leader{Name: "张书记", ZoneName: "Asia/Shanghai"}
	if err := svc.AddLeader(context.Background(), &leader); err != nil {
		tb.Fatal(err)
	}
	return &importDB{db: db, svc: svc, imp: imports.NewService(svc, db), leader: leader}
}

func (d *importDB) close(tb testing.TB) {
	if err := d.db.Close(); err != nil {
		tb.Fatal(err)
	}
}

// importFile imports one file as `anteroom import` does: read, plan,
// apply in one transaction. It returns what was stored.
func (d *importDB) importFile(tb testing.TB, r io.Reader) imports.ImportResult {
	tb.Helper()
	ctx := context.Background()
	items, todos, notes, err := ics.ReadForImport(r, "bench.ics", shanghai)
	if err != nil {
		tb.Fatal(err)
	}
	plan, err := d.imp.PlanImport(ctx, d.leader, "bench.ics", items, todos, notes)
	if err != nil {
		tb.Fatal(err)
	}
	items = nil // the plan holds them now
	res, err := d.imp.ApplyImport(ctx, plan)
	if err != nil {
		tb.Fatal(err)
	}
	return res
}

// BenchmarkImport100k imports the generated 100,000-event file (mixed
// zones, series with overrides and EXDATE lists, Chinese text) into a new
// SQLite database, and reports the peak memory of doing so in a fresh
// process against the file's size.
func BenchmarkImport100k(b *testing.B) {
	file := ics.Bench100k()
	dir := b.TempDir()
	b.SetBytes(int64(len(file)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		d := openImportDB(b, filepath.Join(dir, "bench"+strconv.Itoa(i)+".db"))
		b.StartTimer()
		res := d.importFile(b, bytes.NewReader(file))
		b.StopTimer()
		d.close(b)
		b.StartTimer()
		if res.New != 100_000 {
			b.Fatalf("%+v", res)
		}
	}
	b.StopTimer()
	reportImportRSS(b, file)
}

// BenchmarkImportVsGoICAL100k times, in each iteration, go-ical's bare
// decode of the generated file and our whole import of it into an open
// SQLite database (read, plan, apply and commit), and reports their ratio:
// the import must stay under 1.5 times the decode.
func BenchmarkImportVsGoICAL100k(b *testing.B) {
	file := ics.Bench100k()
	dir := b.TempDir()
	var decode, imp time.Duration
	for i := 0; i < b.N; i++ {
		runtime.GC()
		t0 := time.Now()
		cal, err := goical.NewDecoder(bytes.NewReader(file)).Decode()
		if err != nil || len(cal.Events()) != 100_000 {
			b.Fatalf("go-ical: %v", err)
		}
		decode += time.Since(t0)
		cal = nil
		d := openImportDB(b, filepath.Join(dir, "bench"+strconv.Itoa(i)+".db"))
		runtime.GC()
		t0 = time.Now()
		d.importFile(b, bytes.NewReader(file))
		imp += time.Since(t0)
		d.close(b)
	}
	b.ReportMetric(decode.Seconds()/float64(b.N), "go-ical-s/op")
	b.ReportMetric(imp.Seconds()/float64(b.N), "import-s/op")
	b.ReportMetric(float64(imp)/float64(decode), "import/go-ical")
}

// reportImportRSS imports file in a child process and reports its peak
// resident memory (VmHWM) and the file's size, in MB.
func reportImportRSS(b *testing.B, file []byte) {
	dir := b.TempDir()
	path := filepath.Join(dir, "bench.ics")
	if err := os.WriteFile(path, file, 0o600); err != nil {
		b.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestImportMemoryChild$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), "ICS_IMPORT_FILE="+path, "ICS_IMPORT_DB="+filepath.Join(dir, "child.db"))
	out, err := cmd.CombinedOutput()
	if err != nil {
		b.Fatalf("child: %v\n%s", err, out)
	}
	m := regexp.MustCompile(`VmHWM:\s+(\d+) kB`).FindSubmatch(out)
	if m == nil {
		b.Skipf("no VmHWM from the child (not Linux?):\n%s", out)
	}
	kb, _ := strconv.Atoi(string(m[1]))
	b.ReportMetric(float64(kb)/1024, "peak-RSS-MB")
	b.ReportMetric(float64(len(file))/(1<<20), "file-MB")
	b.ReportMetric(float64(kb)*1024/float64(len(file)), "peak/file")
}

// TestImportMemoryChild is the child process of reportImportRSS: it
// imports the file it is given, as `anteroom import` does, and prints its
// peak resident memory.
func TestImportMemoryChild(t *testing.T) {
	path := os.Getenv("ICS_IMPORT_FILE")
	if path == "" {
		t.Skip("run by the import benchmark")
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d := openImportDB(t, os.Getenv("ICS_IMPORT_DB"))
	res := d.importFile(t, f)
	d.close(t)
	t.Logf("%+v", res)
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skip(err)
	}
	for _, l := range strings.Split(string(status), "\n") {
		if strings.HasPrefix(l, "VmHWM:") {
			t.Log(l)
		}
	}
}

// benchEngagements returns the benchmark's export items as stored
// engagements of one leader.
func benchEngagements(n int) []calendar.Engagement {
	out := make([]calendar.Engagement, n)
	for i, e := range ics.BenchExport(n) {
		out[i] = calendar.Engagement{ID: int64(i + 1), UID: e.UID, LeaderID: 1, Kind: calendar.KindMeeting,
			Title: e.Summary, Location: e.Location, Notes: e.Description, Start: e.Start.UTC(), End: e.End.UTC(),
			ZoneName: e.ZoneName, RRule: e.RRule, ExDates: e.ExDates, Status: e.Status, Classification: e.Class,
			Source: calendar.SourceManual, Sequence: e.Sequence}
	}
	return out
}

// BenchmarkExportEngagements10k is the export path from stored
// engagements: FromEngagement and Encode, as `anteroom export` runs them;
// compare BenchmarkGoICALEncode10k.
func BenchmarkExportEngagements10k(b *testing.B) {
	items := benchEngagements(10_000)
	leaders := map[int64]calendar.Leader{1: {ID: 1, Name: "张书记", ZoneName: "Asia/Shanghai"}}
	var size int
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var buf bytes.Buffer
		if err := ics.ExportEngagements(&buf, items, leaders, ics.PrivacyFull, ics.BenchStamp); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.SetBytes(int64(size))
}

// exportBenchDB stores the benchmark's 10,000 engagements in a new
// database and returns it with the span to export.
func exportBenchDB(b *testing.B) (*importDB, calendar.Date, calendar.Date) {
	d := openImportDB(b, filepath.Join(b.TempDir(), "export.db"))
	ctx := context.Background()
	items := benchEngagements(10_000)
	rows := make([]imports.ImportedRow, len(items))
	for i := range items {
		items[i].ID, items[i].LeaderID = 0, d.leader.ID
		rows[i] = imports.ImportedRow{Engagement: &items[i], Version: imports.ImportVersion{At: ics.BenchStamp}}
	}
	if err := d.db.WithTx(ctx, func(st calendar.Store) error { return st.(*data.DB).WriteImported(ctx, rows) }); err != nil {
		b.Fatal(err)
	}
	return d, calendar.NewDate(2026, 1, 1), calendar.NewDate(2027, 12, 31)
}

// BenchmarkExportService10k is the whole export of `anteroom export`: the
// 10,000 engagements found in SQLite (ExportItems: singles, series and
// their overrides) and written (ExportEngagements). Compare it with
// BenchmarkExportItems10k, the same read alone, plus
// BenchmarkGoICALEncode10k, go-ical building and encoding the same
// export: like with like.
func BenchmarkExportService10k(b *testing.B) {
	d, from, to := exportBenchDB(b)
	defer d.close(b)
	ctx := context.Background()
	leaders := map[int64]calendar.Leader{d.leader.ID: d.leader}
	var size int
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		found, err := d.svc.ExportItems(ctx, []int64{d.leader.ID}, from, to)
		if err != nil || len(found) != 10_000 {
			b.Fatalf("%d items, %v", len(found), err)
		}
		var buf bytes.Buffer
		if err := ics.ExportEngagements(&buf, found, leaders, ics.PrivacyLimited, ics.BenchStamp); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.SetBytes(int64(size))
}

// BenchmarkExportItems10k is the read of BenchmarkExportService10k alone.
func BenchmarkExportItems10k(b *testing.B) {
	d, from, to := exportBenchDB(b)
	defer d.close(b)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		found, err := d.svc.ExportItems(ctx, []int64{d.leader.ID}, from, to)
		if err != nil || len(found) != 10_000 {
			b.Fatalf("%d items, %v", len(found), err)
		}
	}
}
