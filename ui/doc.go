// Package ui is Anteroom's Fyne desktop interface: the week grid, the day
// agenda, the engagement editor and the leader switcher. It talks to the
// calendar only through *calendar.Service and never imports package data.
package ui
