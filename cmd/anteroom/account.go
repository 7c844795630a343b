package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"

	"fyne.io/fyne/v2/lang"

	"anteroom/calendar"
	"anteroom/calendar/share"
	"anteroom/calendar/share/state"
	"anteroom/dav"
)

// accountCommands are the verbs of `anteroom account`.
var accountCommands = []subcommand{
	{"add", "Add a CalDAV account and link a leader's book to one of its calendars", runAccountAdd},
	{"list", "List the accounts and the books linked to them", runAccountList},
	{"publish", "Publish a leader's book read-only at a privacy level to a calendar of its own, kept in step by each sync", runAccountPublish},
	{"remove", "Forget an account, its password and its books' links (the engagements stay)", runAccountRemove},
}

func runAccount(env *env, args []string) error {
	return dispatch(env, "account", accountCommands, args)
}

// office is the sharing of env's database: accounts, passwords, engines.
func office(env *env) *share.Office {
	return &share.Office{Store: env.db.Sync(), Secrets: share.SecretsFor(env.db.Path()), Now: env.svc.Now}
}

// davText is an error in the user's language: the CalDAV client's errors
// carry a message code.
func davText(err error) error {
	var de *dav.Error
	if errors.As(err, &de) && de.Code() != "" {
		return errors.New(lang.X(de.Code(), de.Error(), de.Args()))
	}
	return err
}

// readPassword takes the password from $ANTEROOM_PASSWORD, else asks on
// the terminal without echo (or reads a line from a pipe).
func readPassword(env *env, user string) (string, error) {
	if p := os.Getenv("ANTEROOM_PASSWORD"); p != "" {
		return p, nil
	}
	fmt.Fprint(env.stderr, lang.L("Password for {{.User}}: ", map[string]any{"User": terminalText(user)}))
	if f, ok := env.stderr.(interface{ flush() }); ok {
		f.flush()
	}
	if st, err := os.Stdin.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
		if off := exec.Command("stty", "-echo"); true {
			off.Stdin = os.Stdin
			if off.Run() == nil {
				defer func() {
					on := exec.Command("stty", "echo")
					on.Stdin = os.Stdin
					_ = on.Run()
					fmt.Fprintln(env.stderr)
				}()
			}
		}
	}
	line, err := bufio.NewReader(os.Stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", err
	}
	p := strings.TrimRight(line, "\r\n")
	if p == "" {
		return "", fmt.Errorf("%w: %s", errUsage, lang.L("no password given: set ANTEROOM_PASSWORD or type it when asked"))
	}
	return p, nil
}

// accountJSON is an account as `account list --json` prints it.
type accountJSON struct {
	ID    int64      `json:"id"`
	URL   string     `json:"url"`
	User  string     `json:"user"`
	Home  string     `json:"home"`
	Books []bookJSON `json:"books"`

	Publications []publicationJSON `json:"publications"`
}

type bookJSON struct {
	Leader   string `json:"leader"`
	Calendar string `json:"calendar"`
	LastSync string `json:"last_sync"` // RFC 3339, "" before the first
}

// runAccountAdd handles "account add --url URL --user U [--leader NAME]
// [--calendar NAME|PATH]".
func runAccountAdd(env *env, args []string) error {
	fs := newFlagSet(env, "account add")
	url := fs.String("url", "", lang.L("the CalDAV server's address, e.g. https://dav.example.org/"))
	user := fs.String("user", "", lang.L("the user name on the server"))
	leaderName := leaderFlag(fs)
	calendarName := fs.String("calendar", "", lang.L("the calendar for the leader's book: a name, or a path starting with / (default: a calendar named after the leader, created if missing)"))
	asJSON := jsonFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *url == "" || *user == "" || fs.NArg() > 0 {
		return fmt.Errorf("%w: %s", errUsage, lang.L("give --url and --user"))
	}
	ctx := context.Background()
	leader, err := chooseLeader(ctx, env.svc, *leaderName)
	if err != nil {
		return err
	}
	if err := dav.CheckAddress(*url); err != nil {
		return fmt.Errorf("%w: --url: %w", errUsage, davText(err))
	}
	password, err := readPassword(env, *user)
	if err != nil {
		return err
	}
	added, err := office(env).AddAccount(ctx, *url, *user, password, leader, *calendarName)
	if err != nil {
		return davText(err)
	}
	acct, linked, where := added.Account, added.Linked, added.KeptIn
	kept := lang.L("the desktop's secret store")
	if where == share.InFile {
		kept = share.SecretsFor(env.db.Path()).File
	}
	out := map[string]any{"id": acct.ID, "url": acct.URL, "user": acct.User, "leader": leader.Name,
		"calendar": linked.Calendar, "created": linked.Created, "password_kept_in": kept}
	return emit(env, *asJSON, out, func() {
		fmt.Fprintln(env.stdout, lang.L("Account {{.ID}}: {{.User}} at {{.URL}}.", map[string]any{"ID": acct.ID, "User": terminalText(acct.User), "URL": terminalText(acct.URL)}))
		msg := "{{.Leader}}'s book is linked to the calendar {{.Calendar}}."
		if linked.Created {
			msg = "{{.Leader}}'s book is linked to the calendar {{.Calendar}}, created on the server."
		}
		fmt.Fprintln(env.stdout, lang.L(msg, map[string]any{"Leader": terminalText(leader.Name), "Calendar": terminalText(linked.Calendar)}))
		fmt.Fprintln(env.stdout, lang.L("The password is kept in {{.Where}}, not in the database.", map[string]any{"Where": terminalText(kept)}))
		fmt.Fprintln(env.stdout, lang.L("Run anteroom sync to share the book."))
	})
}

