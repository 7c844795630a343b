package ics

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// ianaCache remembers zones package time loaded; loading reads the zone
// database each time. Only successes are kept, so its size is bounded by
// the database.
var ianaCache sync.Map // name → *time.Location

// loadIANA loads an IANA zone by name, trying the current name of a legacy
// link when the system lacks the link. "Local" and "" are refused: they
// name no place. The returned location's String is the current name.
func loadIANA(name string) (*time.Location, bool) {
	if name == "" || name == "Local" || len(name) > 64 {
		return nil, false
	}
	if canon, ok := legacyZones[name]; ok {
		name = canon
	}
	if loc, ok := ianaCache.Load(name); ok {
		return loc.(*time.Location), true
	}
	if !plausibleIANA(name) {
		return nil, false
	}
	// The cache outlives the file the name was read from: a copy, so it
	// neither keeps the file's bytes alive nor points into a mapping
	// that is gone (the Location keeps the name too).
	name = strings.Clone(name)
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, false
	}
	ianaCache.Store(name, loc)
	return loc, true
}

// plausibleIANA reports whether name is made of the characters IANA zone
// names use, so that arbitrary TZID text never reaches the file system.
func plausibleIANA(name string) bool {
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '/' || c == '_' || c == '-' || c == '+') {
			return false
		}
	}
	return name[0] != '/' && !strings.Contains(name, "..")
}

// tzidPrefixes are path prefixes producers put before an IANA name.
var tzidPrefixes = []string{
	"/mozilla.org/", "/freeassociation.sourceforge.net/", "/softwarestudio.org/",
	"/citadel.org/", "tzone://Microsoft/",
}

// cleanTZID trims what producers wrap around a zone name: spaces, quotes,
// a repeated "TZID=", a trailing colon.
func cleanTZID(s string) string {
	s = strings.TrimSpace(s)
	for {
		t := strings.Trim(s, "\"' ")
		t = strings.TrimSuffix(t, ":")
		if len(t) > 5 && strings.EqualFold(t[:5], "TZID=") {
			t = t[5:]
		}
		if t == s {
			return s
		}
		s = t
	}
}

// ianaSuffix finds an IANA name at the end of a path-like TZID:
// "/softwarestudio.org/Olson_20011030_5/America/Chicago" → America/Chicago,
// "/Europe/Stockholm" → Europe/Stockholm.
func ianaSuffix(s string) (*time.Location, bool) {
	if !strings.Contains(s, "/") {
		return nil, false
	}
	for _, p := range tzidPrefixes {
		if strings.HasPrefix(s, p) {
			s = s[len(p)-1:]
			break
		}
	}
	for s != "" {
		i := strings.IndexByte(s, '/')
		if i < 0 {
			return nil, false
		}
		s = s[i+1:]
		if loc, ok := loadIANA(s); ok {
			return loc, true
		}
	}
	return nil, false
}

// ianaByLowerName finds an IANA zone written in the wrong case
// ("asia/shanghai"), among the zones the tables know.
func ianaByLowerName(s string) (*time.Location, bool) {
	name, ok := zoneIndex().lower[strings.ToLower(s)]
	if !ok {
		return nil, false
	}
	return loadIANA(name)
}

// zoneIndexes are the lookup tables built from windowsZones and moreZones.
type zoneIndexes struct {
	windows map[string]string   // lower-case Windows ID → IANA
	display []displayEntry      // display names split into items
	cities  map[string]string   // normalized city → IANA
	lower   map[string]string   // lower-case IANA name → IANA name
	all     []string            // every IANA candidate, territory 001 zones first
	items   map[string][]string // normalized display item → IANA zones having it
}

type displayEntry struct {
	exact string // normalized whole city list
	iana  string
}

var zoneIndexOnce = sync.OnceValue(buildZoneIndex)

func zoneIndex() *zoneIndexes { return zoneIndexOnce() }

func buildZoneIndex() *zoneIndexes {
	ix := &zoneIndexes{
		windows: map[string]string{}, cities: map[string]string{},
		lower: map[string]string{}, items: map[string][]string{},
	}
	seen := map[string]bool{}
	add := func(name string) {
		if seen[name] {
			return
		}
		seen[name] = true
		ix.all = append(ix.all, name)
		ix.lower[strings.ToLower(name)] = name
		if i := strings.LastIndexByte(name, '/'); i >= 0 && !strings.HasPrefix(name, "Etc/") {
			city := normalizeItem(strings.ReplaceAll(name[i+1:], "_", " "))
			if _, dup := ix.cities[city]; !dup {
				ix.cities[city] = name
			}
		}
	}
	for _, w := range windowsZones {
		ix.windows[strings.ToLower(w.id)] = w.iana
		add(w.iana)
		for _, d := range w.display {
			ix.display = append(ix.display, displayEntry{exact: normalizeDisplay(d), iana: w.iana})
			for _, it := range splitItems(d) {
				ix.items[it] = append(ix.items[it], w.iana)
			}
		}
	}
	for _, z := range moreZones {
		add(z)
	}
	for h := -12; h <= 14; h++ {
		if h != 0 {
			add(etcName(h * 3600))
		}
	}
	return ix
}

