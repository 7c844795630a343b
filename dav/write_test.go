package dav_test

import (
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"testing"
	"time"

	"anteroom/dav"
	"anteroom/dav/davtest"
)

func TestCreateReturnsTheStoredETag(t *testing.T) {
	f := setUp(t)
	path, etag := f.create(t, "create-1", "Weekly meeting")
	got, err := f.c.Get(f.ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if etag == "" || got.ETag != etag {
		t.Errorf("Create gave ETag %q, GET says %q", etag, got.ETag)
	}
	if s := summaryOf(t, got); s != "Weekly meeting" {
		t.Errorf("summary %q", s)
	}
}

func TestCreateOverAnExistingObjectIsPreconditionFailed(t *testing.T) {
	f := setUp(t)
	path, etag := f.create(t, "dup-1", "first")
	_, err := f.c.Create(f.ctx, path, event("dup-1", "second", time.Now()))
	e := wantKind(t, err, dav.ErrPreconditionFailed, "sync.precondition_failed")
	if e.Status != http.StatusPreconditionFailed || e.Method != "PUT" {
		t.Errorf("error %+v", e)
	}
	got, err := f.c.Get(f.ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if summaryOf(t, got) != "first" || got.ETag != etag {
		t.Errorf("the losing create changed the object: %q %q", summaryOf(t, got), got.ETag)
	}
}

func TestUpdateWithAStaleETagIsPreconditionFailed(t *testing.T) {
	f := setUp(t)
	path, first := f.create(t, "upd-1", "v1")
	second, err := f.c.Update(f.ctx, path, first, event("upd-1", "v2", time.Now()))
	if err != nil {
		t.Fatalf("update with the current ETag: %v", err)
	}
	if second == first || second == "" {
		t.Errorf("ETag after update %q, before %q", second, first)
	}
	// Another desk still holding the first ETag loses, and changes nothing.
	_, err = f.c.Update(f.ctx, path, first, event("upd-1", "v3 from a stale desk", time.Now()))
	wantKind(t, err, dav.ErrPreconditionFailed, "sync.precondition_failed")
	got, err := f.c.Get(f.ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if summaryOf(t, got) != "v2" || got.ETag != second {
		t.Errorf("after the stale update: %q %q, want v2 %q", summaryOf(t, got), got.ETag, second)
	}
	// An update of an object someone deleted is a lost race too.
	if err := f.c.Delete(f.ctx, path, second); err != nil {
		t.Fatal(err)
	}
	_, err = f.c.Update(f.ctx, path, second, event("upd-1", "v4", time.Now()))
	wantKind(t, err, dav.ErrPreconditionFailed, "sync.precondition_failed")
}

func TestDeleteWithAStaleETagIsPreconditionFailed(t *testing.T) {
	f := setUp(t)
	path, first := f.create(t, "del-1", "v1")
	second, err := f.c.Update(f.ctx, path, first, event("del-1", "v2", time.Now()))
	if err != nil {
		t.Fatal(err)
	}
	wantKind(t, f.c.Delete(f.ctx, path, first), dav.ErrPreconditionFailed, "sync.precondition_failed")
	if _, err := f.c.Get(f.ctx, path); err != nil {
		t.Fatalf("the stale delete removed the object: %v", err)
	}
	if err := f.c.Delete(f.ctx, path, second); err != nil {
		t.Fatal(err)
	}
	_, err = f.c.Get(f.ctx, path)
	wantKind(t, err, dav.ErrNotFound, "sync.not_found")
	wantKind(t, f.c.Delete(f.ctx, path, ""), dav.ErrNotFound, "sync.not_found")
}

// Servers that rewrite an object leave the ETag out of the PUT's answer (or
// make it weak); the client then reads it, so If-Match keeps working.
func TestPutWithoutETagInTheAnswerReadsIt(t *testing.T) {
	srv := davtest.Start(t)
	target, _ := url.Parse(srv.URL)
	proxy := httputil.NewSingleHostReverseProxy(target)
	proxy.ModifyResponse = func(r *http.Response) error {
		if r.Request.Method == http.MethodPut {
			r.Header.Del("ETag")
		}
		return nil
	}
	front := httptest.NewServer(proxy)
	t.Cleanup(front.Close)
	f := &fixture{srv: srv, ctx: t.Context()}
	var err error
	if f.c, err = dav.New(front.URL, davtest.User, davtest.Password); err != nil {
		t.Fatal(err)
	}
	f.cal = davtest.CalendarPath(davtest.User, "book")
	if err := f.c.MakeCalendar(f.ctx, f.cal, "Book"); err != nil {
		t.Fatal(err)
	}
	path, etag := f.create(t, "noetag-1", "v1")
	got, err := f.c.Get(f.ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if etag == "" || etag != got.ETag {
		t.Fatalf("Create without an ETag header gave %q, GET says %q", etag, got.ETag)
	}
	if _, err := f.c.Update(f.ctx, path, etag, event("noetag-1", "v2", time.Now())); err != nil {
		t.Errorf("update with the read ETag: %v", err)
	}
}
