package ics

import (
	"strings"
	"time"
)

// zoneInfo is how a TZID was resolved: the location times are read in,
// the name items report as their zone, and the warning items using it get.
type zoneInfo struct {
	loc  *time.Location
	name string   // IANA name of loc; "" for a zone that has none
	warn *Warning // nil when the resolution is sure
}

// resolver turns TZID parameters into locations, once per TZID and
// VCALENDAR, in this order:
//
//  1. an IANA name, also behind a path prefix ("/mozilla.org/…/Europe/Berlin")
//     or in the wrong case;
//  2. a Windows zone ID, an Outlook display name or a known alias, mapped
//     by CLDR's table, unless the file's VTIMEZONE for it disagrees over
//     the years the file uses it;
//  3. the file's VTIMEZONE, evaluated, and replaced by the IANA zone that
//     gives the same offsets over those years when there is one;
//  4. a name that only gives an offset ("GMT+8", "(GMT +01:00)"): the
//     leader's zone when it has that offset over those years, else a fixed
//     zone, with a warning;
//  5. anything else falls back to X-WR-TIMEZONE, then to the leader's
//     zone, with a warning.
type resolver struct {
	def   zoneInfo              // the leader's zone
	vtz   map[string]*vtimezone // cleaned TZID → first definition
	vtzIn map[tzKey]*vtimezone  // (cleaned TZID, calendar) → definition
	years map[string]*yearSpan  // TZID as written → years used
	cals  []calInfo
	cache map[tzKey]*zoneInfo
	xwr   map[int]*zoneInfo
	notes []Warning // about VTIMEZONE blocks that could not be used
	// series are the timed series of the file by UID, for overrides
	// whose RECURRENCE-ID is a DATE (dateexceptions.go).
	series map[string]seriesShape
	// dateOverrides are the UIDs of the file's overrides whose
	// RECURRENCE-ID is a DATE on a timed item: the only series whose
	// shapes the second pass asks for.
	dateOverrides map[string]struct{}
	// shapesFor are the UIDs whose series shapes addSeries keeps: none
	// in the first pass (see findShapesForOverrides).
	shapesFor map[string]struct{}
}

type tzKey struct {
	tzid string
	cal  int
}

func newResolver(def *time.Location) *resolver {
	if def == nil {
		def = time.UTC
	}
	name := def.String()
	if loc, ok := loadIANA(name); ok {
		def, name = loc, loc.String()
	}
	return &resolver{
		def:   zoneInfo{loc: def, name: name},
		vtz:   map[string]*vtimezone{},
		vtzIn: map[tzKey]*vtimezone{},
		years: map[string]*yearSpan{},
		cache: map[tzKey]*zoneInfo{},
		xwr:   map[int]*zoneInfo{},
	}
}

// addVTimezone registers a VTIMEZONE of the file.
func (r *resolver) addVTimezone(v *vtimezone) {
	key := cleanTZID(v.tzid)
	if _, ok := r.vtz[key]; !ok {
		r.vtz[key] = v
	}
	k := tzKey{key, v.cal}
	if _, ok := r.vtzIn[k]; !ok {
		r.vtzIn[k] = v
	}
}

// use records that tzid is used in year, for matching zones over the right years.
func (r *resolver) use(tzid string, year int) {
	s := r.years[tzid]
	if s == nil {
		s = &yearSpan{}
		r.years[tzid] = s
	}
	s.add(year)
}

// zone resolves tzid as used in calendar cal.
func (r *resolver) zone(tzid string, cal int) *zoneInfo {
	k := tzKey{tzid, cal}
	if z, ok := r.cache[k]; ok {
		return z
	}
	z := r.lookup(tzid, cal)
	if z == nil {
		fb := r.fallback(cal)
		z = &zoneInfo{loc: fb.loc, name: fb.name,
			warn: &Warning{Code: "import.zone_unknown", Args: args("Zone", tzid, "Fallback", fb.name)}}
	}
	r.cache[k] = z
	return z
}

// floating returns the zone a time without TZID or Z is read in.
func (r *resolver) floating(cal int) *zoneInfo {
	k := tzKey{"\x00floating", cal}
	if z, ok := r.cache[k]; ok {
		return z
	}
	fb := r.fallback(cal)
	z := &zoneInfo{loc: fb.loc, name: fb.name,
		warn: &Warning{Code: "import.zone_floating", Args: args("Fallback", fb.name)}}
	r.cache[k] = z
	return z
}

