package checks

// APIIdempotency asks whether the API's writes can be retried safely.
var APIIdempotency = &Check{
	ID:       "api-idempotency",
	Title:    "Writes with no word on idempotency",
	Severity: Warning,
	Doc: `In the section that covers the API, reports write operations (POST, PUT, PATCH, DELETE, write
RPCs called or declared such as ` + "`CreateFlag(...)`" + ` or ` + "`rpc DeletePipeline`" + `, "write endpoint")
when nothing in the
document says how a retried write is recognised: idempotency keys, request IDs, conditional writes
(ETag, If-Match, compare-and-set) or operations that are idempotent by definition (PUT of a whole
resource, upsert).

The check is quiet when the document has no API section or passage; ` + "`missing-section`" + ` speaks then.
The answer may sit anywhere in the document, for instance under degradation where retries are
explained.

## Why interviewers care

Clients of infrastructure retry: SDKs retry on timeouts, queues redeliver, users click twice. A
create that is not idempotent turns one timeout into two pipelines, two charges or two flags.
"What happens when the client retries?" is the first question about any write API.

## Example

Before:

` + "```markdown" + `
## API

POST /v1/pipelines/{id}/runs starts a run and returns its ID.
` + "```" + `

After:

` + "```markdown" + `
## API

POST /v1/pipelines/{id}/runs starts a run and returns its ID. The request carries an
Idempotency-Key header; the server keeps keys for 24 h and returns the first run for a repeated key.
` + "```" + `

## Fix

Say how each write can be retried: an idempotency key and how long it is kept, a client-chosen
request ID, a conditional write, or why the operation is idempotent by nature.

## Disable

` + "`<!-- designls-disable api-idempotency -->`" + ` in the API section, or
` + "`severity: {api-idempotency: off}`" + ` in ` + "`.designls.yaml`" + `.`,
	Run: runFollowUp(API, []ask{{
		question:  "Are writes idempotent: how is a retried write recognised (an idempotency key, a request ID, a conditional write)?",
		when:      writeWords,
		whenCased: hasWriteVerb,
		answers:   idempotencyWords,
		scope:     inDocument,
	}}),
}

// writeWords say, in prose, that an API has write calls. Plain verbs
// ("creates", "updates") are not enough: API sections of RFCs describe
// new fields that are created and updated without being an API call.
var writeWords = phrases{"post /", "put /", "patch /", "delete /", "write endpoint*", "write api*", "write rpc*", "create endpoint*",
	"mutation*", "write call*", "write request*"}

// idempotencyWords answer the retry question.
var idempotencyWords = phrases{"idempoten*", "request id*", "request_id", "requestid", "client token*", "client_token", "dedup*", "de-dup*",
	"exactly once", "at most once", "retry-safe", "safe to retry", "safely retr*", "conditional write*", "compare-and-set", "compare and set",
	"compare-and-swap", "compare and swap", "if-match", "etag*", "precondition*", "optimistic concurrency", "resource version*", "resourceversion",
	"upsert*", "create or update", "createorupdate"}
