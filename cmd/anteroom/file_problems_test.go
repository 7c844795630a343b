package main

import (
	"bytes"
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// A file the user names that is missing, or a folder that is, is told in
// their words, naming it once: never the system's English.
func TestMissingFilesAndFoldersAreToldInChinese(t *testing.T) {
	bin := builtBinary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	zh := func(args ...string) (string, int) { return inChinese(bin, dir, db, args...) }
	if msg, code := zh("leader", "add", "--name", "张书记", "--zone", "Asia/Shanghai"); code != 0 {
		t.Fatalf("leader add: %s", msg)
	}
	missing := filepath.Join(dir, "邀请.ics")
	noFolder := filepath.Join(dir, "没有的文件夹", "下周.ics")
	folder := filepath.Join(dir, "收到的.ics")
	if err := os.Mkdir(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"import", missing}, missing + " 不存在"},
		{[]string{"import", "--dry-run", missing}, missing + " 不存在"},
		{[]string{"export", "--from", "2026-12-07", "--to", "2026-12-13", "-o", noFolder},
			"文件夹 " + filepath.Dir(noFolder) + " 不存在，无法写入 下周.ics"},
		{[]string{"import", folder}, folder + " 是文件夹，不是文件"},
		{[]string{"import", "--dry-run", folder}, folder + " 是文件夹，不是文件"},
		{[]string{"holidays", "import", folder}, folder + " 是文件夹，不是文件"},
		{[]string{"export", "--from", "2026-12-07", "--to", "2026-12-13", "-o", folder}, folder + " 是文件夹，不是文件"},
	} {
		msg, code := zh(c.args...)
		named := strings.Count(msg, c.args[len(c.args)-1]) + strings.Count(msg, filepath.Dir(noFolder)+" ")
		if code != 1 || !strings.Contains(msg, c.want) || strings.Contains(msg, "no such file") || named != 1 {
			t.Errorf("%v: exit %d, said %q; want it to say %q", c.args, code, msg, c.want)
		}
	}
	if _, err := os.Stat(filepath.Dir(noFolder)); !os.IsNotExist(err) {
		t.Errorf("the export made the folder it was told is missing: %v", err)
	}
}

// Starting on a disk with no room left fails before SQLite can make the
// log's shared memory, as a bare I/O error; the user is told the disk is
// full, in their words. The disk is a small tmpfs in a mount namespace of
// its own, filled after the first start.
func TestStartingOnAFullDiskIsToldInChinese(t *testing.T) {
	disk, said, code := onADiskOfItsOwn(t, `set -e
mount -t tmpfs -o size=2m tmpfs "$1"
"$2" --db "$1/cal.db" leader add --name 张书记 --zone Asia/Shanghai >/dev/null
head -c 4000000 /dev/zero > "$1/filler" 2>/dev/null || true
"$2" --db "$1/cal.db" leader list`)
	want := filepath.Join(disk, "cal.db") + " 所在的磁盘已满"
	if code != 1 || !strings.Contains(said, want) {
		t.Fatalf("leader list on a full disk: exit %d, said %q; want %q", code, said, want)
	}
}

// inChinese runs the built binary bin on the database db in zh_CN, with
// home as HOME, and returns what it said on standard error and its exit code.
func inChinese(bin, home, db string, args ...string) (string, int) {
	cmd := exec.Command(bin, append([]string{"--db", db}, args...)...)
	cmd.Env = chineseEnv(home)
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	cmd.Run()
	return errOut.String(), cmd.ProcessState.ExitCode()
}

