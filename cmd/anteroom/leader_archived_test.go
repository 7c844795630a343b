package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/lang"
)

// An archived leader takes no new bookings, by add (with or without
// --force), import or a visit's booking; the refusal names them, in
// Chinese for a zh-CN user. Their week stays readable, and once put back
// in use they can be booked again.
func TestArchivedLeaderTakesNoNewBookings(t *testing.T) {
	db, monday := deskDB(t)
	mustRun(t, "--db", db, "leader", "add", "--name", "李市长", "--zone", "Asia/Shanghai")
	week := []string{"--leader", "张书记", "--from", day(monday, 0), "--to", day(monday, 6)}
	before := agenda(t, db, week...)
	visit := strings.TrimSpace(mustRun(t, "--db", db, "visit", "add", "--leader", "张书记", "--org", "市教育局", "--person", "周敏", "--purpose", "调研汇报"))
	mustRun(t, "--db", db, "leader", "archive", "张书记")

	refusal := lang.L("validation.leader_archived", map[string]any{"Name": "张书记"})
	if refusal == "validation.leader_archived" || !strings.Contains(refusal, "张书记") {
		t.Fatalf("no message for an archived leader: %q", refusal)
	}
	refused := func(what string, args ...string) {
		t.Helper()
		code, out, errOut := anteroom(t, append([]string{"--db", db}, args...)...)
		if code == 0 || !strings.Contains(errOut, refusal) {
			t.Fatalf("%s for the archived leader: exit %d, %q %q; want the refusal %q", what, code, out, errOut, refusal)
		}
	}
	add := []string{"add", "--leader", "张书记", "--title", "新增调研", "--start", day(monday, 2) + " 20:00", "--end", day(monday, 2) + " 21:00"}
	refused("add", add...)
	refused("add --force", append(add, "--force", "--reason", "领导要求")...)
	ics := filepath.Join(t.TempDir(), "invite.ics")
	start := time.Date(monday.Year, monday.Month, monday.Day, 12, 0, 0, 0, time.UTC).AddDate(0, 0, 3).Format("20060102T150405Z")
	end := time.Date(monday.Year, monday.Month, monday.Day, 13, 0, 0, 0, time.UTC).AddDate(0, 0, 3).Format("20060102T150405Z")
	if err := os.WriteFile(ics, []byte("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\nBEGIN:VEVENT\r\nUID:new-1@x\r\nDTSTAMP:20261120T010000Z\r\n"+
		"DTSTART:"+start+"\r\nDTEND:"+end+"\r\nSUMMARY:省厅来访\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	refused("import", "import", "--leader", "张书记", ics)
	refused("import --dry-run", "import", "--dry-run", "--leader", "张书记", ics)
	refused("visit book", "visit", "book", visit, "--start", day(monday, 3)+" 20:00", "--end", day(monday, 3)+" 21:00")

	// Said in Chinese to a zh-CN user, by the command as its own process.
	cmd, _, errOut := cliProcess(t, time.Time{}, append([]string{"--db", db}, add...)...)
	cmd.Env = append(cmd.Env, "LANG=zh_CN.UTF-8", "LC_ALL=zh_CN.UTF-8")
	if err := cmd.Run(); exitCode(err) == 0 || !strings.Contains(errOut.String(), "张书记已归档，恢复启用前不能为其安排新的日程") {
		t.Fatalf("zh-CN add for the archived leader: %v, %q", err, errOut.String())
	}

	// Nothing was booked; the week reads as before.
	if after := agenda(t, db, week...); len(after) != len(before) {
		t.Fatalf("the archived leader's week has %d engagements, had %d", len(after), len(before))
	}
	if vs := decode[[]visitJSON](t, mustRun(t, "--db", db, "visit", "list", "--json")); len(vs) != 1 || vs[0].State != "requested" {
		t.Fatalf("a refused visit booking changed the request: %+v", vs)
	}
	mustRun(t, "--db", db, "leader", "restore", "张书记")
	mustRun(t, append(append([]string{"--db", db}, add...), "--force", "--reason", "领导要求")...)
	mustRun(t, "--db", db, "import", "--leader", "张书记", ics)
	if after := agenda(t, db, week...); len(after) != len(before)+2 {
		t.Fatalf("back in use, the leader's week has %d engagements, want %d", len(after), len(before)+2)
	}
}
