package main

import (
	"context"
	"errors"
	"fmt"

	"fyne.io/fyne/v2/lang"

	"anteroom/calendar/ics"
	"anteroom/calendar/share"
	"anteroom/calendar/share/state"
)

// publicationJSON is a publication as `account list --json` prints it.
type publicationJSON struct {
	ID       int64  `json:"id"`
	Leader   string `json:"leader"`
	Calendar string `json:"calendar"`
	Privacy  string `json:"privacy"`
	LastSync string `json:"last_sync"` // RFC 3339, "" before the first
}

// runAccountPublish handles "account publish --leader NAME --privacy
// busy|limited|full [--calendar NAME|PATH] [--account ID]".
func runAccountPublish(env *env, args []string) error {
	fs := newFlagSet(env, "account publish")
	leaderName := leaderFlag(fs)
	privacyArg := fs.String("privacy", "", lang.L("what others see: busy (the times only, for other offices), limited (titles and places, for the office) or full (everything, for the leader's own phone)"))
	calendarName := fs.String("calendar", "", lang.L("the calendar to publish to: a name, or a path starting with / (default: the leader's name and the level, created if missing)"))
	accountID := fs.Int64("account", 0, lang.L("the account to publish through (default: the one the leader's book is linked to, or the only one)"))
	asJSON := jsonFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *privacyArg == "" || fs.NArg() > 0 {
		return fmt.Errorf("%w: %s", errUsage, lang.L("give --privacy busy, limited or full"))
	}
	privacy, err := ics.ParsePrivacy(*privacyArg)
	if err != nil {
		return fmt.Errorf("%w: %s", errUsage, lang.L("give --privacy busy, limited or full"))
	}
	ctx := context.Background()
	leader, err := chooseLeader(ctx, env.svc, *leaderName)
	if err != nil {
		return err
	}
	acct, err := publishAccount(ctx, env, leader.ID, *accountID)
	if err != nil {
		return err
	}
	client, err := clientFor(ctx, env, acct.ID)
	if err != nil {
		return err
	}
	linked, err := share.AddPublication(ctx, env.db.Sync(), client, acct, leader, privacy, *calendarName)
	if errors.Is(err, share.ErrPublishOverBook) {
		return errors.New(lang.L("{{.Calendar}} holds a leader's book: publish to a calendar of its own", map[string]any{"Calendar": terminalText(*calendarName)}))
	}
	if err != nil {
		return davText(err)
	}
	pub := linked.Publication
	out := map[string]any{"id": pub.ID, "leader": leader.Name, "calendar": pub.Calendar, "privacy": pub.Privacy, "created": linked.Created}
	return emit(env, *asJSON, out, func() {
		msg := "{{.Leader}}'s book is published at {{.Privacy}} to the calendar {{.Calendar}}."
		if linked.Created {
			msg = "{{.Leader}}'s book is published at {{.Privacy}} to the calendar {{.Calendar}}, created on the server."
		}
		fmt.Fprintln(env.stdout, lang.L(msg, map[string]any{"Leader": terminalText(leader.Name), "Privacy": pub.Privacy, "Calendar": terminalText(pub.Calendar)}))
		fmt.Fprintln(env.stdout, lang.L("Each anteroom sync keeps it in step; others subscribe to it read-only."))
	})
}

// publishAccount is the account a publication goes through: the one
// given, else the one the leader's book is linked to, else the only one.
func publishAccount(ctx context.Context, env *env, leaderID, id int64) (state.Account, error) {
	if id != 0 {
		return findAccount(ctx, env, id)
	}
	books, err := env.db.Sync().SyncBooks(ctx)
	if err != nil {
		return state.Account{}, err
	}
	for _, b := range books {
		if b.LeaderID == leaderID {
			return findAccount(ctx, env, b.AccountID)
		}
	}
	accts, err := env.db.Sync().SyncAccounts(ctx)
	if err != nil {
		return state.Account{}, err
	}
	switch len(accts) {
	case 0:
		return state.Account{}, errors.New(lang.L("no accounts yet: use anteroom account add --url URL --user USER"))
	case 1:
		return accts[0], nil
	}
	return state.Account{}, fmt.Errorf("%w: %s", errUsage, lang.L("several accounts: give --account ID (see anteroom account list)"))
}

// publicationsOf lists an account's publications for account list.
func publicationsOf(ctx context.Context, env *env, pubs []state.Publication, accountID int64) []publicationJSON {
	out := []publicationJSON{}
	for _, p := range pubs {
		if p.AccountID != accountID {
			continue
		}
		pj := publicationJSON{ID: p.ID, Leader: leaderName(ctx, env.svc, p.LeaderID), Calendar: p.Calendar, Privacy: p.Privacy}
		if !p.LastSync.IsZero() {
			pj.LastSync = p.LastSync.Local().Format("2006-01-02T15:04:05Z07:00")
		}
		out = append(out, pj)
	}
	return out
}

// publishResult is one publication's part of `sync --json`.
type publishResult struct {
	Leader string `json:"leader"`
	share.PublishReport
	OK    bool   `json:"ok"`
	Error string `json:"error"`
}

// publishAll brings the publications of the leaders synced (every one
// when leaderID is 0) in step with their books.
func publishAll(ctx context.Context, env *env, leaderID int64) ([]publishResult, error) {
	pubs, err := env.db.Sync().Publications(ctx)
	if err != nil {
		return nil, err
	}
	results := []publishResult{}
	for _, p := range pubs {
		if leaderID != 0 && p.LeaderID != leaderID {
			continue
		}
		r := publishResult{Leader: leaderName(ctx, env.svc, p.LeaderID), OK: true}
		client, err := clientFor(ctx, env, p.AccountID)
		if err == nil {
			pub := share.NewPublisher(env.db.Sync(), client)
			pub.SetClock(env.svc.Now)
			r.PublishReport, err = pub.Publish(ctx, p)
		}
		if err != nil {
			r.OK, r.Error = false, lang.L("the {{.Privacy}} publication of {{.Leader}}'s book: {{.Error}}",
				map[string]any{"Privacy": p.Privacy, "Leader": r.Leader, "Error": davText(describe(err, about{})).Error()})
			r.Calendar, r.Privacy = p.Calendar, p.Privacy
		}
		results = append(results, r)
	}
	return results, nil
}

// publishesOnly reports whether sync has publications to keep though no
// book is linked: every leader's, when none is named.
func publishesOnly(ctx context.Context, env *env, leader string) bool {
	if leader != "" {
		return false
	}
	pubs, err := env.db.Sync().Publications(ctx)
	return err == nil && len(pubs) > 0
}
