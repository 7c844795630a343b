package main

import (
	"context"
	"strings"
	"testing"

	"anteroom/dav"
	"anteroom/dav/davtest"
)

type publishedJSON struct {
	Calendar string `json:"calendar"`
	Privacy  string `json:"privacy"`
	Created  int    `json:"created"`
	Updated  int    `json:"updated"`
	Deleted  int    `json:"deleted"`
	OK       bool   `json:"ok"`
}

// account publish makes a busy calendar for other offices; sync fills it
// with the book's times and nothing of the confidential item's words,
// and account list shows it.
func TestPublishBusyCalendarThroughTheCommandLine(t *testing.T) {
	srv := davtest.Start(t)
	t.Setenv("ANTEROOM_PASSWORD", davtest.Password)
	t.Setenv("ANTEROOM_SECRETS", "file")
	db := t.TempDir() + "/anteroom.db"
	mustRun(t, "--db", db, "leader", "add", "--name", "张书记", "--zone", "Asia/Shanghai")
	mustRun(t, "--db", db, "add", "--title", "绝密会谈", "--location", "秘密地点甲", "--organiser", "保密办", "--class", "confidential",
		"--start", "2031-05-06 09:00", "--end", "2031-05-06 10:00")
	mustRun(t, "--db", db, "add", "--title", "公开会议", "--location", "大礼堂", "--class", "public",
		"--start", "2031-05-06 14:00", "--end", "2031-05-06 15:00")
	mustRun(t, "--db", db, "account", "add", "--url", srv.URL, "--user", davtest.User, "--leader", "张书记")
	out := mustRun(t, "--db", db, "account", "publish", "--leader", "张书记", "--privacy", "busy")
	if !strings.Contains(out, "created on the server") {
		t.Errorf("account publish says:\n%s", out)
	}
	if code, _, errOut := anteroom(t, "--db", db, "account", "publish", "--leader", "张书记", "--privacy", "secret"); code == 0 || !strings.Contains(errOut, "--privacy") {
		t.Errorf("an unknown level: exit %d: %s", code, errOut)
	}
	type syncPub struct {
		Leader        string          `json:"leader"`
		PushedCreated int             `json:"pushed_created"`
		OK            bool            `json:"ok"`
		Published     []publishedJSON `json:"published"`
	}
	rs := decode[[]syncPub](t, mustRun(t, "--db", db, "sync", "--json"))
	if len(rs) != 1 || !rs[0].OK || rs[0].PushedCreated != 2 || len(rs[0].Published) != 1 || rs[0].Published[0].Created != 2 || !rs[0].Published[0].OK {
		t.Fatalf("sync: %+v", rs)
	}
	cal := rs[0].Published[0].Calendar
	client, err := dav.New(srv.URL, davtest.User, davtest.Password)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	items, err := client.ListETags(ctx, cal)
	if err != nil || len(items) != 2 {
		t.Fatalf("the busy calendar %s: %d objects, %v", cal, len(items), err)
	}
	for _, it := range items {
		o, err := client.Get(ctx, it.Path)
		if err != nil {
			t.Fatal(err)
		}
		raw := strings.NewReplacer("\r\n ", "").Replace(string(o.Data))
		for _, s := range []string{"绝密会谈", "秘密地点", "保密办", "公开会议", "大礼堂"} {
			if strings.Contains(raw, s) {
				t.Errorf("the busy calendar's %s shows %q", it.Path, s)
			}
		}
	}
	list := decode[[]accountJSON](t, mustRun(t, "--db", db, "account", "list", "--json"))
	if len(list) != 1 || len(list[0].Publications) != 1 || list[0].Publications[0].Privacy != "busy" || list[0].Publications[0].LastSync == "" {
		t.Fatalf("account list: %+v", list)
	}
	if out := mustRun(t, "--db", db, "account", "list"); !strings.Contains(out, "published at busy") {
		t.Errorf("account list:\n%s", out)
	}
	rs = decode[[]syncPub](t, mustRun(t, "--db", db, "sync", "--json"))
	if p := rs[0].Published[0]; p.Created+p.Updated+p.Deleted != 0 {
		t.Errorf("a quiet sync published %+v", p)
	}
}
