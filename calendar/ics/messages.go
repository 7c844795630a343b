package ics

// english holds the English template of every message key this package
// uses; assets/translations/{en,zh-CN}.json hold the same keys for the UI.
// A test keeps the three in step.
var english = map[string]string{
	// Errors: the file is not read.
	"import.error.bad_name":           "bad property or parameter name {{.Name}}",
	"import.error.bad_offset":         "{{.Name}} {{.Value}} is not a UTC offset (RFC 5545 §3.3.14)",
	"import.error.bad_param":          "bad parameter in {{.Name}}: {{.Detail}}",
	"import.error.bad_rrule":          "RRULE {{.Value}}: {{.Detail}} (RFC 5545 §3.3.10)",
	"import.error.bad_value":          "{{.Name}} value {{.Value}} is not a {{.Type}}",
	"import.error.control_char":       "control character {{.Char}} in a content line (RFC 5545 §3.1)",
	"import.error.end_mismatch":       "END:{{.Got}} does not close BEGIN:{{.Want}} of line {{.Begin}}",
	"import.error.internal":           "internal error while reading the file; please report it: {{.Detail}}",
	"import.error.nesting":            "{{.Component}} cannot be inside {{.Parent}}",
	"import.error.nothing_readable":   "nothing in the file can be read: no item is whole, the first fault is here",
	"import.error.no_colon":           "not a content line: no ':' after the name {{.Name}}",
	"import.error.not_icalendar":      "not an iCalendar file: no BEGIN:VCALENDAR",
	"import.error.read":               "cannot read the file: {{.Detail}}",
	"import.error.too_large":          "the file is larger than {{.Limit}} bytes",
	"import.error.unclosed":           "the file ends inside {{.Component}} begun on line {{.Begin}}",
	"import.error.unexpected_end":     "END:{{.Got}} without a BEGIN",
	"import.error.unterminated_quote": "a quoted parameter value in {{.Name}} has no closing quote",

	// Warnings: the item is imported, with a guess or a loss the user should see.
	"import.calendar_empty":     "the calendar holds no events or tasks",
	"import.charset":            "the file is not UTF-8; read as {{.Charset}}",
	"import.class_unknown":      "unknown CLASS {{.Value}}, read as PRIVATE (RFC 5545 §3.8.1.3)",
	"import.component_outside":  "{{.Component}} outside VCALENDAR, read as part of the calendar",
	"import.duplicate_ignored":  "a further {{.Name}} was ignored (RFC 5545 §3.6 allows one)",
	"import.fold_repaired":      "a continuation line without the leading space of a fold was joined to the line before",
	"import.duration_negative":  "negative DURATION {{.Value}} ignored",
	"import.end_before_start":   "the end is before the start; the item was shortened to its start",
	"import.invalid_utf8":       "invalid UTF-8 bytes were replaced",
	"import.junk_ignored":       "{{.Count}} lines outside VCALENDAR were ignored",
	"import.line_without_value": "{{.Name}} has no ':' and no value; read as empty",
	"import.priority_invalid":   "PRIORITY {{.Value}} is not 0–9 and was ignored",
	"import.rrule_extra":        "a further RRULE was ignored: {{.Value}}",
	"import.rrule_part_ignored": "RRULE part {{.Value}} cannot be read and was ignored",
	"import.rrule_rscale":       "the recurrence uses the {{.Value}} calendar (RFC 7529); only its first date is placed",
	"import.sequence_invalid":   "SEQUENCE {{.Value}} is not a number; read as 0",
	"import.status_unknown":     "unknown STATUS {{.Value}}, read as confirmed",
	"import.uid_missing":        "the item has no UID; one was derived from its content",
	"import.until_type":         "UNTIL {{.Value}} does not have the type of DTSTART; converted",
	"import.value_in_quotes":    "the value of {{.Name}} was inside the quotes of its TZID; split at the last ':'",
	"import.value_ignored":      "{{.Name}} {{.Value}} cannot be read and was ignored",
	"import.vtimezone_ignored":  "VTIMEZONE {{.Zone}}: {{.Detail}}; ignored",
	"import.zone_file_differs":  "the file defines time zone {{.Zone}} unlike {{.IANA}}; its own definition was used",
	"import.zone_file_only":     "time zone {{.Zone}} is known only from the file's VTIMEZONE",
	"import.zone_fixed_offset":  "time zone {{.Zone}} read as the fixed offset {{.Offset}}, without daylight saving time",
	"import.zone_floating":      "the time has no zone; read in {{.Fallback}}",
	"import.zone_unknown":       "unknown time zone {{.Zone}}; read in {{.Fallback}}",
	"import.zone_series":        "time zone {{.Zone}} has no IANA name; the series repeats in {{.Fallback}}, whose hours may differ",
	"import.title_missing":      "the item has no title (SUMMARY)",
	"import.no_length":          "the item ends when it starts; booked for {{.Minutes}} minutes",
	"import.range_ignored":      "RANGE=THISANDFUTURE is read as a change of this one occurrence",

	// Faults: the item is not imported until its time is fixed.
	"import.needs_time": "needs a time: it ends ({{.End}}) before it starts ({{.Start}})",

	// Notes on components that are not imported.
	"import.skipped_component": "{{.Component}} components are not imported",
	"import.skipped_freebusy":  "free/busy information (VFREEBUSY) is not imported",
	"import.skipped_journal":   "journal entries (VJOURNAL) are not imported",
	"import.skipped_no_start":  "the item has no DTSTART and cannot be placed",
}