func runAccountList(env *env, args []string) error {
	fs := newFlagSet(env, "account list")
	asJSON := jsonFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	ctx := context.Background()
	accts, err := env.db.Sync().SyncAccounts(ctx)
	if err != nil {
		return err
	}
	books, err := env.db.Sync().SyncBooks(ctx)
	if err != nil {
		return err
	}
	pubs, err := env.db.Sync().Publications(ctx)
	if err != nil {
		return err
	}
	var out []accountJSON
	for _, a := range accts {
		aj := accountJSON{ID: a.ID, URL: a.URL, User: a.User, Home: a.Home, Books: []bookJSON{}, Publications: publicationsOf(ctx, env, pubs, a.ID)}
		for _, b := range books {
			if b.AccountID != a.ID {
				continue
			}
			bj := bookJSON{Leader: leaderName(ctx, env.svc, b.LeaderID), Calendar: b.Calendar}
			if !b.LastSync.IsZero() {
				bj.LastSync = b.LastSync.Local().Format("2006-01-02T15:04:05Z07:00")
			}
			aj.Books = append(aj.Books, bj)
		}
		out = append(out, aj)
	}
	if out == nil {
		out = []accountJSON{}
	}
	return emit(env, *asJSON, out, func() {
		if len(out) == 0 {
			fmt.Fprintln(env.stdout, lang.L("No accounts. Add one with anteroom account add --url URL --user USER."))
		}
		for _, a := range out {
			fmt.Fprintf(env.stdout, "%d  %s  %s\n", a.ID, terminalText(a.User), terminalText(a.URL))
			for _, b := range a.Books {
				last := b.LastSync
				if last == "" {
					last = lang.L("never synced")
				}
				fmt.Fprintf(env.stdout, "    %s → %s  (%s)\n", terminalText(b.Leader), terminalText(b.Calendar), last)
			}
			for _, p := range a.Publications {
				last := p.LastSync
				if last == "" {
					last = lang.L("never synced")
				}
				fmt.Fprintln(env.stdout, "    "+lang.L("{{.Leader}} published at {{.Privacy}} → {{.Calendar}}  ({{.Last}})",
					map[string]any{"Leader": terminalText(p.Leader), "Privacy": p.Privacy, "Calendar": terminalText(p.Calendar), "Last": last}))
			}
		}
	})
}

func runAccountRemove(env *env, args []string) error {
	fs := newFlagSet(env, "account remove")
	id, err := parseWithID(fs, args)
	if err != nil {
		return err
	}
	ctx := context.Background()
	acct, err := findAccount(ctx, env, id)
	if err != nil {
		return err
	}
	if err := env.db.Sync().RemoveSyncAccount(ctx, id); err != nil {
		return err
	}
	if err := share.SecretsFor(env.db.Path()).Delete(acct.URL, acct.User); err != nil {
		return err
	}
	fmt.Fprintln(env.stdout, lang.L("Removed account {{.ID}} ({{.User}} at {{.URL}}) and its password; the engagements stay.",
		map[string]any{"ID": id, "User": terminalText(acct.User), "URL": terminalText(acct.URL)}))
	return nil
}

func findAccount(ctx context.Context, env *env, id int64) (state.Account, error) {
	accts, err := env.db.Sync().SyncAccounts(ctx)
	if err != nil {
		return state.Account{}, err
	}
	for _, a := range accts {
		if a.ID == id {
			return a, nil
		}
	}
	return state.Account{}, errors.New(lang.L("there is no account {{.ID}}: see anteroom account list", map[string]any{"ID": id}))
}

// leaderName names a leader, or gives the ID when it cannot be read.
func leaderName(ctx context.Context, svc *calendar.Service, id int64) string {
	l, err := svc.Leader(ctx, id)
	if err != nil {
		return fmt.Sprint(id)
	}
	return l.Name
}
