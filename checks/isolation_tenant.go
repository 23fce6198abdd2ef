package checks

// IsolationTenant asks how one tenant is kept from hurting the others.
var IsolationTenant = &Check{
	ID:       "isolation-tenant",
	Title:    "Multi-tenant design with no tenant isolation",
	Severity: Information,
	Doc: `When the document speaks of tenants or customers sharing the system, reports the section that
covers isolation if it gives no per-tenant limits or quotas, no cells or shards by tenant, no
statement of blast radius and no word on noisy neighbours.

## Why interviewers care

At the dependency layer, one customer's traffic spike or poison request is every customer's
outage unless something bounds it. Interviewers look for per-tenant limits, the unit of failure
(cell, shard, region) and how many customers one failure can reach.

## Example

Before:

` + "```markdown" + `
## Partitioning

Keys are spread over 64 shards by hash.
` + "```" + `

After:

` + "```markdown" + `
## Partitioning

Keys are spread over 64 shards by hash of (tenant, key). Each tenant has a write quota of 5K QPS,
and tenants are placed in cells of 200, so a bad tenant or a bad deploy reaches one cell.
` + "```" + `

## Fix

State per-tenant limits, the cell or shard that bounds a failure, and the blast radius in
customers.

## Disable

` + "`<!-- designls-disable isolation-tenant -->`" + ` in the section, or
` + "`severity: {isolation-tenant: off}`" + ` in ` + "`.designls.yaml`" + `.`,
	Run: runFollowUp(Isolation, []ask{{
		question:  "How is one tenant kept from hurting the others: per-tenant limits or quotas, cells, a stated blast radius?",
		when:      tenantWords,
		whenScope: inDocument,
		answers:   tenantIsolationWords,
	}}),
}

var tenantWords = phrases{"tenant*", "multi-tenant*", "multitenant*", "customers share", "shared by customers", "per customer"}

var tenantIsolationWords = phrases{"per-tenant", "per tenant", "per customer", "per-customer", "quota*", "rate limit*", "limit* per", "cell*",
	"blast radius", "noisy neighbo*", "fair*", "bulkhead*", "dedicated", "tenant isolation", "isolat* tenant*", "namespace*", "priority class*",
	"admission", "throttl*"}
