package main

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/lang"

	"anteroom/calendar/share"
	"anteroom/calendar/share/state"
	"anteroom/dav"
)

// runSync handles "sync [--json] [--leader NAME]", "sync conflicts
// [--json]" and "sync resolve ID --keep local|server".
func runSync(env *env, args []string) error {
	if len(args) > 0 {
		switch args[0] {
		case "conflicts":
			return runSyncConflicts(env, args[1:])
		case "resolve":
			return runSyncResolve(env, args[1:])
		}
	}
	fs := newFlagSet(env, "sync")
	leaderArg := fs.String("leader", "", lang.L("sync only this leader's book (default: every linked book)"))
	asJSON := jsonFlag(fs)
	flagsUsage := fs.Usage
	fs.Usage = func() {
		flagsUsage()
		fmt.Fprintln(env.stderr, lang.L("anteroom sync conflicts [--json]: the changes both sides made, kept for you to settle"))
		fmt.Fprintln(env.stderr, lang.L("anteroom sync resolve ID --keep local|server: settle one, keeping this desk's version or the server's"))
	}
	if len(args) > 0 && args[0] == "help" {
		fs.Usage()
		return nil
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: %s", errUsage, lang.L("unknown command {{.Name}}", map[string]any{"Name": "sync " + terminalText(fs.Arg(0))}))
	}
	ctx := context.Background()
	books, err := linkedBooks(ctx, env, *leaderArg)
	if err != nil && !publishesOnly(ctx, env, *leaderArg) {
		return err
	}
	type result struct {
		Leader string `json:"leader"`
		share.Report
		Unreadable int             `json:"unreadable"`
		Clashes    []clashJSON     `json:"clashes"` // bookings saved offline that another desk's booking overlaps
		OK         bool            `json:"ok"`
		Error      string          `json:"error"`
		Published  []publishResult `json:"published,omitempty"`
	}
	results := []result{}
	failed, clashed := false, false
	for _, b := range books {
		r := result{Leader: leaderName(ctx, env.svc, b.LeaderID), OK: true, Clashes: []clashJSON{}}
		engine, err := engineFor(ctx, env, b)
		if err == nil {
			r.Report, err = engine.Sync(ctx, b)
		}
		if err == nil {
			r.Clashes, err = recheckOffline(ctx, env, b, r.Report)
			clashed = clashed || len(r.Clashes) > 0
		}
		r.Unreadable = len(r.Report.Unreadable)
		if err != nil {
			failed, r.OK, r.Error = true, false, lang.L("{{.Leader}}'s book: {{.Error}}", map[string]any{"Leader": r.Leader, "Error": davText(describe(err, about{})).Error()})
		}
		results = append(results, r)
	}
	var only int64
	if *leaderArg != "" && len(books) == 1 {
		only = books[0].LeaderID
	}
	published, err := publishAll(ctx, env, only)
	if err != nil {
		return err
	}
	for _, p := range published {
		i := slices.IndexFunc(results, func(r result) bool { return r.Leader == p.Leader })
		if i < 0 {
			results = append(results, result{Leader: p.Leader, OK: true})
			i = len(results) - 1
		}
		results[i].Published = append(results[i].Published, p)
		if !p.OK {
			failed = true
		}
	}
	err = emit(env, *asJSON, results, func() {
		for _, r := range results {
			for _, p := range r.Published {
				if p.OK {
					fmt.Fprintln(env.stdout, lang.L("{{.Leader}}: published at {{.Privacy}} to {{.Calendar}}: {{.Created}} created, {{.Updated}} updated, {{.Deleted}} deleted.",
						map[string]any{"Leader": terminalText(r.Leader), "Privacy": p.Privacy, "Calendar": terminalText(p.Calendar), "Created": p.Created, "Updated": p.Updated, "Deleted": p.Deleted}))
				}
			}
			if !r.OK || r.Report.LeaderID == 0 {
				continue
			}
			fmt.Fprintln(env.stdout, lang.L("{{.Leader}}: pulled {{.New}} new, {{.Updated}} updated, {{.Deleted}} deleted; pushed {{.Created}} created, {{.Changed}} updated, {{.Removed}} deleted; {{.Conflicts}} new conflicts.",
				map[string]any{"Leader": terminalText(r.Leader), "New": r.PulledNew, "Updated": r.PulledUpdated, "Deleted": r.PulledDeleted,
					"Created": r.PushedCreated, "Changed": r.PushedUpdated, "Removed": r.PushedDeleted, "Conflicts": r.Conflicts}))
			for _, u := range r.Report.Unreadable {
				why := ""
				switch {
				case u.Reason != nil:
					why = lang.X(u.Reason.Code, u.Reason.Text(), u.Reason.Args)
				case u.Err != nil:
					why = davText(u.Err).Error()
				}
				fmt.Fprintln(env.stdout, "  "+lang.L("left on the server: {{.Href}}: {{.Why}}", map[string]any{"Href": terminalText(u.Href), "Why": terminalText(why)}))
			}
			for _, c := range r.Clashes {
				fmt.Fprintln(env.stdout, "  "+lang.L("clash: “{{.Title}}” ({{.When}}), booked while the server could not be reached, {{.Finding}}; it stays unconfirmed until it is moved or cancelled",
					map[string]any{"Title": terminalText(c.Title), "When": c.When, "Finding": terminalText(c.Message)}))
			}
			if r.Conflicts > 0 {
				fmt.Fprintln(env.stdout, "  "+lang.L("See them with anteroom sync conflicts; keep one side with anteroom sync resolve ID --keep local|server."))
			}
		}
	})
	for _, r := range results {
		if !r.OK {
			fmt.Fprintln(env.stderr, terminalText(r.Error))
		}
		for _, p := range r.Published {
			if !p.OK {
				fmt.Fprintln(env.stderr, terminalText(p.Error))
			}
		}
	}
	if err == nil && failed {
		return &exitError{code: 1}
	}
	if err == nil && clashed {
		return &exitError{code: exitFindings}
	}
	return err
}

