package ui

import (
	"strings"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// materialsFollowUpButton is Follow up… on materials with the leader's
// instructions (批示): it puts them on the follow-up board. Nil when
// there are no instructions yet or follow-up is hidden.
func materialsFollowUpButton(md *materialDetail) *widget.Button {
	f := md.b.desk.m.follow
	if f == nil || f.svc == nil || strings.TrimSpace(md.m.Instructions) == "" {
		return nil
	}
	return &widget.Button{Text: lang.L("Follow up…"), Icon: theme.Icon(theme.IconNameContentAdd), OnTapped: func() {
		f.newFromMaterials(md.b.win, md.m, func() {})
	}}
}
