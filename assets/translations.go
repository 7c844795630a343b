package assets

import (
	"embed"
	"sync"

	"fyne.io/fyne/v2/lang"
)

//go:embed translations
var translations embed.FS

var loadOnce sync.Once
var loadErr error

// LoadTranslations registers the zh-CN and en message files with Fyne's
// lang package; the system locale then picks one. Safe to call repeatedly.
func LoadTranslations() error {
	loadOnce.Do(func() { loadErr = lang.AddTranslationsFS(translations, "translations") })
	return loadErr
}

// TranslationFiles returns the embedded message files, for tests that check
// every key is translated in every language.
func TranslationFiles() embed.FS { return translations }
