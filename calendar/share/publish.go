package share

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/ics"
	"anteroom/calendar/share/state"
	"anteroom/dav"
)

// PublishStore is what publishing needs of storage (package data's DB
// has it).
type PublishStore interface {
	Leader(ctx context.Context, id int64) (calendar.Leader, error)
	ChangeCount(ctx context.Context) (int64, error)
	BookUIDs(ctx context.Context, leaderID int64) ([]string, error)
	ObjectRows(ctx context.Context, uid string) ([]calendar.Engagement, error)
	SyncBooks(ctx context.Context) ([]state.Book, error)

	SavePublication(ctx context.Context, p *state.Publication) error
	Publications(ctx context.Context) ([]state.Publication, error)
	PublicationDone(ctx context.Context, id, changes int64, at time.Time) error
	PublishedItems(ctx context.Context, id int64) ([]state.Published, error)
	PutPublished(ctx context.Context, p state.Published) error
	ForgetPublished(ctx context.Context, id int64, uid string) error
}

// Publisher keeps publications in step with their leaders' books: a
// one-way push of the book rendered at the publication's privacy level
// (ics.Redact: below full a confidential item shows only its time),
// object by object, with conditional writes. Objects in the calendar that
// it did not write are left alone.
type Publisher struct {
	store  PublishStore
	client *dav.Client
	now    func() time.Time
}

// NewPublisher returns a publisher over store talking through client.
func NewPublisher(store PublishStore, client *dav.Client) *Publisher {
	return &Publisher{store: store, client: client, now: time.Now}
}

// SetClock replaces the clock, for tests.
func (p *Publisher) SetClock(now func() time.Time) { p.now = now }

// PublishReport says what one publish did.
type PublishReport struct {
	Calendar string `json:"calendar"`
	Privacy  string `json:"privacy"`
	Created  int    `json:"created"`
	Updated  int    `json:"updated"`
	Deleted  int    `json:"deleted"`
}

// ErrPublishOverBook is returned for a publication asked on the calendar
// that holds a leader's book: it would overwrite the book.
var ErrPublishOverBook = errors.New("that calendar holds a leader's book; a publication needs a calendar of its own")

// PublishLinked says where a publication went.
type PublishLinked struct {
	Publication state.Publication
	Name        string
	Created     bool // made now with MKCALENDAR
}

// AddPublication publishes leader's book at privacy to a calendar of
// acct: choice is a path (starting with /) or a display name, by default
// the leader's name and the level; a name no calendar has yet is created.
func AddPublication(ctx context.Context, s PublishStore, client *dav.Client, acct state.Account, leader calendar.Leader, privacy ics.Privacy, choice string) (PublishLinked, error) {
	name := strings.TrimSpace(choice)
	if name == "" {
		name = fmt.Sprintf("%s (%s)", leader.Name, privacy)
	}
	var path, display string
	created := false
	if strings.HasPrefix(name, "/") {
		cal, err := client.Calendar(ctx, name)
		if err != nil {
			return PublishLinked{}, err
		}
		path, display = cal.Path, cal.Name
	} else {
		cals, err := client.Calendars(ctx)
		if err != nil {
			return PublishLinked{}, err
		}
		want := calendarPath(acct.Home, name)
		for _, c := range cals {
			if c.Name == name || strings.TrimSuffix(c.Path, "/") == strings.TrimSuffix(want, "/") {
				path, display = c.Path, c.Name
				break
			}
		}
		if path == "" {
			path, display, created = want, name, true
			if err := client.MakeCalendar(ctx, path, name, "VEVENT"); err != nil {
				if !errors.Is(err, dav.ErrPreconditionFailed) {
					return PublishLinked{}, err
				}
				created = false // another desk made it a moment ago
			}
		}
	}
	books, err := s.SyncBooks(ctx)
	if err != nil {
		return PublishLinked{}, err
	}
	for _, b := range books {
		if b.AccountID == acct.ID && strings.TrimSuffix(b.Calendar, "/") == strings.TrimSuffix(path, "/") {
			return PublishLinked{}, fmt.Errorf("%s: %w", path, ErrPublishOverBook)
		}
	}
	pub := state.Publication{LeaderID: leader.ID, AccountID: acct.ID, Calendar: path, Privacy: string(privacy)}
	if err := s.SavePublication(ctx, &pub); err != nil {
		return PublishLinked{}, err
	}
	return PublishLinked{Publication: pub, Name: display, Created: created}, nil
}