// linkedBooks are the books to sync: every linked one, or the named
// leader's.
func linkedBooks(ctx context.Context, env *env, leader string) ([]state.Book, error) {
	books, err := env.db.Sync().SyncBooks(ctx)
	if err != nil {
		return nil, err
	}
	if leader != "" {
		l, err := chooseLeader(ctx, env.svc, leader)
		if err != nil {
			return nil, err
		}
		for _, b := range books {
			if b.LeaderID == l.ID {
				return []state.Book{b}, nil
			}
		}
		return nil, errors.New(lang.L("{{.Leader}}'s book is not linked to a server: use anteroom account add --leader NAME", map[string]any{"Leader": l.Name}))
	}
	if len(books) == 0 {
		return nil, errors.New(lang.L("no book is linked to a server yet: use anteroom account add --url URL --user USER"))
	}
	return books, nil
}

// engineFor is a sync engine for the account of book, with its password
// from the secret store.
func engineFor(ctx context.Context, env *env, b state.Book) (*share.Engine, error) {
	if _, err := findAccount(ctx, env, b.AccountID); err != nil {
		return nil, err
	}
	e, err := office(env).Engine(ctx, b)
	if err != nil {
		return nil, describe(err, about{})
	}
	return e, nil
}

// clientFor is a client for an account, with its password from the
// secret store.
func clientFor(ctx context.Context, env *env, accountID int64) (*dav.Client, error) {
	if _, err := findAccount(ctx, env, accountID); err != nil {
		return nil, err
	}
	c, err := office(env).Client(ctx, accountID)
	if err != nil {
		return nil, describe(err, about{})
	}
	return c, nil
}

