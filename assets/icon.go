package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed icon.png
var iconPNG []byte

// Icon is the application icon, also named by FyneApp.toml.
var Icon = fyne.NewStaticResource("icon.png", iconPNG)
