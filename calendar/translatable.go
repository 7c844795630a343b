package calendar

// Translatable is the one contract of an error a person reads: Code is
// its message key in assets/translations, Args fill the key's
// placeholders, and Error is the English text. An argument that is itself
// Translatable, or a []Translatable, is translated in turn; the UI and the
// command line each have one function that does so (ui.errorText,
// the CLI's describe).
type Translatable interface {
	error
	Code() string
	Args() map[string]any
}

// Phrase is a word inside another message, by its message key and its
// English text: the state a record is in, the move asked of it.
type Phrase struct{ Key, English string }

func (p Phrase) Error() string        { return p.English }
func (p Phrase) Code() string         { return p.Key }
func (p Phrase) Args() map[string]any { return nil }

// FieldProblem is one Problem of a ValidationError as Translatable; Field
// names the field, so the CLI can name the flag that set it.
type FieldProblem struct{ Problem Problem }

func (p FieldProblem) Error() string        { return p.Problem.Field + ": " + p.Problem.Message }
func (p FieldProblem) Code() string         { return p.Problem.Code }
func (p FieldProblem) Args() map[string]any { return p.Problem.Args }
func (p FieldProblem) Field() string        { return p.Problem.Field }

// Code lists the problems; its one placeholder, Problems, is each problem
// translated.
func (e *ValidationError) Code() string { return "validation.problems" }

// Args holds the problems, each Translatable.
func (e *ValidationError) Args() map[string]any {
	ps := make([]Translatable, len(e.Problems))
	for i, p := range e.Problems {
		ps[i] = FieldProblem{p}
	}
	return map[string]any{"Problems": ps}
}

// Code says the time is taken; Why is the blocking findings translated.
func (e *ConflictError) Code() string { return "That time is taken: {{.Why}}" }

// Args holds the blocking findings, each Translatable.
func (e *ConflictError) Args() map[string]any {
	var why []Translatable
	for _, f := range e.Findings {
		if f.Severity == SeverityBlock {
			why = append(why, findingText{f})
		}
	}
	return map[string]any{"Why": why}
}

// findingText is a finding as Translatable.
type findingText struct{ f Finding }

func (t findingText) Error() string        { return t.f.Message() }
func (t findingText) Code() string         { return t.f.Code }
func (t findingText) Args() map[string]any { return t.f.Args() }

// Static checks that the domain's errors keep the contract.
var (
	_ Translatable = (*ValidationError)(nil)
	_ Translatable = (*ConflictError)(nil)
	_ Translatable = (*BusyError)(nil)
	_ Translatable = (*FullError)(nil)
	_ Translatable = (*FileError)(nil)
	_ Translatable = Phrase{}
)
