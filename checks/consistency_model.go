package checks

// ConsistencyModel asks which guarantees readers get and how replicas
// keep them.
var ConsistencyModel = &Check{
	ID:       "consistency-model",
	Title:    "Consistency section names no model or replication mode",
	Severity: Warning,
	Doc: `In the section that covers consistency, reports when no consistency model is named (strong,
linearizable, serializable, sequential, causal, read-your-writes, eventual, bounded staleness, a
TTL on cached copies, transactions, or a consensus protocol that implies one: Raft, Paxos, a
quorum) or, when the section speaks of replicas, when it does not say
how they are kept in step (synchronous or asynchronous replication, quorum, majority, Raft, Paxos,
a leader).

## Why interviewers care

"Consistent" is not an answer. A reader of a design needs to know whether a write is visible to
the next read, to every region, or eventually, and what the replication that stands behind that
promise costs in latency and availability. Interviewers ask for the model by name.

## Example

Before:

` + "```markdown" + `
## Consistency

Flag rules are replicated to every region so reads stay consistent.
` + "```" + `

After:

` + "```markdown" + `
## Consistency

Writes commit through Raft in the home region (majority of 3 replicas), so reads there are
linearizable. Other regions receive rules asynchronously and serve reads with bounded staleness
of at most 5 s.
` + "```" + `

## Fix

Name the guarantee each kind of read gets, and the replication that provides it.

## Disable

` + "`<!-- designls-disable consistency-model -->`" + ` in the section, or
` + "`severity: {consistency-model: off}`" + ` in ` + "`.designls.yaml`" + `.`,
	Run: runFollowUp(Consistency, []ask{
		{
			question: "Which consistency model do readers get (strong, linearizable, read-your-writes, eventual, bounded staleness)?",
			answers:  modelWords,
		},
		{
			question: "How are replicas kept in step (synchronous or asynchronous replication, a quorum, Raft)?",
			when:     replicaWords,
			answers:  replicationWords,
		},
	}),
}

var modelWords = phrases{"strong*", "linearizab*", "serializab*", "sequential consisten*", "sequentially consistent", "causal*",
	"read-your-writes", "read your writes", "read-your-own-writes", "read-after-write", "monotonic read*", "monotonic write*", "eventual*",
	"bounded staleness", "stale*", "snapshot isolation", "snapshot read*", "external consisten*", "externally consistent", "consistent read*",
	"consistent snapshot*", "atomic*", "transaction*", "acid", "last-writer-wins", "last writer wins", "last-write-wins", "last write wins",
	"crdt*", "conflict-free", "up to date", "freshness", "ttl", "time to live", "consistency model", "isolation level*", "compare-and-swap",
	"compare and swap", "optimistic", "exactly once", "at least once", "total order*", "raft", "paxos", "consensus", "quorum*",
	"majority", "synchronous replication", "synchronously replicated", "split-brain", "split brain"}

var replicaWords = phrases{"replica*", "replicat*", "follower*", "secondaries", "secondary", "standby*", "multi-region", "cross-region", "geo-replicat*"}

var replicationWords = phrases{"sync*", "async*", "asynchronous*", "quorum*", "majority", "raft", "paxos", "consensus", "zab", "chain replication",
	"primary-backup", "primary backup", "leader*", "semi-sync*", "log shipping", "streaming replication", "2pc", "two-phase commit", "acknowledg*",
	"etcd", "zookeeper", "spanner"}
