package calendar

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Leader is the person whose calendar is run; one office may serve several.
type Leader struct {
	ID       int64
	Name     string
	ZoneName string // IANA zone, e.g. "Asia/Shanghai": the home zone for hours and all-day items
	Order    int    // position in the leader switcher
	Created  time.Time
	Updated  time.Time
	// Archived is when the leader was archived: no longer offered for
	// booking, their history kept and readable. Zero while in use.
	Archived time.Time
}

// Active reports whether the leader is in use, not archived.
func (l Leader) Active() bool { return l.Archived.IsZero() }

// Location resolves the leader's home zone; an empty name means UTC.
func (l Leader) Location() (*time.Location, error) {
	loc, err := loadZone(l.ZoneName)
	if err != nil {
		return nil, fmt.Errorf("%w: time zone %q of leader %q: %v", ErrInvalid, l.ZoneName, l.Name, err)
	}
	return loc, nil
}

// SystemZoneName returns the IANA name of the system's zone: from TZ, from
// the /etc/localtime link, or from /etc/timezone; UTC when none names one.
// time.Local itself only says "Local", which cannot be stored or exported.
func SystemZoneName() string {
	if tz, ok := os.LookupEnv("TZ"); ok {
		tz = strings.TrimPrefix(tz, ":")
		if _, err := time.LoadLocation(tz); err == nil && tz != "" {
			return tz
		}
	}
	if target, err := filepath.EvalSymlinks("/etc/localtime"); err == nil {
		if i := strings.Index(target, "zoneinfo/"); i >= 0 {
			name := target[i+len("zoneinfo/"):]
			if _, err := time.LoadLocation(name); err == nil {
				return name
			}
		}
	}
	if b, err := os.ReadFile("/etc/timezone"); err == nil {
		name := strings.TrimSpace(string(b))
		if _, err := time.LoadLocation(name); err == nil && name != "" {
			return name
		}
	}
	return "UTC"
}
