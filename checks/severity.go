package checks

import "fmt"

// Severity orders findings; the values match the LSP's DiagnosticSeverity so
// that the protocol layer converts them without a table. Off disables.
type Severity int

const (
	Off Severity = iota
	Error
	Warning
	Information
	Hint
)

var severityNames = [...]string{"off", "error", "warning", "information", "hint"}

func (s Severity) String() string {
	if s < Off || s > Hint {
		return fmt.Sprintf("severity(%d)", int(s))
	}
	return severityNames[s]
}

// ParseSeverity reads a severity name as users write it in configuration
// and on the command line.
func ParseSeverity(name string) (Severity, error) {
	switch name {
	case "off", "none":
		return Off, nil
	case "error":
		return Error, nil
	case "warning", "warn":
		return Warning, nil
	case "information", "info":
		return Information, nil
	case "hint":
		return Hint, nil
	}
	return Off, fmt.Errorf("unknown severity %q (want error, warning, information, hint or off)", name)
}

// AtLeast reports whether s is as severe as t or more (Error is the most
// severe). Off is never at least anything.
func (s Severity) AtLeast(t Severity) bool {
	return s != Off && t != Off && s <= t
}
