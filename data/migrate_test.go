package data

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

func TestEmbeddedMigrationsAreNumbered(t *testing.T) {
	if len(migrations) == 0 {
		t.Fatal("no migrations embedded")
	}
	for i, m := range migrations {
		if m.version != i+1 || strings.TrimSpace(m.sql) == "" {
			t.Errorf("migration %d: version %d, %d bytes", i, m.version, len(m.sql))
		}
	}
}

func TestMigrationNamesMustBeContiguous(t *testing.T) {
	for _, names := range [][]string{
		{"migrations/0001_a.sql", "migrations/0003_c.sql"},
		{"migrations/0002_b.sql"},
		{"migrations/init.sql"},
	} {
		fsys := fstest.MapFS{}
		for _, n := range names {
			fsys[n] = &fstest.MapFile{Data: []byte("SELECT 1;")}
		}
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%v: loaded without complaint", names)
				}
			}()
			mustLoadMigrations(fsys)
		}()
	}
}

func TestFailedMigrationRollsBack(t *testing.T) {
	path := filepath.Join(t.TempDir(), "anteroom.db")
	db := openAt(t, path, migrations)
	addLeader(t, db, "Leader")
	db.Close()

	bad := append(migrations[:len(migrations):len(migrations)], migration{
		version: len(migrations) + 1,
		name:    "9999_half_done.sql",
		sql: `CREATE TABLE half_done (x INTEGER);
		      ALTER TABLE leaders ADD COLUMN title TEXT;
		      INSERT INTO no_such_table VALUES (1);`,
	})
	_, err := open(ctx, path, bad)
	if err == nil || !strings.Contains(err.Error(), "9999_half_done.sql") {
		t.Fatalf("error %v, want one naming the failed migration", err)
	}

	raw := rawOpen(t, path)
	var version, tables, columns, leaders int
	err = raw.QueryRow(`SELECT
		(SELECT user_version FROM pragma_user_version),
		(SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'),
		(SELECT count(*) FROM pragma_table_info('leaders') WHERE name = 'title'),
		(SELECT count(*) FROM leaders)`).Scan(&version, &tables, &columns, &leaders)
	if err != nil {
		t.Fatal(err)
	}
	if version != len(migrations) || tables != 0 || columns != 0 || leaders != 1 {
		t.Errorf("after the failed step: user_version %d, half_done tables %d, new columns %d, leaders %d; want %d 0 0 1",
			version, tables, columns, leaders, len(migrations))
	}
}

func TestFailedFirstMigrationLeavesAnEmptyDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "anteroom.db")
	bad := []migration{{version: 1, name: "0001_bad.sql", sql: migrations[0].sql + "\nSELECT * FROM no_such_table;"}}
	if _, err := open(ctx, path, bad); err == nil {
		t.Fatal("Open succeeded")
	}
	// Nothing of the first step stuck, application id included, so the
	// file still counts as new and the real migrations can run.
	var version, appID, objects int
	err := rawOpen(t, path).QueryRow(`SELECT
		(SELECT user_version FROM pragma_user_version),
		(SELECT application_id FROM pragma_application_id),
		(SELECT count(*) FROM sqlite_schema)`).Scan(&version, &appID, &objects)
	if err != nil || version != 0 || appID != 0 || objects != 0 {
		t.Fatalf("after the failed first step: user_version %d, application_id %d, %d schema objects (%v); want all 0",
			version, appID, objects, err)
	}
	db := openAt(t, path, migrations)
	addLeader(t, db, "Leader")
}

func TestBackupBeforeMigratingAnExistingDatabase(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "anteroom.db")
	db := openAt(t, path, migrations)
	addLeader(t, db, "Leader")
	db.Close()

	next := append(migrations[:len(migrations):len(migrations)], migration{
		version: len(migrations) + 1,
		name:    "9999_rooms.sql",
		sql:     `CREATE TABLE rooms (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT;`,
	})
	db = openAt(t, path, next)
	if v, err := userVersion(ctx, db.sql); err != nil || v != len(next) {
		t.Fatalf("user_version %d (%v), want %d", v, err, len(next))
	}

	backups, _ := filepath.Glob(path + ".bak-*")
	if len(backups) != 1 {
		t.Fatalf("backups: %v, want one", backups)
	}
	name := filepath.Base(backups[0])
	pattern := regexp.MustCompile(`^anteroom\.db\.bak-v` + strconv.Itoa(len(migrations)) + `-\d{8}T\d{6}$`)
	if !pattern.MatchString(name) {
		t.Errorf("backup named %q, want %s", name, pattern)
	}
	if m := mode(t, backups[0]); m != 0o600 {
		t.Errorf("backup mode %o, want 600", m)
	}
	// The backup is the database as it was: the old version, with the data.
	raw := rawOpen(t, backups[0])
	var version, leaders, rooms int
	err := raw.QueryRow(`SELECT
		(SELECT user_version FROM pragma_user_version),
		(SELECT count(*) FROM leaders),
		(SELECT count(*) FROM sqlite_schema WHERE name = 'rooms')`).Scan(&version, &leaders, &rooms)
	if err != nil {
		t.Fatal(err)
	}
	if version != len(migrations) || leaders != 1 || rooms != 0 {
		t.Errorf("backup: user_version %d, leaders %d, rooms table %d; want %d 1 0", version, leaders, rooms, len(migrations))
	}

	// Up to date: no further backup.
	db.Close()
	openAt(t, path, next)
	if again, _ := filepath.Glob(path + ".bak-*"); len(again) != 1 {
		t.Errorf("backups after reopening an up-to-date database: %v", again)
	}
}

func TestBackupNeverOverwrites(t *testing.T) {
	db := openTemp(t)
	first, err := backup(ctx, db.pool, db.Path(), 1)
	if err != nil {
		t.Fatal(err)
	}
	second, err := backup(ctx, db.pool, db.Path(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if first == second {
		t.Fatalf("both backups written to %s", first)
	}
	for _, p := range []string{first, second} {
		if fi, err := os.Stat(p); err != nil || fi.Size() == 0 {
			t.Errorf("backup %s: %v", p, err)
		}
	}
}
