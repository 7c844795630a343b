package dav_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/emersion/go-ical"

	"anteroom/dav"
	"anteroom/dav/davtest"
)

// A ledger for the tests: one VJOURNAL whose X-ENTRY lines are the entries.
const entryProp = "X-ANTEROOM-ENTRY"

func entries(o *dav.Object) []string {
	if o == nil {
		return nil
	}
	var out []string
	for _, child := range o.Calendar.Children {
		for _, p := range child.Props.Values(entryProp) {
			out = append(out, p.Value)
		}
	}
	return out
}

func ledger(list []string) *ical.Calendar {
	cal := ical.NewCalendar()
	cal.Props.SetText(ical.PropVersion, "2.0")
	cal.Props.SetText(ical.PropProductID, "-//Anteroom//ledger test//EN")
	j := ical.NewComponent(ical.CompJournal)
	j.Props.SetText(ical.PropUID, "anteroom-ledger")
	j.Props.SetDateTime(ical.PropDateTimeStamp, time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC))
	for _, e := range list {
		j.Props.Add(&ical.Prop{Name: entryProp, Params: ical.Params{}, Value: e})
	}
	cal.Children = append(cal.Children, j)
	return cal
}

// conflicts counts the 412 answers a client gets.
type conflicts struct {
	n    atomic.Int64
	next http.RoundTripper
}

func (c *conflicts) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := c.next.RoundTrip(r)
	if err == nil && resp.StatusCode == http.StatusPreconditionFailed {
		c.n.Add(1)
	}
	return resp, err
}

