package recycle

import (
	"runtime"
	"sync"
	"testing"
)

type scratch struct{ b []byte }

func TestGetReturnsWhatPutKept(t *testing.T) {
	made := 0
	bin := New(func() *scratch { made++; return new(scratch) })
	a := bin.Get()
	if made != 1 {
		t.Fatalf("an empty bin made %d values, want 1", made)
	}
	a.b = make([]byte, 100)
	bin.Put(a, 100)
	// A collection empties a sync.Pool; it must leave a Bin alone.
	runtime.GC()
	runtime.GC()
	if got := bin.Get(); got != a {
		t.Fatalf("Get after Put returned %p, want the value put back (%p)", got, a)
	}
	if made != 1 {
		t.Fatalf("made %d values, want 1", made)
	}
	if got := bin.Get(); got == a {
		t.Fatal("a value was given out twice")
	}
}

func TestPutDropsValuesOfHugeDocuments(t *testing.T) {
	bin := New(func() *scratch { return new(scratch) })
	big := bin.Get()
	bin.Put(big, MaxSize+1)
	if got := bin.Get(); got == big {
		t.Fatal("kept the scratch of a document over MaxSize")
	}
	small := bin.Get()
	bin.Put(small, MaxSize)
	if got := bin.Get(); got != small {
		t.Fatal("dropped the scratch of a document of exactly MaxSize")
	}
}

func TestPutDropsWhatTheShelfCannotHold(t *testing.T) {
	bin := New(func() *scratch { return new(scratch) })
	n := cap(bin.free)
	if n < 2 || n < runtime.GOMAXPROCS(0) {
		t.Fatalf("shelf holds %d values; want one per processor (%d), at least 2", n, runtime.GOMAXPROCS(0))
	}
	put := map[*scratch]bool{}
	for range n + 3 {
		x := new(scratch)
		put[x] = true
		bin.Put(x, 1)
	}
	got := map[*scratch]bool{}
	for range n + 3 {
		x := bin.Get()
		if put[x] {
			got[x] = true
		}
	}
	if len(got) != n {
		t.Fatalf("got back %d of the values put, want the %d the shelf holds", len(got), n)
	}
}

// TestConcurrentUse gives each value to one goroutine at a time: the race
// detector fails the test if two goroutines ever write the same one.
func TestConcurrentUse(t *testing.T) {
	bin := New(func() *scratch { return new(scratch) })
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 500 {
				x := bin.Get()
				x.b = append(x.b[:0], byte(g), byte(i))
				if x.b[0] != byte(g) || x.b[1] != byte(i) {
					t.Errorf("goroutine %d: value changed while held", g)
				}
				bin.Put(x, len(x.b))
			}
		}()
	}
	wg.Wait()
}
