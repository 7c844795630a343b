package main

import (
	"context"
	"errors"
	"fmt"

	"fyne.io/fyne/v2/lang"

	"anteroom/calendar"
)

// chooseLeader returns the leader named name, or the first leader when
// name is empty.
func chooseLeader(ctx context.Context, svc *calendar.Service, name string) (calendar.Leader, error) {
	if name != "" {
		l, err := svc.LeaderByName(ctx, name)
		if errors.Is(err, calendar.ErrNotFound) {
			return l, fmt.Errorf("%w: --leader %q: %s", errUsage, name, lang.L("no leader of that name"))
		}
		return l, err
	}
	ls, err := svc.Leaders(ctx)
	if err != nil {
		return calendar.Leader{}, err
	}
	if len(ls) == 0 {
		return calendar.Leader{}, errors.New(lang.L("there are no leaders yet: add one with anteroom leader add --name NAME, open the window, or run anteroom demo"))
	}
	return ls[0], nil
}