// Publish brings one publication in step with its leader's book. Nothing
// changed in the calendar since the last complete publish costs no
// request. A write that finds the object changed on the server (412:
// someone wrote in a calendar that is ours to fill) replaces it, with
// If-Match on what it found. An error leaves what was done recorded; the
// next sync does the rest.
func (p *Publisher) Publish(ctx context.Context, pub state.Publication) (PublishReport, error) {
	rep := PublishReport{Calendar: pub.Calendar, Privacy: pub.Privacy}
	privacy, err := ics.ParsePrivacy(pub.Privacy)
	if err != nil {
		return rep, err
	}
	changes, err := p.store.ChangeCount(ctx) // first: a write after it is seen next time
	if err != nil {
		return rep, err
	}
	if changes == pub.Changes {
		return rep, nil
	}
	leader, err := p.store.Leader(ctx, pub.LeaderID)
	if err != nil {
		return rep, err
	}
	held, err := p.store.PublishedItems(ctx, pub.ID)
	if err != nil {
		return rep, err
	}
	byUID := make(map[string]state.Published, len(held))
	for _, h := range held {
		byUID[h.UID] = h
	}
	uids, err := p.store.BookUIDs(ctx, pub.LeaderID)
	if err != nil {
		return rep, err
	}
	for _, uid := range uids {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		rows, err := p.store.ObjectRows(ctx, uid)
		if err != nil {
			return rep, err
		}
		if len(rows) == 0 {
			continue
		}
		data, err := objectAt(rows, leader, privacy, lastChange(rows))
		if err != nil {
			return rep, fmt.Errorf("write %s for %s: %w", uid, pub.Calendar, err)
		}
		sum := sha256.Sum256(data)
		digest := hex.EncodeToString(sum[:])
		h, had := byUID[uid]
		delete(byUID, uid)
		if had && h.Digest == digest {
			continue
		}
		href, condition := dav.ObjectPath(pub.Calendar, uid), dav.IfNoneMatch
		if had {
			href, condition = h.Href, h.ETag
		}
		etag, err := p.put(ctx, href, data, condition)
		if err != nil {
			return rep, err
		}
		if had {
			rep.Updated++
		} else {
			rep.Created++
		}
		if err := p.store.PutPublished(ctx, state.Published{PublicationID: pub.ID, UID: uid, Href: href, ETag: etag, Digest: digest}); err != nil {
			return rep, err
		}
	}
	for uid, h := range byUID { // gone from the book
		if err := p.remove(ctx, h); err != nil {
			return rep, err
		}
		rep.Deleted++
		if err := p.store.ForgetPublished(ctx, pub.ID, uid); err != nil {
			return rep, err
		}
	}
	return rep, p.store.PublicationDone(ctx, pub.ID, changes, p.now().UTC())
}

// put writes one object under condition; when the server's copy is not
// what was expected (412) it writes over the copy it finds.
func (p *Publisher) put(ctx context.Context, href string, data []byte, condition string) (string, error) {
	etag, err := p.client.Put(ctx, href, data, condition)
	if !errors.Is(err, dav.ErrPreconditionFailed) {
		return etag, err
	}
	current, err := p.client.Get(ctx, href)
	switch {
	case errors.Is(err, dav.ErrNotFound):
		return p.client.Put(ctx, href, data, dav.IfNoneMatch)
	case err != nil:
		return "", err
	}
	return p.client.Put(ctx, href, data, current.ETag)
}

// remove deletes one object, whatever its ETag now is; gone already is
// done.
func (p *Publisher) remove(ctx context.Context, h state.Published) error {
	err := p.client.Delete(ctx, h.Href, h.ETag)
	if errors.Is(err, dav.ErrPreconditionFailed) {
		current, gerr := p.client.Get(ctx, h.Href)
		if errors.Is(gerr, dav.ErrNotFound) {
			return nil
		}
		if gerr != nil {
			return gerr
		}
		err = p.client.Delete(ctx, h.Href, current.ETag)
	}
	if errors.Is(err, dav.ErrNotFound) {
		return nil
	}
	return err
}

// lastChange is when the object last changed: its DTSTAMP in the
// publication, so that an unchanged item renders the same bytes.
func lastChange(rows []calendar.Engagement) time.Time {
	var t time.Time
	for _, r := range rows {
		if r.Updated.After(t) {
			t = r.Updated
		}
	}
	if t.IsZero() {
		t = time.Unix(0, 0)
	}
	return t
}