// displayPrefix matches the offset Outlook puts before a display name:
// "(UTC+08:00) ", "(GMT+08:00) ", "(GMT) ", "(UTC) ".
var displayPrefix = regexp.MustCompile(`^\(\s*(?:UTC|GMT)\s*(?:[+-]\s*\d{1,2}(?:[:.]?\d{2})?)?\s*\)\s*`)

// normalizeDisplay reduces a display name to comparable text: no offset
// prefix, lower case, "&" as "and", no accents, single spaces, ASCII commas.
func normalizeDisplay(s string) string {
	s = displayPrefix.ReplaceAllString(strings.TrimSpace(s), "")
	return strings.Join(splitItems(s), ",")
}

// splitItems splits a display name's city list into normalized items.
func splitItems(s string) []string {
	s = displayPrefix.ReplaceAllString(strings.TrimSpace(s), "")
	s = strings.NewReplacer("，", ",", "、", ",", ";", ",").Replace(s)
	var out []string
	for _, it := range strings.Split(s, ",") {
		if it = normalizeItem(it); it != "" {
			out = append(out, it)
		}
	}
	return out
}

// normalizeItem lower-cases one city or description and removes accents.
func normalizeItem(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.ReplaceAll(s, "&", "and")
	s = strings.TrimSuffix(s, ".")
	var b strings.Builder
	space := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// byWindowsName maps a Windows zone ID, a display name or a known alias to
// IANA, as CLDR and Outlook define them. A display name that matches no
// table entry exactly is matched item by item ("Amsterdam, Belgrade,
// Berlin, Brussels…" has three items of "W. Europe Standard Time"), then by
// its cities' IANA names.
func byWindowsName(s string) (string, bool) {
	ix := zoneIndex()
	key := strings.ToLower(strings.TrimSpace(s))
	if z, ok := ix.windows[key]; ok {
		return z, true
	}
	if z, ok := zoneAliases[key]; ok {
		return z, true
	}
	d := normalizeDisplay(s)
	if d == "" {
		return "", false
	}
	for _, e := range ix.display {
		if e.exact == d {
			return e.iana, true
		}
	}
	if z, ok := zoneAliases[d]; ok {
		return z, true
	}
	items := splitItems(s)
	score := map[string]int{}
	best, bestScore := "", 0
	for _, it := range items {
		for _, z := range ix.items[it] {
			score[z]++
			if score[z] > bestScore {
				best, bestScore = z, score[z]
			}
		}
	}
	if best != "" {
		return best, true
	}
	for _, it := range items {
		if z, ok := ix.cities[it]; ok {
			return z, true
		}
	}
	return "", false
}

// offsetName matches zone names that only give an offset: "UTC+8",
// "GMT+08:00", "(GMT +01:00)", "+0800", "TZ08", "UTC+01",
// "GMT-05.00/-04.00", "GMT +0100 (Standard) / GMT +0200 (Daylight)".
var offsetName = regexp.MustCompile(`(?i)^\(?\s*(UTC|GMT|TZ)?\s*([+-])?\s*(\d{1,2})(?:[:.]?(\d{2}))?\b`)

// parseOffsetName returns the (standard) offset in seconds a name gives,
// east of UTC positive as people write it ("GMT+8" is Beijing, unlike the
// POSIX reading of Etc/GMT+8).
func parseOffsetName(s string) (int, bool) {
	s = strings.TrimSpace(s)
	m := offsetName.FindStringSubmatch(s)
	if m == nil || m[1] == "" && m[2] == "" {
		return 0, false
	}
	h, _ := strconv.Atoi(m[3])
	mi := 0
	if m[4] != "" {
		mi, _ = strconv.Atoi(m[4])
	}
	if h > 14 || mi > 59 {
		return 0, false
	}
	off := h*3600 + mi*60
	if m[2] == "-" {
		off = -off
	}
	return off, true
}

// etcName returns the IANA name of a whole-hour fixed offset: Etc/GMT-8
// is UTC+8 (POSIX signs).
func etcName(off int) string {
	if off == 0 {
		return "Etc/UTC"
	}
	h := -off / 3600
	if h > 0 {
		return "Etc/GMT+" + strconv.Itoa(h)
	}
	return "Etc/GMT" + strconv.Itoa(h)
}

// fixedZone returns a location for a fixed offset: the Etc zone for whole
// hours, otherwise a fixed zone named like "UTC+05:45".
func fixedZone(off int) *time.Location {
	if off%3600 == 0 && off >= -12*3600 && off <= 14*3600 {
		if loc, ok := loadIANA(etcName(off)); ok {
			return loc
		}
	}
	return time.FixedZone(formatOffsetName(off), off)
}

// formatOffsetName formats an offset as "UTC+05:45".
func formatOffsetName(off int) string {
	sign := "+"
	if off < 0 {
		sign, off = "-", -off
	}
	h, m := off/3600, off%3600/60
	return "UTC" + sign + twoDigits(h) + ":" + twoDigits(m)
}

func twoDigits(n int) string {
	return string([]byte{byte('0' + n/10%10), byte('0' + n%10)})
}
