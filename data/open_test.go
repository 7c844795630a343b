package data

import (
	"bytes"
	"database/sql"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"anteroom/calendar"
)

func TestOpenMigratesEmptyFile(t *testing.T) {
	db := openTemp(t)
	var version, appID int
	var journal string
	var fk bool
	err := db.pool.QueryRow(`SELECT
		(SELECT user_version FROM pragma_user_version),
		(SELECT application_id FROM pragma_application_id),
		(SELECT journal_mode FROM pragma_journal_mode),
		(SELECT foreign_keys FROM pragma_foreign_keys)`).Scan(&version, &appID, &journal, &fk)
	if err != nil {
		t.Fatal(err)
	}
	if version != len(migrations) || appID != applicationID || journal != "wal" || !fk {
		t.Errorf("user_version %d application_id %#x journal_mode %s foreign_keys %v; want %d %#x wal true",
			version, appID, journal, fk, len(migrations), applicationID)
	}
	for _, table := range []string{"leaders", "engagements", "engagement_spans"} {
		var n int
		if err := db.pool.QueryRow(`SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?`, table).Scan(&n); err != nil || n != 1 {
			t.Errorf("table %s: found %d (%v)", table, n, err)
		}
	}
	if bak, _ := filepath.Glob(db.Path() + ".bak-*"); len(bak) > 0 {
		t.Errorf("a new database was backed up: %v", bak)
	}
}

func TestOpenCreatesPrivateFiles(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permissions")
	}
	dir := filepath.Join(t.TempDir(), "config", "anteroom")
	db := openAt(t, filepath.Join(dir, "anteroom.db"), migrations)
	addLeader(t, db, "Leader") // a write, so the WAL files exist
	if m := mode(t, dir); m != 0o700 {
		t.Errorf("directory mode %o, want 700", m)
	}
	for _, p := range []string{db.Path(), db.Path() + "-wal", db.Path() + "-shm"} {
		if m := mode(t, p); m != 0o600 {
			t.Errorf("%s: mode %o, want 600", filepath.Base(p), m)
		}
	}
}

func TestOpenTightensAWiderFile(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permissions")
	}
	path := filepath.Join(t.TempDir(), "anteroom.db")
	openAt(t, path, migrations).Close()
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	openAt(t, path, migrations)
	if m := mode(t, path); m != 0o600 {
		t.Errorf("mode %o after reopening, want 600", m)
	}
}

func TestOpenPathsThatNeedEscaping(t *testing.T) {
	for _, name := range []string{"with space", "what?", "hash#tag", "per%20cent", "a&b=c;d", "中文目录"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), name, name+".db")
			db := openAt(t, path, migrations)
			addLeader(t, db, "Leader")
			if _, err := os.Stat(path); err != nil {
				t.Fatalf("database not at the path asked for: %v", err)
			}
			entries, _ := os.ReadDir(filepath.Dir(path))
			for _, e := range entries {
				if !strings.HasPrefix(e.Name(), name+".db") {
					t.Errorf("stray file %q beside the database", e.Name())
				}
			}
		})
	}
}

func TestOpenRelativePath(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	db := openAt(t, filepath.Join("sub", "anteroom.db"), migrations)
	if want := filepath.Join(dir, "sub", "anteroom.db"); db.Path() != want {
		t.Errorf("Path() = %q, want %q", db.Path(), want)
	}
}

