// Package recycle keeps a few scratch values, the large arrays a check
// grows and drops, for the checks that come after it.
//
// It does what a sync.Pool would, with two differences that matter for
// values every check takes and gives back. A sync.Pool keeps what is put
// back in a slot of the processor that put it, and moves it aside at each
// collection, where only the same processor finds it again: when the
// collector stops the world between two checks and the goroutine resumes
// on another processor, the next check finds nothing and allocates all of
// it afresh. With two processors that was half of what a check of a long
// document allocated, and so half of the collector's work. A Bin is one
// short shelf that any goroutine reaches, and that collections leave
// alone.
//
// So that the shelf does not hold on to much memory, it keeps at most one
// value per processor, and none grown for a document over MaxSize bytes.
package recycle

import "runtime"

// MaxSize is the largest document, in bytes, whose scratch values a Bin
// keeps. A check's scratch is a few times its document's size, so the
// values kept for a processor stay within a few megabytes.
const MaxSize = 1 << 20

// Bin keeps values of type T between uses. The zero Bin is not usable;
// make one with New.
type Bin[T any] struct {
	free  chan *T
	fresh func() *T
}

// New returns a Bin that makes a value with fresh when it has none to
// give. Call it in a package variable's initialiser: the shelf is sized
// for the processors the program has when it starts.
func New[T any](fresh func() *T) *Bin[T] {
	return &Bin[T]{free: make(chan *T, max(runtime.GOMAXPROCS(0), 2)), fresh: fresh}
}

// Get returns a kept value, or a fresh one when none is kept. The caller
// owns it until it hands it to Put, and must not rely on its contents.
func (b *Bin[T]) Get() *T {
	select {
	case x := <-b.free:
		return x
	default:
		return b.fresh()
	}
}

// Put hands x back after a use on a document of size bytes; nothing may
// use x afterwards. The Bin drops x when it is full, or when size is over
// MaxSize, so that one huge document does not keep its arrays alive.
func (b *Bin[T]) Put(x *T, size int) {
	if x == nil || size > MaxSize {
		return
	}
	select {
	case b.free <- x:
	default:
	}
}
