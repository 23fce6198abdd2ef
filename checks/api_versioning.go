package checks

// APIVersioning asks how the API is versioned.
var APIVersioning = &Check{
	ID:       "api-versioning",
	Title:    "API with no versioning strategy",
	Severity: Information,
	Doc: `In the section that covers the API, reports an API offered to others (public, customers,
external callers, SDKs, client libraries, a REST API) when nothing in the document says how the
surface is versioned: a version in the path (` + "`/v1/`" + `), a version header, media-type negotiation,
API versions such as ` + "`v1beta1`" + `, or semantic versioning of the SDKs.

## Why interviewers care

An API other engineers build on is a contract for years. Without a place for the version, the
first breaking change has nowhere to go but into every caller at once. Interviewers expect a
versioning scheme and a rule for what counts as breaking.

## Example

Before:

` + "```markdown" + `
## API

GET /flags/{key} returns the flag's rules.
` + "```" + `

After:

` + "```markdown" + `
## API

GET /v1/flags/{key} returns the flag's rules. Within v1 changes are additive only; a breaking
change ships as /v2/ and v1 keeps working for 12 months after /v2/ is announced.
` + "```" + `

## Fix

Choose where the version lives (path, header or media type), say what counts as a breaking
change, and how SDK versions follow semver.

## Disable

` + "`<!-- designls-disable api-versioning -->`" + ` in the API section, or
` + "`severity: {api-versioning: off}`" + ` in ` + "`.designls.yaml`" + `.`,
	Run: runFollowUp(API, []ask{{
		question: "How is the API versioned (a /v1/ path, a version header, a media type) and what counts as a breaking change?",
		when:     publicWords,
		answers:  versioningWords,
		scope:    inDocument,
	}}),
}

var versioningWords = phrases{"/v1*", "/v2*", "v1", "v2", "v1alpha*", "v1beta*", "v2alpha*", "v2beta*", "versioning", "versioned", "api version*",
	"apiversion", "x-api-version", "version header", "semver", "semantic version*", "major version*", "media type*", "content negotiation",
	"accept header"}

// publicWords mark an API other teams or customers build on, where
// versioning is a promise; an internal RPC between a database's own nodes
// is versioned with the binary.
var publicWords = phrases{"public", "customer*", "external*", "third-party", "third party", "sdk*", "client librar*", "rest api", "/api/",
	"developer*", "partner*", "integrat*", "consumer*", "callers"}
