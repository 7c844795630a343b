package main

import (
	"strings"
	"testing"
)

// The first leader, made by the demo as 领导 in the machine's zone, is
// renamed, given another zone and moved in the order; a leader who leaves
// is archived, keeps their engagements readable, and can come back. The
// last leader in use cannot be archived.
func TestLeadersRenamedMovedArchivedFromTheCommandLine(t *testing.T) {
	db := tempDB(t)
	t.Setenv("TZ", "Asia/Shanghai")
	monday := aheadMonday()
	mustRun(t, "--db", db, "demo", "--week", monday.String())
	first := decode[[]leaderJSON](t, mustRun(t, "--db", db, "leader", "list", "--json"))
	if len(first) != 1 || first[0].Zone != "Asia/Shanghai" {
		t.Fatalf("after the demo: %+v", first)
	}
	renamed := decode[leaderJSON](t, mustRun(t, "--db", db, "leader", "rename", "1", "--name", "王书记", "--json"))
	if renamed.Name != "王书记" || renamed.ID != 1 {
		t.Fatalf("leader rename: %+v", renamed)
	}
	if z := decode[leaderJSON](t, mustRun(t, "--db", db, "leader", "edit", "王书记", "--zone", "Asia/Tokyo", "--json")); z.Zone != "Asia/Tokyo" {
		t.Fatalf("leader edit --zone: %+v", z)
	}
	mustRun(t, "--db", db, "leader", "add", "--name", "李市长", "--zone", "Asia/Shanghai")
	mustRun(t, "--db", db, "leader", "add", "--name", "赵主任", "--zone", "Asia/Shanghai")
	order := decode[[]leaderJSON](t, mustRun(t, "--db", db, "leader", "move", "赵主任", "--to", "0", "--json"))
	var names []string
	for i, l := range order {
		names = append(names, l.Name)
		if l.Order != i {
			t.Errorf("after move: %s at place %d, want %d", l.Name, l.Order, i)
		}
	}
	if strings.Join(names, " ") != "赵主任 王书记 李市长" {
		t.Fatalf("leader move: %v", names)
	}

	before := agenda(t, db, "--leader", "王书记", "--from", day(monday, 0), "--to", day(monday, 6))
	archived := decode[leaderJSON](t, mustRun(t, "--db", db, "leader", "archive", "王书记", "--json"))
	if archived.Archived == "" {
		t.Fatalf("leader archive: %+v", archived)
	}
	if after := agenda(t, db, "--leader", "王书记", "--from", day(monday, 0), "--to", day(monday, 6)); len(before) == 0 || len(after) != len(before) {
		t.Fatalf("the archived leader's week: %d engagements, before %d", len(after), len(before))
	}
	if list := mustRun(t, "--db", db, "leader", "list"); !strings.Contains(list, "王书记") || !strings.Contains(list, strings.Fields(tr("archived {{.Date}}"))[0]) {
		t.Fatalf("leader list does not show the archived leader as such:\n%s", list)
	}
	mustRun(t, "--db", db, "leader", "archive", "李市长")
	code, _, errOut := anteroom(t, "--db", db, "leader", "archive", "赵主任")
	// named by position, the leader is named by the message, not by the
	// field's English name
	if code != 1 || !strings.HasPrefix(errOut, "anteroom leader: 赵主任") {
		t.Fatalf("archiving the last leader in use: exit %d, %q", code, errOut)
	}
	if back := decode[leaderJSON](t, mustRun(t, "--db", db, "leader", "restore", "1", "--json")); back.Archived != "" {
		t.Fatalf("leader restore: %+v", back)
	}
}
