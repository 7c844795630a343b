package share

// Progress is how far one sync of one book is: in a phase, Done of Total
// objects. A first sync of a large book takes a while; the window shows it.
type Progress struct {
	Phase       string // PhasePull or PhasePush
	Done, Total int
}

// The phases of a sync.
const (
	PhasePull = "pull" // fetching what changed on the server
	PhasePush = "push" // sending what changed here
)

// SetProgress has fn told, on the syncing goroutine, how far each sync is:
// once when a phase starts and after each batch.
func (e *Engine) SetProgress(fn func(Progress)) { e.progress = fn }

func (e *Engine) report(phase string, done, total int) {
	if e.progress != nil {
		e.progress(Progress{Phase: phase, Done: done, Total: total})
	}
}
