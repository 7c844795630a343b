package ui

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"
)

// anteroomBinary builds the command line, once for the tests that need
// it, for a second process to change the window's database.
func anteroomBinary(t *testing.T) string {
	t.Helper()
	built.Do(func() {
		goTool, err := exec.LookPath("go")
		if err != nil {
			built.err = err
			return
		}
		dir, err := os.MkdirTemp("", "anteroom-ui-test")
		if err != nil {
			built.err = err
			return
		}
		built.bin = filepath.Join(dir, "anteroom")
		build := exec.Command(goTool, "build", "-tags", "ci", "-o", built.bin, "../cmd/anteroom")
		build.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := build.CombinedOutput(); err != nil {
			built.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if built.err != nil {
		t.Fatal(built.err)
	}
	return built.bin
}

var built struct {
	sync.Once
	bin string
	err error
}

// inAnotherProcess runs the command line on the window's database.
func (d *uiDesk) inAnotherProcess(bin string, args ...string) {
	d.t.Helper()
	cmd := exec.Command(bin, append([]string{"--db", d.db.Path()}, args...)...)
	cmd.Env = append(os.Environ(), "LANG=C.UTF-8", "TZ=Asia/Shanghai")
	if out, err := cmd.CombinedOutput(); err != nil {
		d.t.Fatalf("anteroom %v: %v\n%s", args, err, out)
	}
}

// What another program writes into the window's database (the command
// line, a second window, a script) shows in the window: a meeting booked
// in the shown week, a leader added. The window's own writes are not
// taken for another's.
func TestTheWindowShowsWhatAnotherProcessWrote(t *testing.T) {
	bin := anteroomBinary(t)
	d := newDesk(t)
	ctx := context.Background()
	o := &otherWrites{version: d.db.OtherWrites}
	if o.moved(ctx) {
		t.Fatal("the first look says the database moved")
	}
	meetingOn(t, d.svc, d.leader, "本窗口的会议", 9)
	d.m.reload()
	if o.moved(ctx) {
		t.Fatal("the window's own write was taken for another program's")
	}

	d.inAnotherProcess(bin, "add", "--title", "另一程序安排的会议", "--start", "2026-11-25 15:00", "--end", "2026-11-25 16:00",
		"--force", "--reason", "测试")
	if d.blockTitled("另一程序安排的会议") != nil {
		t.Fatal("the grid shows the meeting before it was told")
	}
	if !o.moved(ctx) {
		t.Fatal("another process's booking did not move the database's version")
	}
	d.m.othersChanged()
	if d.blockTitled("另一程序安排的会议") == nil || d.blockTitled("本窗口的会议") == nil {
		t.Fatalf("after another process's booking the grid shows %d blocks, not both meetings", len(d.blocks()))
	}

	d.inAnotherProcess(bin, "leader", "add", "--name", "李市长", "--zone", "Asia/Shanghai")
	if !o.moved(ctx) {
		t.Fatal("another process's new leader did not move the database's version")
	}
	d.m.othersChanged()
	if !slices.Contains(d.m.leaderSelect.Options, "李市长") || d.m.leader.Name != "张书记" {
		t.Fatalf("leader picker %v, shown %s; want 李市长 offered and 张书记 still shown", d.m.leaderSelect.Options, d.m.leader.Name)
	}
	if o.moved(ctx) {
		t.Fatal("the database moved with nobody writing")
	}

	// An open inbox of visit requests lists the one another process took.
	in := newVisitsDesk(d.m).openInbox()
	d.inAnotherProcess(bin, "visit", "add", "--org", "华东电力公司", "--person", "王伟:总经理", "--purpose", "汇报项目进展")
	if !o.moved(ctx) {
		t.Fatal("another process's visit request did not move the database's version")
	}
	d.m.othersChanged()
	if len(in.all) != 1 || in.all[0].Org != "华东电力公司" {
		t.Fatalf("the open inbox lists %+v after another process took a request", in.all)
	}
}

// The watch asks on its own, and says so only when another process wrote.
func TestWatchOtherWritesCallsWhenAnotherProcessWrote(t *testing.T) {
	bin := anteroomBinary(t)
	d := newDesk(t)
	changed := make(chan struct{}, 10)
	stop := watchOtherWrites(d.db.OtherWrites, 10*time.Millisecond, func() { changed <- struct{}{} })
	defer stop()
	select {
	case <-changed:
		t.Fatal("the watch called with nobody writing")
	case <-time.After(200 * time.Millisecond):
	}
	d.inAnotherProcess(bin, "add", "--title", "另一程序安排的会议", "--start", "2026-11-25 15:00", "--end", "2026-11-25 16:00",
		"--force", "--reason", "测试")
	select {
	case <-changed:
	case <-time.After(5 * time.Second):
		t.Fatal("the watch did not call after another process wrote")
	}
}

// TestMain removes the binary anteroomBinary built.
func TestMain(m *testing.M) {
	code := m.Run()
	if built.bin != "" {
		os.RemoveAll(filepath.Dir(built.bin))
	}
	os.Exit(code)
}
