package checks

// registry lists every check in the order they run. A check is declared in
// its own file and added here once.
var registry = []*Check{
	MissingSection,
	EmptySection,
	Placeholder,
	NoTitle,
	FrontMatterCheck,
	SLOTarget,
	ErrorBudgetMath,
	CapacityMath,
	VagueClaim,
	APIIdempotency,
	APIVersioning,
	APIErrors,
	APIPagination,
	ConsistencyModel,
	ConsistencyContradiction,
	DegradationMode,
	RolloutRollback,
	RolloutStages,
	SLOBreach,
	IsolationTenant,
	MissingPart,
	MitigationOrder,
	UnquantifiedResult,
	DrillExpectation,
}

// All returns every registered check.
func All() []*Check { return registry }

// Lookup returns the check with the given ID.
func Lookup(id string) (*Check, bool) {
	for _, c := range registry {
		if c.ID == id {
			return c, true
		}
	}
	return nil, false
}