func TestReopenKeepsEveryField(t *testing.T) {
	path := filepath.Join(t.TempDir(), "anteroom.db")
	db := openAt(t, path, migrations)
	leader := addLeader(t, db, "县长")
	loc := mustLoad(t, leader.ZoneName)
	meeting := timed(leader.ID, "周一例会", time.Date(2026, 3, 2, 8, 30, 0, 0, loc), 90*time.Minute)
	meeting.Kind, meeting.Location, meeting.Notes = calendar.KindVisit, "第一会议室", "各部门汇报\n第二行"
	meeting.Status, meeting.Classification, meeting.Source = calendar.StatusTentative, calendar.ClassConfidential, calendar.SourceImported
	meeting.Sequence = 3
	meeting.Updated = meeting.Created.Add(time.Hour)
	meeting = create(t, db, meeting)
	trip := create(t, db, allDay(leader.ID, "赴省城出差", calendar.Date{Year: 2026, Month: 3, Day: 4}, calendar.Date{Year: 2026, Month: 3, Day: 6}, loc))
	if meeting.ID == 0 || trip.ID == 0 || meeting.ID == trip.ID {
		t.Fatalf("IDs not set: %d, %d", meeting.ID, trip.ID)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	db = openAt(t, path, migrations)
	gotLeader, err := db.Leader(ctx, leader.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !sameLeader(gotLeader, leader) {
		t.Errorf("leader after reopening:\n got %+v\nwant %+v", gotLeader, leader)
	}
	for _, want := range []calendar.Engagement{meeting, trip} {
		got, err := db.Engagement(ctx, want.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !sameEngagement(got, want) {
			t.Errorf("engagement after reopening:\n got %+v\nwant %+v", got, want)
		}
		if got.Start.Location() != time.UTC {
			t.Errorf("%q: Start in %v, want UTC", got.Title, got.Start.Location())
		}
	}
}

// sameLeader compares every field, instants by Equal.
func sameLeader(a, b calendar.Leader) bool {
	return a.ID == b.ID && a.Name == b.Name && a.ZoneName == b.ZoneName && a.Order == b.Order &&
		a.Created.Equal(b.Created) && a.Updated.Equal(b.Updated)
}

// sameEngagement compares every field, instants by Equal.
func sameEngagement(a, b calendar.Engagement) bool {
	if !a.Start.Equal(b.Start) || !a.End.Equal(b.End) || !a.Created.Equal(b.Created) || !a.Updated.Equal(b.Updated) {
		return false
	}
	if !slices.EqualFunc(a.RDates, b.RDates, time.Time.Equal) || !slices.EqualFunc(a.ExDates, b.ExDates, time.Time.Equal) ||
		!a.SeriesEnd.Equal(b.SeriesEnd) || !a.RecurrenceID.Equal(b.RecurrenceID) {
		return false
	}
	a.Start, a.End, a.Created, a.Updated = b.Start, b.End, b.Created, b.Updated
	a.RDates, a.ExDates, a.SeriesEnd, a.RecurrenceID = b.RDates, b.ExDates, b.SeriesEnd, b.RecurrenceID
	return reflect.DeepEqual(a, b)
}

func TestSubSecondsAreDropped(t *testing.T) {
	db := openTemp(t)
	leader := addLeader(t, db, "Leader")
	start := time.Date(2026, 3, 2, 9, 0, 0, 999_999_999, time.FixedZone("+08", 8*3600))
	e := create(t, db, timed(leader.ID, "Meeting", start, time.Hour))
	got, err := db.Engagement(ctx, e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := start.Truncate(time.Second).UTC(); got.Start != want {
		t.Errorf("Start = %v, want %v", got.Start, want)
	}
}

func TestOpenRefusesFilesThatAreNotOurs(t *testing.T) {
	random := make([]byte, 8192)
	r := rand.NewChaCha8([32]byte{1})
	r.Read(random)
	garbage := append([]byte("SQLite format 3\x00"), random...)

	tests := []struct {
		name  string
		write func(t *testing.T, path string)
	}{
		{"text", writeBytes([]byte("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"))},
		{"random bytes", writeBytes(random)},
		{"short header", writeBytes([]byte("SQLite"))},
		{"SQLite header then garbage", writeBytes(garbage)},
		{"another program's SQLite database", sqliteFile(`CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('keep me')`)},
		{"another program's application id", sqliteFile(`PRAGMA application_id = 42; PRAGMA user_version = 1; CREATE TABLE t (x)`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "anteroom.db")
			tt.write(t, path)
			before := fileBytes(t, path)

			db, err := Open(path)
			if err == nil {
				db.Close()
				t.Fatal("Open succeeded")
			}
			t.Log(err)
			if !errors.Is(err, ErrCorrupt) {
				t.Errorf("error %v does not wrap ErrCorrupt", err)
			}
			if msg := err.Error(); !strings.Contains(msg, path) || !strings.Contains(msg, "is not an Anteroom database") {
				t.Errorf("error %q does not name the file and the problem", msg)
			}
			if after := fileBytes(t, path); !bytes.Equal(before, after) {
				t.Error("the file was modified")
			}
			if names := dirNames(t, dir); !slices.Equal(names, []string{"anteroom.db"}) {
				t.Errorf("files left behind: %v", names)
			}
		})
	}
}

func TestOpenNotADatabaseMessage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "anteroom.db")
	writeBytes([]byte("hello"))(t, path)
	_, err := Open(path)
	if want := path + " is not an Anteroom database (file is not a database): "; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error %v, want it to start %q", err, want)
	}
}

func TestOpenRefusesNewerVersion(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "anteroom.db")
	db := openAt(t, path, migrations)
	addLeader(t, db, "Leader")
	if _, err := db.pool.Exec(`PRAGMA user_version = 99`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before := fileBytes(t, path)

	_, err := Open(path)
	if !errors.Is(err, ErrTooNew) {
		t.Fatalf("error %v, want ErrTooNew", err)
	}
	if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "99") {
		t.Errorf("error %q does not name the file and its version", err)
	}
	if !bytes.Equal(before, fileBytes(t, path)) {
		t.Error("the file was modified")
	}
	if names := dirNames(t, dir); !slices.Equal(names, []string{"anteroom.db"}) {
		t.Errorf("files left behind: %v", names)
	}
}

func writeBytes(b []byte) func(*testing.T, string) {
	return func(t *testing.T, path string) {
		t.Helper()
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// sqliteFile writes an SQLite database made by script, closed cleanly.
func sqliteFile(script string) func(*testing.T, string) {
	return func(t *testing.T, path string) {
		t.Helper()
		db, err := sql.Open("sqlite", fileURI(path))
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if _, err := db.Exec(script); err != nil {
			t.Fatal(err)
		}
	}
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}
