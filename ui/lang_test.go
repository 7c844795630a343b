package ui

import fynelang "fyne.io/fyne/v2/lang"

// tr translates as the UI does, so tests find buttons in any locale.
func tr(s string) string { return fynelang.L(s) }

// lang2 translates a message with arguments as the UI does.
func lang2(key string, args map[string]any) string { return fynelang.L(key, args) }
