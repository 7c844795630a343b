package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// showFileDialog shows Fyne's file dialog d on win with title, its places
// (Home, Computer, Documents…) in the UI's language: Fyne titles it
// "Open" + " " + "File", which reads "打开 文件", and shows the places'
// English names whatever the locale. Escape closes it.
func showFileDialog(win fyne.Window, d *dialog.FileDialog, title string) {
	d.SetTitleText(title)
	showDialog(win, d)
	if p, ok := win.Canvas().Overlays().Top().(*widget.PopUp); ok {
		translatePlaces(p.Content)
		translateSavePrompts(win, p)
	}
}

// placeNames are the places Fyne's file dialog lists, by the English name
// it shows.
func placeName(en string) string {
	switch en {
	case "Home":
		return lang.X("file.place.home", "Home")
	case "Computer":
		return lang.X("file.place.computer", "Computer")
	case "Desktop":
		return lang.X("file.place.desktop", "Desktop")
	case "Documents":
		return lang.X("file.place.documents", "Documents")
	case "Downloads":
		return lang.X("file.place.downloads", "Downloads")
	case "Music":
		return lang.X("file.place.music", "Music")
	case "Pictures":
		return lang.X("file.place.pictures", "Pictures")
	case "Videos":
		return lang.X("file.place.videos", "Videos")
	case "Movies":
		return lang.X("file.place.movies", "Movies")
	case "App Files":
		return lang.X("file.place.app_files", "App Files")
	}
	return en
}

// translatePlaces finds the list of places in the dialog's content (the
// leading side of its split) and names each in the UI's language. A
// layout it does not know it leaves alone.
func translatePlaces(o fyne.CanvasObject) bool {
	switch o := o.(type) {
	case *fyne.Container:
		for _, c := range o.Objects {
			if translatePlaces(c) {
				return true
			}
		}
	case *container.Split:
		list, ok := o.Leading.(*widget.List)
		if !ok || list.UpdateItem == nil {
			return false
		}
		update := list.UpdateItem
		list.UpdateItem = func(id widget.ListItemID, item fyne.CanvasObject) {
			update(id, item)
			if row, ok := item.(*fyne.Container); ok && len(row.Objects) > 1 {
				if l, ok := row.Objects[1].(*widget.Label); ok {
					l.SetText(placeName(l.Text))
				}
			}
		}
		list.Refresh()
		return true
	}
	return false
}
