// Package followup is minutes and follow-up (会议纪要与督办): the minutes
// of a meeting taken from draft through sign-off to issue, and every
// decision, instruction or matter the leader hands down tracked from open
// to closed, with a log of progress and an audit trail of every change.
//
// Minutes keep a copy of their meeting's particulars, so deleting or
// cancelling the meeting never loses them; they say so instead. Like
// booking, the package knows neither Fyne nor SQL: a Store keeps the
// records.
package followup