// A database Anteroom will not open (not one at all, another program's,
// one a newer version wrote) is refused in the user's words, naming it,
// and left as it was.
func TestADatabaseThatCannotBeOpenedIsToldInChinese(t *testing.T) {
	bin := builtBinary(t)
	dir := t.TempDir()
	letter := filepath.Join(dir, "letter.db")
	if err := os.WriteFile(letter, []byte("这是一封信，不是数据库\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "other.db")
	newer := filepath.Join(dir, "newer.db")
	for path, setup := range map[string]string{other: `CREATE TABLE notes (body TEXT)`, newer: `PRAGMA user_version = 999`} {
		if path == newer {
			if msg, code := inChinese(bin, dir, newer, "leader", "add", "--name", "张书记"); code != 0 {
				t.Fatalf("leader add: %s", msg)
			}
		}
		db, err := sql.Open("sqlite", path)
		if err != nil {
			t.Fatal(err)
		}
		_, err = db.Exec(setup)
		db.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct{ db, want string }{
		{letter, letter + " 不是 Anteroom 的数据库（不是数据库文件），未做任何改动"},
		{other, other + " 不是 Anteroom 的数据库（是其他程序的 SQLite 数据库），未做任何改动"},
		{newer, newer + " 由更新版本的 Anteroom 写入（数据版本 999"},
	} {
		before, err := os.ReadFile(c.db)
		if err != nil {
			t.Fatal(err)
		}
		msg, code := inChinese(bin, dir, c.db, "agenda")
		if code != 1 || !strings.Contains(msg, c.want) {
			t.Errorf("agenda on %s: exit %d, said %q; want %q", filepath.Base(c.db), code, msg, c.want)
		}
		if after, err := os.ReadFile(c.db); err != nil || !bytes.Equal(before, after) {
			t.Errorf("%s changed when it was refused (%v)", filepath.Base(c.db), err)
		}
	}
	// A folder or a device named by mistake.
	for path, want := range map[string]string{dir: dir + " 不是 Anteroom 的数据库（这是一个文件夹）", os.DevNull: os.DevNull + " 不是 Anteroom 的数据库（这不是普通文件）"} {
		if msg, code := inChinese(bin, dir, path, "leader", "add", "--name", "李主任"); code != 1 || !strings.Contains(msg, want) {
			t.Errorf("--db %s: exit %d, said %q; want %q", path, code, msg, want)
		}
	}
}

// A calendar on a disk mounted read-only cannot be opened, as SQLite must
// write its log beside it even to read; the user is told why in their
// words, naming the folder, and the file is left as it was. The disk is a
// tmpfs in a mount namespace of its own, made read-only after the first
// start.
func TestACalendarOnAReadOnlyDiskIsToldInChinese(t *testing.T) {
	disk, said, code := onADiskOfItsOwn(t, `set -e
mount -t tmpfs -o size=4m tmpfs "$1"
"$2" --db "$1/cal.db" leader add --name 张书记 --zone Asia/Shanghai >/dev/null
sum=$(cksum < "$1/cal.db")
mount -o remount,ro "$1"
"$2" --db "$1/cal.db" agenda --from 2026-12-07 --to 2026-12-13 && exit 9
[ "$(cksum < "$1/cal.db")" = "$sum" ] || exit 8`)
	want := "无法打开 " + filepath.Join(disk, "cal.db") + "：Anteroom 需要在它旁边写入日志文件（cal.db-wal、cal.db-shm），但无权在 " + disk + " 中写入"
	if code != 0 || !strings.Contains(said, want) {
		t.Fatalf("agenda on a read-only disk: script exit %d (8: the file changed, 9: it opened), said %q; want %q", code, said, want)
	}
}

// onADiskOfItsOwn runs script with sh in a mount namespace of its own, as
// its root, with $1 an empty folder to mount a disk on and $2 the built
// binary, in zh_CN; it returns the folder, what the script said on
// standard error and its exit code. It skips where no namespace can be
// made.
func onADiskOfItsOwn(t *testing.T, script string) (disk, said string, code int) {
	t.Helper()
	if err := exec.Command("unshare", "-rm", "true").Run(); err != nil {
		t.Skipf("no mount namespace to make a disk in: %v", err)
	}
	bin := builtBinary(t)
	dir := t.TempDir()
	disk = filepath.Join(dir, "disk")
	if err := os.Mkdir(disk, 0o700); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("unshare", "-rm", "sh", "-c", script, "sh", disk, bin)
	cmd.Env = chineseEnv(dir)
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	cmd.Run()
	return disk, errOut.String(), cmd.ProcessState.ExitCode()
}

// chineseEnv is the environment of a user in zh_CN, in Shanghai, at home.
func chineseEnv(home string) []string {
	return []string{"PATH=" + os.Getenv("PATH"), "HOME=" + home, "TZ=Asia/Shanghai", "LANG=zh_CN.UTF-8", "LC_ALL=zh_CN.UTF-8"}
}
