package checks

// APIErrors asks what a caller sees when a call fails.
var APIErrors = &Check{
	ID:       "api-errors",
	Title:    "API with no error model",
	Severity: Information,
	Doc: `In the section that covers the API (subsections included), reports an API that is called
(HTTP methods, endpoints, RPCs, curl examples; not only new fields of a schema) and says nothing
about failure: no errors, status codes (400, 404, 409, 429, 503, 4xx), gRPC status names
(` + "`INVALID_ARGUMENT`" + `, ` + "`NOT_FOUND`" + `) or retryable failures.

## Why interviewers care

The error model is half of an API: callers write more code for failures than for success.
Which errors are retryable decides whether SDKs hammer a struggling service or back off, and a
clear error body is the difference between a fix and a support ticket.

## Example

Before:

` + "```markdown" + `
## API

PUT /v1/flags/{key} replaces the flag's rules.
` + "```" + `

After:

` + "```markdown" + `
## API

PUT /v1/flags/{key} replaces the flag's rules. 400 for an invalid rule (the body names the field),
409 when If-Match does not match the current version, 429 with Retry-After when over quota; only
429 and 503 are retryable.
` + "```" + `

## Fix

List the error codes, the shape of the error body, and which errors a client should retry.

## Disable

` + "`<!-- designls-disable api-errors -->`" + ` in the API section, or ` + "`severity: {api-errors: off}`" + ` in
` + "`.designls.yaml`" + `.`,
	Run: runFollowUp(API, []ask{{
		question:  "What does a caller see when a call fails: which error codes, what error body, which errors are retryable?",
		when:      callWords,
		whenCased: hasCallable,
		answers:   errorWords,
		scope:     inSection,
		// Status codes and error-model words answer wherever they are.
		answersAnywhere: errorModelWords,
	}}),
}

var errorWords = phrases{"error*", "status code*", "4xx", "5xx", "400", "401", "403", "404", "409", "412", "422", "429", "500", "503",
	"grpc status*", "invalid_argument", "not_found", "already_exists", "failed_precondition", "resource_exhausted", "unavailable",
	"permission_denied", "fails with", "fail with", "exception*", "retryable", "problem+json", "failure*"}

// callWords show an API that is called rather than a schema.
var callWords = phrases{"endpoint*", "rpc", "rpcs", "curl", "grpc", "rest api", "http api", "/api/", "get /", "post /", "put /", "patch /", "delete /"}

// errorModelWords name an error model unambiguously; a bare "400" in
// another section is as likely to be 400 requests per second.
var errorModelWords = phrases{"error code*", "error model", "error response*", "error body", "status code*", "4xx", "5xx", "http 4*",
	"http 5*", "status 4*", "status 5*", "bad request", "not found", "too many requests", "service unavailable", "unauthorized",
	"unauthenticated", "forbidden", "409 conflict", "grpc status*", "invalid_argument", "not_found", "already_exists", "failed_precondition",
	"resource_exhausted", "permission_denied", "problem+json"}