func deskClient(t testing.TB, url string, seen *conflicts) *dav.Client {
	c, err := dav.New(url, davtest.User, davtest.Password, dav.WithHTTPClient(&http.Client{Transport: seen, Timeout: 30 * time.Second}))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func ledgerPath(f *fixture, t testing.TB) string {
	cal := davtest.CalendarPath(davtest.User, "ledger")
	if err := f.c.MakeCalendar(f.ctx, cal, "Anteroom ledger", "VJOURNAL"); err != nil {
		t.Fatal(err)
	}
	return cal + "ledger.ics"
}

// Several goroutines, each its own desk, append to one ledger; all read it
// before any writes in the first round, so most first writes lose.
func TestSwapFromManyGoroutinesLosesNothing(t *testing.T) {
	f := setUp(t)
	path := ledgerPath(f, t)
	const desks, rounds = 6, 8
	seen := &conflicts{next: http.DefaultTransport}
	var allRead sync.WaitGroup
	allRead.Add(desks)
	var wg sync.WaitGroup
	errs := make(chan error, desks)
	for d := range desks {
		wg.Go(func() {
			c := deskClient(t, f.srv.URL, seen)
			for r := range rounds {
				first := r == 0
				_, err := c.Swap(f.ctx, path, func(cur *dav.Object) (*ical.Calendar, error) {
					if first {
						first = false
						allRead.Done()
						allRead.Wait()
					}
					return ledger(append(entries(cur), fmt.Sprintf("desk%d:%d", d, r))), nil
				})
				if err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	final, err := f.c.Get(f.ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	got := entries(final)
	if len(got) != desks*rounds {
		t.Errorf("ledger has %d entries, want %d: %v", len(got), desks*rounds, got)
	}
	for d := range desks {
		for r := range rounds {
			if n := countOf(got, fmt.Sprintf("desk%d:%d", d, r)); n != 1 {
				t.Errorf("desk%d:%d appears %d times", d, r, n)
			}
		}
	}
	if seen.n.Load() < desks-1 {
		t.Errorf("only %d lost races; the test did not make the desks collide", seen.n.Load())
	}
	t.Logf("%d desks × %d rounds: %d writes lost a race and were retried", desks, rounds, seen.n.Load())
}

func countOf(list []string, s string) int {
	n := 0
	for _, x := range list {
		if x == s {
			n++
		}
	}
	return n
}

var errSlotTaken = errors.New("slot taken")

func TestSwapGivesUpWhenChangeRefuses(t *testing.T) {
	f := setUp(t)
	path := ledgerPath(f, t)
	c := f.c
	if _, err := c.Swap(f.ctx, path, func(*dav.Object) (*ical.Calendar, error) { return ledger([]string{"a"}), nil }); err != nil {
		t.Fatal(err)
	}
	before, _ := c.Get(f.ctx, path)
	_, err := c.Swap(f.ctx, path, func(*dav.Object) (*ical.Calendar, error) { return nil, errSlotTaken })
	if !errors.Is(err, errSlotTaken) {
		t.Fatalf("got %v, want the change's own error", err)
	}
	kept, err := c.Swap(f.ctx, path, func(*dav.Object) (*ical.Calendar, error) { return nil, nil })
	if err != nil || kept.ETag != before.ETag {
		t.Fatalf("a nil change wrote: %v %v", kept, err)
	}
	after, _ := c.Get(f.ctx, path)
	if after.ETag != before.ETag {
		t.Errorf("the ledger changed: %s → %s", before.ETag, after.ETag)
	}
}

// Two processes (the test binary run twice, as two desks) each try to book
// the same 40 slots, one per round, through Swap on one ledger: every slot
// goes to exactly one desk, and each desk's own count agrees with the ledger.
func TestSwapFromTwoProcessesBooksEachSlotOnce(t *testing.T) {
	f := setUp(t)
	path := ledgerPath(f, t)
	const rounds = 40
	start := time.Now().Add(1500 * time.Millisecond) // both begin together
	var cmds []*exec.Cmd
	var outs []*strings.Builder
	for _, desk := range []string{"A", "B"} {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "DAV_SWAP_DESK="+desk, "DAV_SWAP_URL="+f.srv.URL, "DAV_SWAP_PATH="+path,
			"DAV_SWAP_ROUNDS="+strconv.Itoa(rounds), "DAV_SWAP_START="+strconv.FormatInt(start.UnixNano(), 10))
		out := &strings.Builder{}
		cmd.Stdout, cmd.Stderr = out, out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds, outs = append(cmds, cmd), append(outs, out)
	}
	won := map[string][]string{}
	var lost int64
	for i, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("desk process %d: %v\n%s", i, err, outs[i])
		}
		var desk, slots string
		var n int64
		for _, line := range strings.Split(outs[i].String(), "\n") {
			if strings.HasPrefix(line, "desk ") {
				fmt.Sscanf(line, "desk %s lost-races %d won %s", &desk, &n, &slots)
			}
		}
		if desk == "" {
			t.Fatalf("desk process %d said nothing useful:\n%s", i, outs[i])
		}
		if slots != "-" {
			won[desk] = strings.Split(slots, ",")
		}
		lost += n
	}
	final, err := f.c.Get(f.ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	got := entries(final)
	owner := map[string]string{}
	for _, e := range got {
		slot, desk, _ := strings.Cut(e, "=")
		if prev, dup := owner[slot]; dup {
			t.Errorf("slot %s booked twice: by %s and %s", slot, prev, desk)
		}
		owner[slot] = desk
	}
	if len(owner) != rounds {
		t.Errorf("%d slots booked, want %d", len(owner), rounds)
	}
	for desk, slots := range won {
		for _, s := range slots {
			if owner[s] != desk {
				t.Errorf("desk %s was told it booked slot %s, the ledger says %q", desk, s, owner[s])
			}
		}
	}
	if len(won["A"])+len(won["B"]) != rounds {
		t.Errorf("desks report %d+%d bookings, want %d in all", len(won["A"]), len(won["B"]), rounds)
	}
	if lost == 0 {
		t.Errorf("no write lost a race: the two processes never collided, the test proved nothing")
	}
	t.Logf("2 processes × %d rounds: A booked %d, B booked %d, %d writes lost a race and were retried, 0 double bookings",
		rounds, len(won["A"]), len(won["B"]), lost)
}

// swapDesk is the second process of TestSwapFromTwoProcessesBooksEachSlotOnce.
func swapDesk() {
	desk, url, path := os.Getenv("DAV_SWAP_DESK"), os.Getenv("DAV_SWAP_URL"), os.Getenv("DAV_SWAP_PATH")
	rounds, _ := strconv.Atoi(os.Getenv("DAV_SWAP_ROUNDS"))
	startNS, _ := strconv.ParseInt(os.Getenv("DAV_SWAP_START"), 10, 64)
	time.Sleep(time.Until(time.Unix(0, startNS)))
	seen := &conflicts{next: http.DefaultTransport}
	c, err := dav.New(url, davtest.User, davtest.Password, dav.WithHTTPClient(&http.Client{Transport: seen, Timeout: 30 * time.Second}))
	if err != nil {
		fmt.Println(err)
		os.Exit(2)
	}
	var won []string
	for r := range rounds {
		slot := strconv.Itoa(r)
		_, err := c.Swap(context.Background(), path, func(cur *dav.Object) (*ical.Calendar, error) {
			list := entries(cur)
			for _, e := range list {
				if strings.HasPrefix(e, slot+"=") {
					return nil, errSlotTaken
				}
			}
			return ledger(append(list, slot+"="+desk)), nil
		})
		switch {
		case err == nil:
			won = append(won, slot)
		case errors.Is(err, errSlotTaken):
		default:
			fmt.Println(err)
			os.Exit(2)
		}
	}
	slots := strings.Join(won, ",")
	if slots == "" {
		slots = "-"
	}
	fmt.Printf("desk %s lost-races %d won %s\n", desk, seen.n.Load(), slots)
}

func TestMain(m *testing.M) {
	if os.Getenv("DAV_SWAP_DESK") != "" {
		swapDesk()
		os.Exit(0)
	}
	os.Exit(m.Run())
}
