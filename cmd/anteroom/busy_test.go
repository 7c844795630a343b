package main

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"
)

// TestAddWaitsForAnotherWriterAndSaysSo: while another program holds the
// database's write lock, add says it is waiting for another Anteroom,
// then books once the lock goes; SQLite's own words never reach the user.
func TestAddWaitsForAnotherWriterAndSaysSo(t *testing.T) {
	db := raceDB(t)
	raw, err := sql.Open("sqlite", "file:"+db)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	conn, err := raw.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	slot := raceDays(t, db, 1)[0]
	add, out, errOut := cliProcess(t, time.Time{}, "--db", db, "add", "--title", "党组会", "--start", slot.Start, "--end", slot.End)
	if err := add.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(2500 * time.Millisecond)
	conn.ExecContext(context.Background(), "ROLLBACK")
	conn.Close()
	if err := add.Wait(); err != nil {
		t.Fatalf("add after the lock went: %v: %s%s", err, out, errOut)
	}
	if !strings.Contains(errOut.String(), "Waiting for another Anteroom") {
		t.Errorf("add did not say it waited: stderr %q", errOut)
	}
	for _, raw := range []string{"SQLITE_BUSY", "database is locked"} {
		if strings.Contains(out.String()+errOut.String(), raw) {
			t.Errorf("the user saw %q: %s%s", raw, out, errOut)
		}
	}
}
