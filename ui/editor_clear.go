package ui

import "strings"

// onReasonChanged clears the "say why" message once a reason is typed, as
// every other field's message clears when the field is fixed.
func (ed *editor) onReasonChanged(s string) {
	if strings.TrimSpace(s) == "" {
		return
	}
	ed.reason.SetValidationError(nil)
	if l := ed.errs["form"]; l != nil && !l.Hidden {
		ed.validate() // recomputes the form's messages: the reason's goes
	}
}
