package data

import (
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

const backupChildEnv = "ANTEROOM_BACKUP_CHILD"

// TestBackupChild is the child process of the backup crash test: it opens
// the database named in backupChildEnv, which migrates it and so backs it
// up first. Run on its own it does nothing.
func TestBackupChild(t *testing.T) {
	path := os.Getenv(backupChildEnv)
	if path == "" {
		t.Skip("a child process of the backup crash test")
	}
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
}

// A process killed with kill -9 while backing up before a migration never
// leaves a backup that opens as an empty or partial database: whatever
// carries a backup's name holds every row. Each try kills the process the
// moment a backup's name appears, or at a random moment before.
func TestKilledBackupLeavesNoEmptyBackup(t *testing.T) {
	if testing.Short() {
		t.Skip("writes large databases in many processes")
	}
	// A database one version behind, big enough that copying it takes a while.
	template := filepath.Join(t.TempDir(), "template.db")
	db := openAt(t, template, migrations[:len(migrations)-1])
	const leaders = 60000
	filler := strings.Repeat("办公室", 40)
	tx, err := db.pool.Begin()
	if err != nil {
		t.Fatal(err)
	}
	for i := range leaders {
		if _, err := tx.Exec(`INSERT INTO leaders (name, created, updated) VALUES (?, 0, 0)`, filler+strconv.Itoa(i)); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	db.Close()

	backupName := regexp.MustCompile(`^anteroom\.db\.bak-v\d+-\d{8}T\d{6}(-\d+)?$`)
	const tries = 10
	var killed, complete int
	for try := range tries {
		dir := t.TempDir()
		path := filepath.Join(dir, "anteroom.db")
		copyFile(t, template, path)
		cmd := exec.Command(os.Args[0], "-test.run=^TestBackupChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), backupChildEnv+"="+path)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan struct{})
		go func() { cmd.Wait(); close(exited) }()
		deadline := time.After(time.Duration(rand.IntN(400)) * time.Millisecond)
	watch:
		for {
			select {
			case <-exited:
				break watch
			case <-deadline:
				cmd.Process.Kill()
				killed++
				break watch
			case <-time.After(100 * time.Microsecond):
				if names, _ := filepath.Glob(path + ".bak-*"); hasMatch(names, backupName) {
					cmd.Process.Kill()
					killed++
					break watch
				}
			}
		}
		<-exited
		names, _ := filepath.Glob(path + ".bak-*")
		for _, n := range names {
			if !backupName.MatchString(filepath.Base(n)) {
				continue // a partial copy, named so
			}
			raw := rawOpen(t, n)
			var ok string
			var n2 int
			if err := raw.QueryRow(`PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
				t.Fatalf("try %d: backup %s: integrity %q, %v", try, filepath.Base(n), ok, err)
			}
			if err := raw.QueryRow(`SELECT count(*) FROM leaders`).Scan(&n2); err != nil || n2 != leaders {
				t.Fatalf("try %d: backup %s holds %d leaders (%v), want %d", try, filepath.Base(n), n2, err, leaders)
			}
			complete++
		}
	}
	t.Logf("%d tries, %d killed: %d backups found, each complete", tries, killed, complete)
	if killed == 0 {
		t.Fatal("no try killed the backup")
	}
}

func hasMatch(paths []string, re *regexp.Regexp) bool {
	for _, p := range paths {
		if re.MatchString(filepath.Base(p)) {
			return true
		}
	}
	return false
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	src, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
}
