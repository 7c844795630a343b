package imports

import "anteroom/calendar"

// englishImport holds the English template of every reason an import plan
// gives; assets/translations/{en,zh-CN}.json hold the same keys.
var englishImport = map[string]string{
	"import.plan.method":         "METHOD:{{.Method}} answers an invitation; it changes no calendar here (RFC 5546 §3.2)",
	"import.plan.method_add":     "METHOD:ADD adds occurrences to a series kept elsewhere; it is not supported (RFC 5546 §3.2.4)",
	"import.plan.other_leader":   "this item (same UID) is already in the calendar of {{.Leader}}",
	"import.plan.duplicate":      "the file has a newer version of this item on line {{.Other}}",
	"import.plan.older":          "older than the stored version: SEQUENCE {{.Sequence}}, stored {{.Stored}}",
	"import.plan.same_version":   "already imported: same SEQUENCE {{.Sequence}} and DTSTAMP",
	"import.plan.no_change":      "nothing Anteroom keeps has changed",
	"import.plan.cancel_unknown": "cancels an item that is not in the calendar",
	"import.plan.already_cancel": "already cancelled",
	"import.plan.deleted":        "deleted here; only a newer version (higher SEQUENCE) brings it back",
	"import.plan.revived":        "deleted here; this newer version brings it back",
	"import.plan.edited_here":    "changed here since it was imported (or made here); importing replaces those changes",
	"import.plan.series_missing": "one occurrence of a series that is neither in the file nor in the calendar: imported as a single item",
	"import.plan.invalid":        "cannot be saved: {{.Detail}}",
}

// importMsg returns the message code with its English template and the
// arguments kv names in pairs.
func importMsg(code string, kv ...any) *Message {
	m := &Message{Code: code, English: englishImport[code]}
	if len(kv) > 0 {
		m.Args = make(map[string]any, len(kv)/2)
		for i := 0; i+1 < len(kv); i += 2 {
			m.Args[kv[i].(string)] = kv[i+1]
		}
	}
	return m
}

// problemMsg turns a validation problem into a message.
func problemMsg(p calendar.Problem) *Message {
	return &Message{Code: p.Code, English: p.Message, Args: p.Args}
}