// conflictJSON is a conflict as `sync conflicts --json` prints it.
type conflictJSON struct {
	ID     int64  `json:"id"`
	Leader string `json:"leader"`
	UID    string `json:"uid"`
	Href   string `json:"href"`
	Found  string `json:"found"`
	Local  string `json:"local"`  // iCalendar text; "" when deleted here
	Server string `json:"server"` // iCalendar text; "" when deleted on the server
}

func runSyncConflicts(env *env, args []string) error {
	fs := newFlagSet(env, "sync conflicts")
	asJSON := jsonFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	ctx := context.Background()
	cs, err := env.db.Sync().OpenSyncConflicts(ctx)
	if err != nil {
		return err
	}
	out := jsonList(cs, func(c state.Conflict) conflictJSON {
		return conflictJSON{ID: c.ID, Leader: leaderName(ctx, env.svc, c.LeaderID), UID: c.UID, Href: c.Href,
			Found: c.Found.Local().Format("2006-01-02 15:04"), Local: c.Local, Server: c.Server}
	})
	return emit(env, *asJSON, out, func() {
		if len(out) == 0 {
			fmt.Fprintln(env.stdout, lang.L("No sync conflicts."))
		}
		for _, c := range out {
			fmt.Fprintf(env.stdout, "%d  %s  %s  %s\n", c.ID, terminalText(c.Leader), c.Found, terminalText(c.UID))
			fmt.Fprintln(env.stdout, "  "+lang.L("here: {{.Summary}}", map[string]any{"Summary": terminalText(summaryOf(c.Local))}))
			fmt.Fprintln(env.stdout, "  "+lang.L("on the server: {{.Summary}}", map[string]any{"Summary": terminalText(summaryOf(c.Server))}))
		}
	})
}

// summaryOf is the first SUMMARY of an object's text, "(deleted)" for none.
func summaryOf(ics string) string {
	if ics == "" {
		return lang.L("(deleted)")
	}
	for _, line := range strings.Split(strings.ReplaceAll(ics, "\r\n", "\n"), "\n") {
		if name, value, ok := strings.Cut(line, ":"); ok && (name == "SUMMARY" || strings.HasPrefix(name, "SUMMARY;")) {
			return value
		}
	}
	return ""
}

func runSyncResolve(env *env, args []string) error {
	fs := newFlagSet(env, "sync resolve")
	keep := fs.String("keep", "", lang.L("which version to keep: local or server"))
	id, err := parseWithID(fs, args)
	if err != nil {
		return err
	}
	if *keep != share.KeepLocal && *keep != share.KeepServer {
		return fmt.Errorf("%w: %s", errUsage, lang.L("give --keep local or --keep server"))
	}
	ctx := context.Background()
	c, err := env.db.Sync().SyncConflict(ctx, id)
	if err != nil {
		return errors.New(lang.L("there is no sync conflict {{.ID}}: see anteroom sync conflicts", map[string]any{"ID": strconv.FormatInt(id, 10)}))
	}
	books, err := env.db.Sync().SyncBooks(ctx)
	if err != nil {
		return err
	}
	for _, b := range books {
		if b.LeaderID != c.LeaderID {
			continue
		}
		engine, err := engineFor(ctx, env, b)
		if err != nil {
			return err
		}
		if err := engine.Resolve(ctx, b, id, *keep); err != nil {
			if errors.Is(err, share.ErrResolved) {
				return errors.New(lang.L("sync conflict {{.ID}} is already resolved", map[string]any{"ID": id}))
			}
			return davText(err)
		}
		msg := "Kept this desk's version of {{.UID}}; the server has it now."
		if *keep == share.KeepServer {
			msg = "Kept the server's version of {{.UID}}; this desk has it now."
		}
		fmt.Fprintln(env.stdout, lang.L(msg, map[string]any{"UID": terminalText(c.UID)}))
		return nil
	}
	return errors.New(lang.L("{{.Leader}}'s book is not linked to a server: use anteroom account add --leader NAME", map[string]any{"Leader": leaderName(ctx, env.svc, c.LeaderID)}))
}
