// Command benchproc times two commands side by side for
// scripts/bench-process.sh: it runs them in pairs, in a random order
// within each pair, and reports the ratio of the second to the first in
// wall time and in CPU time (user + system).
//
// Pairs rather than two blocks of runs, as hyperfine times them: on a
// shared or virtual machine the speed of the machine drifts over the
// seconds a block takes, and a block of runs then measures the drift as
// much as the command. Alternating puts both commands on the same
// machine, and the random order within a pair keeps either from always
// running on the caches the other just warmed.
//
// usage: benchproc [-runs N] [-warmup N] [-label TEXT] FLOOR-COMMAND COMMAND
//
// Each command is one argument, split at spaces: paths with spaces are
// not supported, which the script's temporary paths never have.
package main

import (
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"slices"
	"strings"
	"syscall"
	"time"
)

func main() {
	runs := flag.Int("runs", 200, "timed pairs of runs")
	warmup := flag.Int("warmup", 10, "untimed pairs of runs first")
	label := flag.String("label", "", "name printed at the start of the line")
	flag.Parse()
	if flag.NArg() != 2 || *runs < 1 || *warmup < 0 {
		fmt.Fprintln(os.Stderr, "usage: benchproc [-runs N] [-warmup N] [-label TEXT] FLOOR-COMMAND COMMAND")
		os.Exit(2)
	}
	floor, cmd := strings.Fields(flag.Arg(0)), strings.Fields(flag.Arg(1))
	if len(floor) == 0 || len(cmd) == 0 {
		fmt.Fprintln(os.Stderr, "benchproc: empty command")
		os.Exit(2)
	}
	var f, c samples
	for i := range *warmup + *runs {
		var fs, cs sample
		var err error
		if rand.IntN(2) == 0 {
			if fs, err = run(floor); err == nil {
				cs, err = run(cmd)
			}
		} else {
			if cs, err = run(cmd); err == nil {
				fs, err = run(floor)
			}
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "benchproc:", err)
			os.Exit(1)
		}
		if i >= *warmup {
			f.add(fs)
			c.add(cs)
		}
	}
	fmt.Println(report(*label, &f, &c))
}

// sample is one run's wall and CPU time, in milliseconds.
type sample struct{ wall, cpu float64 }

type samples struct{ wall, cpu []float64 }

func (s *samples) add(x sample) {
	s.wall = append(s.wall, x.wall)
	s.cpu = append(s.cpu, x.cpu)
}

// run runs args once with no output and returns its times. A command that
// fails is an error: a broken command is fast, and would look like a win.
func run(args []string) (sample, error) {
	cmd := exec.Command(args[0], args[1:]...)
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		return sample{}, err
	}
	if err != nil {
		return sample{}, fmt.Errorf("%s: %v", strings.Join(args, " "), err)
	}
	var cpu time.Duration
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	return sample{wall: ms(wall), cpu: ms(cpu)}, nil
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// report formats the line the script prints.
func report(label string, floor, cmd *samples) string {
	fw, cw := trimmedMean(floor.wall), trimmedMean(cmd.wall)
	fc, cc := trimmedMean(floor.cpu), trimmedMean(cmd.cpu)
	return fmt.Sprintf("%-10s wall: floor %7.2f ms  designls %7.2f ms  ratio %.2f (mean), %.2f (median)   cpu: floor %7.2f ms  designls %7.2f ms  ratio %.2f",
		label, fw, cw, cw/fw, median(cmd.wall)/median(floor.wall), fc, cc, cc/fc)
}

// trimmedMean is the mean of xs without its slowest tenth: a run that a
// stray process or a host hiccup slowed says nothing about either command.
func trimmedMean(xs []float64) float64 {
	s := slices.Sorted(slices.Values(xs))
	s = s[:max(1, len(s)-len(s)/10)]
	var sum float64
	for _, x := range s {
		sum += x
	}
	return sum / float64(len(s))
}

func median(xs []float64) float64 {
	s := slices.Sorted(slices.Values(xs))
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}