// fallback returns the calendar's X-WR-TIMEZONE when it names a zone,
// else the leader's zone.
func (r *resolver) fallback(cal int) *zoneInfo {
	if z, ok := r.xwr[cal]; ok {
		return z
	}
	z := &r.def
	if cal >= 0 && cal < len(r.cals) && r.cals[cal].xwrTimezone != "" {
		if x := r.lookup(r.cals[cal].xwrTimezone, cal); x != nil && x.warn == nil {
			z = x
		}
	}
	r.xwr[cal] = z
	return z
}

// lookup tries steps 1–4; nil means the name is unknown.
func (r *resolver) lookup(tzid string, cal int) *zoneInfo {
	clean := cleanTZID(tzid)
	if loc, ok := loadIANA(clean); ok {
		return &zoneInfo{loc: loc, name: loc.String()}
	}
	if loc, ok := ianaSuffix(clean); ok {
		return &zoneInfo{loc: loc, name: loc.String()}
	}
	if loc, ok := ianaByLowerName(clean); ok {
		return &zoneInfo{loc: loc, name: loc.String()}
	}
	span := yearSpan{}
	if s := r.years[tzid]; s != nil {
		span = *s
	}
	v := r.vtzIn[tzKey{clean, cal}]
	if v == nil {
		v = r.vtz[clean]
	}
	var fz *fileZone
	var fzErr error
	if v != nil {
		fz, fzErr = v.evaluate(clean)
	}
	named := namedZone(clean)
	switch {
	case named != nil && (fz == nil || fz.agrees(named, span)):
		return &zoneInfo{loc: named, name: named.String()}
	case fz != nil:
		if loc, ok := fz.match(span, r.def.loc, named); ok {
			return &zoneInfo{loc: loc, name: loc.String()}
		}
		w := &Warning{Line: v.line, Code: "import.zone_file_only", Args: args("Zone", clean)}
		if named != nil {
			w = &Warning{Line: v.line, Code: "import.zone_file_differs", Args: args("Zone", clean, "IANA", named.String())}
		}
		if loc, name, ok := v.ruleZone(clean); ok && fz.agrees(loc, span) {
			// No IANA name, but a rule that can be stored: series repeat
			// in the file's zone, DST included.
			return &zoneInfo{loc: loc, name: name, warn: w}
		}
		return &zoneInfo{loc: fz.loc, warn: w} // no IANA name: ZoneName stays empty
	}
	if fzErr != nil {
		r.notes = append(r.notes, Warning{Line: v.line, Code: "import.vtimezone_ignored", Args: args("Zone", v.tzid, "Detail", fzErr.Error())})
	}
	if off, ok := parseOffsetName(clean); ok {
		fixed := fixedZone(off)
		if from, to := span.window(); sameOffsets(fixed, r.def.loc, from, to) {
			return &zoneInfo{loc: r.def.loc, name: r.def.name}
		}
		return &zoneInfo{loc: fixed, name: ianaName(fixed),
			warn: &Warning{Code: "import.zone_fixed_offset", Args: args("Zone", tzid, "Offset", formatOffsetName(off))}}
	}
	return nil
}

// ianaAreas are the first parts of IANA names.
var ianaAreas = []string{"Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific", "Etc"}

// namedZone maps a name that is not an IANA name to the IANA zone it
// means: a Windows ID, a display name, an alias, or an IANA name with "_"
// for "/" ("Europe_Berlin").
func namedZone(s string) *time.Location {
	if name, ok := byWindowsName(s); ok {
		if loc, ok := loadIANA(name); ok {
			return loc
		}
	}
	for _, a := range ianaAreas {
		if len(s) > len(a)+1 && strings.HasPrefix(s, a) && s[len(a)] == '_' {
			if loc, ok := loadIANA(a + "/" + s[len(a)+1:]); ok {
				return loc
			}
		}
	}
	return nil
}

// ianaName returns loc's name when it is an IANA zone, else "".
func ianaName(loc *time.Location) string {
	if _, ok := loadIANA(loc.String()); ok {
		return loc.String()
	}
	return ""
}
