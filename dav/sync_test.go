package dav_test

import (
	"slices"
	"sort"
	"testing"
	"time"

	"anteroom/dav"
)

func paths(items []dav.Item) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Path)
	}
	sort.Strings(out)
	return out
}

func TestSyncCollectionReportsChangesDeletionsAndANewToken(t *testing.T) {
	f := setUp(t)
	a, aTag := f.create(t, "sync-a", "a")
	b, bTag := f.create(t, "sync-b", "b")
	c, _ := f.create(t, "sync-c", "c")

	first, err := f.c.SyncCollection(f.ctx, f.cal, "")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := paths(first.Changed), []string{a, b, c}; !slices.Equal(got, want) {
		t.Fatalf("initial sync %v, want %v", got, want)
	}
	if first.Token == "" || len(first.Deleted) != 0 || first.More {
		t.Fatalf("initial sync %+v", first)
	}
	for _, it := range first.Changed {
		if it.ETag == "" {
			t.Errorf("%s without ETag", it.Path)
		}
	}

	// Another desk edits a, deletes b and adds d.
	aTag2, err := f.c.Update(f.ctx, a, aTag, event("sync-a", "a2", time.Now()))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.c.Delete(f.ctx, b, bTag); err != nil {
		t.Fatal(err)
	}
	d, dTag := f.create(t, "sync-d", "d")

	next, err := f.c.SyncCollection(f.ctx, f.cal, first.Token)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := next.Changed, []dav.Item{{Path: a, ETag: aTag2}, {Path: d, ETag: dTag}}; !slices.Equal(sortItems(got), want) {
		t.Errorf("changed %v, want %v", got, want)
	}
	if !slices.Equal(next.Deleted, []string{b}) {
		t.Errorf("deleted %v, want [%s]", next.Deleted, b)
	}
	if next.Token == first.Token {
		t.Errorf("token unchanged after changes: %s", next.Token)
	}
}

func sortItems(items []dav.Item) []dav.Item {
	out := slices.Clone(items)
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

func TestSyncWithNoChangeCostsOneRequestAndKeepsTheToken(t *testing.T) {
	f := setUp(t)
	f.create(t, "quiet-1", "x")
	first, err := f.c.SyncCollection(f.ctx, f.cal, "")
	if err != nil {
		t.Fatal(err)
	}
	before := f.requests.n.Load()
	again, err := f.c.SyncCollection(f.ctx, f.cal, first.Token)
	if err != nil {
		t.Fatal(err)
	}
	if n := f.requests.n.Load() - before; n != 1 {
		t.Errorf("a sync with no change sent %d requests, want 1", n)
	}
	if again.Token != first.Token || len(again.Changed) != 0 || len(again.Deleted) != 0 {
		t.Errorf("no-change sync gave %+v, want nothing and token %s", again, first.Token)
	}
}

func TestInvalidSyncTokenIsTyped(t *testing.T) {
	f := setUp(t)
	for _, token := range []string{"http://radicale.org/ns/sync/0000", "not a token"} {
		_, err := f.c.SyncCollection(f.ctx, f.cal, token)
		e := wantKind(t, err, dav.ErrInvalidSyncToken, "sync.token_invalid")
		if e.Condition != "valid-sync-token" {
			t.Errorf("condition %q", e.Condition)
		}
	}
}

// The fallback for servers without sync-collection lists the same objects
// and ETags a full sync does.
func TestListETagsAgreesWithAFullSync(t *testing.T) {
	f := setUp(t)
	for _, uid := range []string{"l-1", "l-2", "l 3/with slash"} {
		f.create(t, uid, uid)
	}
	listed, err := f.c.ListETags(f.ctx, f.cal)
	if err != nil {
		t.Fatal(err)
	}
	synced, err := f.c.SyncCollection(f.ctx, f.cal, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(listed) != 3 || !slices.Equal(sortItems(listed), sortItems(synced.Changed)) {
		t.Errorf("ListETags %v, sync %v", listed, synced.Changed)
	}
}
