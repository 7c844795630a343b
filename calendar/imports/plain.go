package imports

import "strings"

// plainEnglish says a reader's or planner's message the way a secretary
// would, keyed by the message's code with plain. after its
// import. prefix. The technical text (property names, RFC sections)
// stays the message's own, shown as its details. Codes missing here are
// plain already.
var plainEnglish = map[string]string{
	"import.plain.class_unknown":            "Unknown privacy level “{{.Value}}”: treated as private",
	"import.plain.component_outside":        "Part of the file lay outside the calendar; it was read anyway",
	"import.plain.duplicate_ignored":        "Some information appeared twice; the second was ignored",
	"import.plain.duration_negative":        "A negative length was ignored",
	"import.plain.error.bad_name":           "A line of the file is damaged",
	"import.plain.error.bad_offset":         "A time zone in the file is written wrongly",
	"import.plain.error.bad_param":          "A line of the file is damaged",
	"import.plain.error.bad_rrule":          "The repeat rule could not be read",
	"import.plain.error.bad_value":          "A date, time or other value in the file could not be read",
	"import.plain.error.control_char":       "The file contains invisible control characters",
	"import.plain.error.end_mismatch":       "The file's structure is damaged here",
	"import.plain.error.nesting":            "The file's structure is damaged here",
	"import.plain.error.no_colon":           "A line of the file is damaged",
	"import.plain.error.unclosed":           "The file ends too early: it may be cut off",
	"import.plain.error.unexpected_end":     "The file's structure is damaged here",
	"import.plain.error.unterminated_quote": "A line of the file is damaged",
	"import.plain.fold_repaired":            "A line broken in two was joined back",
	"import.plain.invalid_utf8":             "Some unreadable characters were replaced",
	"import.plain.line_without_value":       "A line had no value; it was read as empty",
	"import.plain.plan.deleted":             "You deleted this here; only a newer version from the sender brings it back",
	"import.plain.plan.method":              "This is a reply to an invitation; it does not change the calendar",
	"import.plain.plan.method_add":          "Adding dates to a repeating engagement from elsewhere is not supported yet",
	"import.plain.plan.older":               "Older than the version already on the calendar",
	"import.plain.plan.other_leader":        "Already on {{.Leader}}'s calendar",
	"import.plain.plan.same_version":        "Already imported; nothing has changed",
	"import.plain.priority_invalid":         "The priority could not be read and was ignored",
	"import.plain.range_ignored":            "A change meant for this and later dates was applied to this date only",
	"import.plain.rrule_extra":              "An extra repeat rule was ignored",
	"import.plain.rrule_part_ignored":       "Part of the repeat rule could not be read and was ignored",
	"import.plain.rrule_rscale":             "Repeats by another calendar (such as the lunar one): only the first date is booked",
	"import.plain.sequence_invalid":         "The version number could not be read; taken as the first version",
	"import.plain.skipped_component":        "A part of the file that is not an engagement was not imported",
	"import.plain.skipped_no_start":         "Has no start time, so it cannot be booked",
	"import.plain.status_unknown":           "Unknown status “{{.Value}}”: taken as confirmed",
	"import.plain.uid_missing":              "Has no identifier; one was made from its contents",
	"import.plain.until_type":               "The repeat's last date was written differently from the start; it was converted",
	"import.plain.value_ignored":            "A value could not be read and was ignored",
	"import.plain.value_in_quotes":          "A time zone was written with a slip in its quotes; it was repaired",
	"import.plain.vtimezone_ignored":        "The file's own definition of time zone {{.Zone}} could not be used",
}

// Plain returns the message in plain words: its message key and English
// text, and whether it differs from the message itself, whose text is
// then the details.
func (m Message) Plain() (code, english string, differs bool) {
	code = "import." + "plain." + strings.TrimPrefix(m.Code, "import.") // a prefix, not a message key
	if english, ok := plainEnglish[code]; ok {
		return code, english, true
	}
	return m.Code, m.English, false
}
