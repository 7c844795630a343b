package ics

import (
	"testing"
	"time"
)

// TestWindowsTableLoads keeps every IANA name the tables use loadable.
func TestWindowsTableLoads(t *testing.T) {
	for _, name := range zoneIndex().all {
		if _, ok := loadIANA(name); !ok {
			t.Errorf("IANA zone %q of the tables does not load", name)
		}
	}
	for old, cur := range legacyZones {
		if _, ok := loadIANA(cur); !ok {
			t.Errorf("legacy zone %q maps to %q, which does not load", old, cur)
		}
	}
	if n := len(windowsZones); n < 130 {
		t.Errorf("only %d Windows zones", n)
	}
}

func TestNamedZones(t *testing.T) {
	cases := map[string]string{
		"China Standard Time":                               "Asia/Shanghai",
		"china standard time":                               "Asia/Shanghai",
		"W. Europe Standard Time":                           "Europe/Berlin",
		"Tokyo Standard Time":                               "Asia/Tokyo",
		"Pacific Standard Time":                             "America/Los_Angeles",
		"Pacific Standard Time (Mexico)":                    "America/Tijuana",
		"Eastern Standard Time":                             "America/New_York",
		"GMT Standard Time":                                 "Europe/London",
		"India Standard Time":                               "Asia/Kolkata",
		"(UTC+08:00) Beijing, Chongqing, Hong Kong, Urumqi": "Asia/Shanghai",
		"(GMT+08:00) Beijing, Chongqing, Hong Kong, Urumqi": "Asia/Shanghai",
		"(UTC+08:00) 北京，重庆，香港特别行政区，乌鲁木齐":                                                    "Asia/Shanghai",
		"(GMT+10:00) Canberra, Melbourne, Sydney":                                           "Australia/Sydney",
		"Canberra, Melbourne, Sydney":                                                       "Australia/Sydney",
		"(UTC-05:00) Eastern Time (US & Canada)":                                            "America/New_York",
		"(UTC-05:00) Eastern Time (US and Canada)":                                          "America/New_York",
		"(GMT-05:00) Eastern Time (US & Canada)":                                            "America/New_York",
		"Pacific Time (US & Canada), Tijuana":                                               "America/Los_Angeles",
		"(UTC+07:00) Bangkok, Hanoi, Jakarta":                                               "Asia/Bangkok",
		"Kuala Lumpur, Singapore":                                                           "Asia/Singapore",
		"(UTC-03:00) Brasília":                                                              "America/Sao_Paulo",
		"Amsterdam, Belgrade, Berlin, Brussels, Budapest, Madrid, Paris, Prague, Stockholm": "Europe/Paris",
		"Eastern":       "America/New_York",
		"US-Eastern":    "America/New_York",
		"Europe_Berlin": "Europe/Berlin",
	}
	for in, want := range cases {
		loc := namedZone(in)
		if loc == nil || loc.String() != want {
			t.Errorf("namedZone(%q) = %v, want %s", in, loc, want)
		}
	}
	for _, in := range []string{"Customized Time Zone", "FOO", "tzone://Microsoft/Custom", "1", ""} {
		if loc := namedZone(in); loc != nil {
			t.Errorf("namedZone(%q) = %v", in, loc)
		}
	}
}

func TestIANANames(t *testing.T) {
	cases := map[string]string{
		"/softwarestudio.org/Olson_20011030_5/America/Chicago":                   "America/Chicago",
		"/freeassociation.sourceforge.net/Tzfile/America/Argentina/Buenos_Aires": "America/Argentina/Buenos_Aires",
		"/mozilla.org/20070129_1/Europe/Berlin":                                  "Europe/Berlin",
		"/Europe/Stockholm":                                                      "Europe/Stockholm",
	}
	for in, want := range cases {
		if loc, ok := ianaSuffix(cleanTZID(in)); !ok || loc.String() != want {
			t.Errorf("ianaSuffix(%q) = %v", in, loc)
		}
	}
	if loc, ok := loadIANA("US/Central"); !ok || loc.String() != "America/Chicago" {
		t.Errorf("US/Central = %v", loc)
	}
	if loc, ok := ianaByLowerName("asia/shanghai"); !ok || loc.String() != "Asia/Shanghai" {
		t.Errorf("asia/shanghai = %v", loc)
	}
	for _, bad := range []string{"Local", "", "../../etc/passwd", "/etc/localtime", "Asia/Shang hai"} {
		if _, ok := loadIANA(bad); ok {
			t.Errorf("loadIANA(%q) accepted", bad)
		}
	}
	if got := cleanTZID(` "TZID=Europe/Germany" `); got != "Europe/Germany" {
		t.Errorf("cleanTZID = %q", got)
	}
}

func TestOffsetNames(t *testing.T) {
	cases := map[string]int{
		"UTC+8": 8 * 3600, "GMT+08:00": 8 * 3600, "(GMT +01:00)": 3600, "+0800": 8 * 3600, "+8": 8 * 3600,
		"TZ08": 8 * 3600, "UTC+01": 3600, "GMT-05.00/-04.00": -5 * 3600, "UTC+05:45": 5*3600 + 45*60,
		"GMT +0100 (Standard) / GMT +0200 (Daylight)": 3600,
	}
	for in, want := range cases {
		if got, ok := parseOffsetName(in); !ok || got != want {
			t.Errorf("parseOffsetName(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
	for _, in := range []string{"UTC", "8", "Customized Time Zone", "GMT+15", "1"} {
		if _, ok := parseOffsetName(in); ok {
			t.Errorf("parseOffsetName(%q) accepted", in)
		}
	}
	if got := fixedZone(8 * 3600).String(); got != "Etc/GMT-8" {
		t.Errorf("fixed +8 = %s", got)
	}
	if got := fixedZone(5*3600 + 45*60).String(); got != "UTC+05:45" {
		t.Errorf("fixed +5:45 = %s", got)
	}
}

// TestResolverOrder checks the order of resolution: a Windows name the
// file's VTIMEZONE agrees with, a VTIMEZONE matched to IANA, an offset
// name in the leader's zone, an unknown name falling back.
func TestResolverOrder(t *testing.T) {
	shanghai, _ := time.LoadLocation("Asia/Shanghai")
	r := newResolver(shanghai)
	r.cals = []calInfo{{}}
	if z := r.zone("China Standard Time", 0); z.name != "Asia/Shanghai" || z.warn != nil {
		t.Errorf("China Standard Time → %s %v", z.name, z.warn)
	}
	if z := r.zone("UTC+8", 0); z.name != "Asia/Shanghai" || z.warn != nil {
		t.Errorf("UTC+8 → %s %v, want the leader's zone without warning", z.name, z.warn)
	}
	if z := r.zone("GMT+1", 0); z.name != "Etc/GMT-1" || z.warn == nil || z.warn.Code != "import.zone_fixed_offset" {
		t.Errorf("GMT+1 → %s %v", z.name, z.warn)
	}
	if z := r.zone("Nowhere", 0); z.name != "Asia/Shanghai" || z.warn == nil || z.warn.Code != "import.zone_unknown" {
		t.Errorf("Nowhere → %s %v", z.name, z.warn)
	}
	r.cals[0].xwrTimezone = "Europe/Berlin"
	r2 := newResolver(shanghai)
	r2.cals = r.cals
	if z := r2.floating(0); z.name != "Europe/Berlin" || z.warn.Code != "import.zone_floating" {
		t.Errorf("floating with X-WR-TIMEZONE → %s %v", z.name, z.warn)
	}
}
