package calendar

import (
	"encoding/binary"
	"fmt"
	"strings"
	"sync"
	"time"
)

// zones caches time.LoadLocation, which reads and parses the zone's file
// on every call: an import of a large file asks for the same few zones on
// every item. Locations never change once loaded.
var zones sync.Map // name → *time.Location

// loadZone is time.LoadLocation, remembered, which also accepts the names
// RuleZoneName makes.
func loadZone(name string) (*time.Location, error) {
	if loc, ok := zones.Load(name); ok {
		return loc.(*time.Location), nil
	}
	var loc *time.Location
	var err error
	if label, rule, ok := splitRuleZoneName(name); ok {
		loc, err = ruleLocation(label, rule)
	} else {
		loc, err = time.LoadLocation(name)
	}
	if err != nil {
		return nil, err
	}
	zones.Store(name, loc)
	return loc, nil
}

// LoadZone returns the zone an Engagement.ZoneName names: an IANA name or
// a name made by RuleZoneName.
func LoadZone(name string) (*time.Location, error) { return loadZone(name) }

// RuleZoneName names a zone that has no IANA name by the label it is known
// by (a calendar file's TZID, "US-Eastern") and its rule as a POSIX TZ
// string ("EST5EDT,M4.1.0,M10.5.0", the form of a TZif footer, RFC 8536
// §3.3): "US-Eastern [EST5EDT,M4.1.0,M10.5.0]". Such a name can be stored
// and loaded again, DST included, where an IANA name cannot be found.
func RuleZoneName(label, rule string) string {
	label = strings.NewReplacer("[", "(", "]", ")").Replace(strings.TrimSpace(label))
	return label + " [" + rule + "]"
}

// splitRuleZoneName undoes RuleZoneName.
func splitRuleZoneName(name string) (label, rule string, ok bool) {
	if !strings.HasSuffix(name, "]") {
		return "", "", false
	}
	i := strings.LastIndex(name, " [")
	if i < 0 {
		return "", "", false
	}
	return name[:i], name[i+2 : len(name)-1], true
}

// ruleLocation makes a zone that follows a POSIX TZ rule at every instant:
// TZif data (RFC 8536, version 2) with one zone type and no transitions
// but the rule as its footer, which package time applies after the last
// transition, and so everywhere.
func ruleLocation(label, rule string) (*time.Location, error) {
	if rule == "" || strings.ContainsAny(rule, "\n\x00") {
		return nil, fmt.Errorf("zone %q: empty or malformed rule", label)
	}
	b := make([]byte, 0, 128)
	header := func(typecnt, charcnt int) {
		b = append(b, "TZif2"...)
		b = append(b, make([]byte, 15)...)
		for _, n := range []int{0, 0, 0, 0, typecnt, charcnt} { // isutcnt isstdcnt leapcnt timecnt typecnt charcnt
			b = binary.BigEndian.AppendUint32(b, uint32(n))
		}
	}
	header(0, 0) // an empty version 1 block; readers of version 2 skip it
	header(1, 4)
	b = append(b, 0, 0, 0, 0, 0, 0) // one type, UTC, named "UTC": the rule replaces it
	b = append(b, "UTC\x00"...)
	b = append(b, '\n')
	b = append(b, rule...)
	b = append(b, '\n')
	loc, err := time.LoadLocationFromTZData(RuleZoneName(label, rule), b)
	if err != nil {
		return nil, fmt.Errorf("zone %q: %w", label, err)
	}
	// package time ignores a footer it cannot read: make sure it read it.
	if name, _ := time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC).In(loc).Zone(); name == "UTC" && !strings.HasPrefix(rule, "UTC") && !strings.HasPrefix(rule, "<UTC>") {
		return nil, fmt.Errorf("zone %q: rule %q cannot be read", label, rule)
	}
	return loc, nil
}
