package ui

import (
	"testing"

	fynelang "fyne.io/fyne/v2/lang"

	"anteroom/assets"
)

// speaking makes the UI speak the locale loc ("zh_CN.UTF-8", "en_US.UTF-8")
// for the rest of the test, as a user with that LANG sees it, and the
// test's own language again afterwards.
func speaking(t *testing.T, loc string) {
	t.Helper()
	relocalize := func() {
		// Adding a file again makes Fyne pick its language from the
		// environment anew.
		b, err := assets.TranslationFiles().ReadFile("translations/en.json")
		if err != nil {
			t.Fatal(err)
		}
		if err := fynelang.AddTranslationsForLocale(b, "en"); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(relocalize) // runs after the environment is restored
	for _, v := range []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES"} {
		t.Setenv(v, "")
	}
	t.Setenv("LANG", loc)
	if err := assets.LoadTranslations(); err != nil {
		t.Fatal(err)
	}
	relocalize()
}
