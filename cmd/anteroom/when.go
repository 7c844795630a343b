package main

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2/lang"

	"anteroom/calendar"
)

// parseWhen reads an instant as RFC 3339, or as "YYYY-MM-DD HH:MM" (also
// with a T) in the leader's zone.
func parseWhen(flagName, value string, loc *time.Location) (time.Time, error) {
	if value == "" {
		return time.Time{}, fmt.Errorf("%w: --%s %s", errUsage, flagName, lang.L("is required (YYYY-MM-DD HH:MM or RFC 3339)"))
	}
	if t, err := time.Parse(time.RFC3339, value); err == nil {
		return t, nil
	}
	for _, layout := range []string{"2006-01-02 15:04", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02T15:04:05"} {
		if t, err := time.ParseInLocation(layout, value, loc); err == nil {
			return t, nil
		}
	}
	return time.Time{}, flagError(flagName, value, fmt.Errorf("%s", lang.L("is not a time of the form YYYY-MM-DD HH:MM or RFC 3339")))
}

// parseKind reads --kind.
func parseKind(value string) (calendar.Kind, error) {
	k, err := calendar.ParseKind(value)
	if err != nil {
		return "", flagError("kind", value, fmt.Errorf("%s", lang.L("is not one of meeting, visit, activity, blocked")))
	}
	return k, nil
}
