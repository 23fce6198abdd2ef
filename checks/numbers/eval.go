package numbers

import (
	"fmt"
	"math"
)

// val is an amount in base units with its dimension.
type val struct {
	x float64
	d Dim
}

// maxExp bounds dimension exponents so int8 arithmetic cannot wrap.
const maxExp = 60

// eval computes a side in reverse Polish order over vals, one per figure.
// When ok is false, why says which dimensions could not combine (it reads
// after "the left side"), or is empty when the arithmetic itself failed
// (division by zero, a huge power): then there is nothing to check.
func eval(rpn []tok, vals []val) (v val, why string, ok bool) {
	var buf [16]val
	st := buf[:0]
	for _, t := range rpn {
		if t.op == 0 {
			st = append(st, vals[t.q])
			continue
		}
		if len(st) < 2 {
			return val{}, "", false
		}
		a, b := st[len(st)-2], st[len(st)-1]
		st = st[:len(st)-2]
		var r val
		switch t.op {
		case '*':
			r = val{a.x * b.x, a.d.mul(b.d)}
		case '/':
			if b.x == 0 {
				return val{}, "", false
			}
			r = val{a.x / b.x, a.d.div(b.d)}
		case '+', '-':
			if a.d != b.d {
				verb := "adds"
				if t.op == '-' {
					verb = "subtracts"
				}
				return val{}, fmt.Sprintf("%s a %s and a %s", verb, a.d, b.d), false
			}
			r = val{a.x + b.x, a.d}
			if t.op == '-' {
				r.x = a.x - b.x
			}
		case '^':
			if b.d != Dimensionless || b.x != math.Trunc(b.x) || math.Abs(b.x) > 64 {
				return val{}, "", false
			}
			n := int(b.x)
			if abs(int(a.d.Time)*n) > maxExp || abs(int(a.d.Data)*n) > maxExp {
				return val{}, "", false
			}
			r = val{math.Pow(a.x, b.x), Dim{a.d.Time * int8(n), a.d.Data * int8(n)}}
		}
		if abs(int(r.d.Time)) > maxExp || abs(int(r.d.Data)) > maxExp {
			return val{}, "", false
		}
		st = append(st, r)
	}
	if len(st) != 1 {
		return val{}, "", false
	}
	return st[0], "", true
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// evaluate computes a side, whose tokens in evaluation order are rpn, as
// written, or over vals when given.
func evaluate(sd Side, rpn []tok, vals []val) (val, string, bool) {
	if vals == nil {
		var buf [8]val
		vals = buf[:0]
		for _, q := range sd.Quantities {
			vals = append(vals, val{q.Base, q.Unit.Dim})
		}
	}
	return eval(rpn, vals)
}

// within reports whether the written figure w (rounded to ±half) matches
// the computed c with relative slack.
func within(w, half, c, slack float64) bool {
	return math.Abs(w-c) <= half+slack*math.Abs(c)+1e-9*math.Abs(c)
}

// distance compares two amounts on a log scale, so that being off by a
// factor of 10 counts the same in both directions.
func distance(a, b float64) float64 {
	if a == b {
		return 0
	}
	if a == 0 || b == 0 || (a < 0) != (b < 0) {
		return math.Inf(1)
	}
	return math.Abs(math.Log(math.Abs(a) / math.Abs(b)))
}

func relErr(w, c float64) float64 {
	if c == 0 {
		if w == 0 {
			return 0
		}
		return math.Inf(1)
	}
	return (w - c) / c
}

// Tolerances, as documented in doc.go.
const (
	slackEqual  = 0.01
	slackApprox = 0.25
	nearFactor  = 0.05 // how close a bare figure must be to a time conversion factor
	maxReadings = 4    // figures that may be reread (3^4 × 2 readings at most); the rest stay literal
)

// judge checks one equation and fills Computed, Verdict, Error and Why.
// lrpn and rrpn are its sides in evaluation order.
func judge(e *Equation, lrpn, rrpn []tok) {
	slack := slackEqual
	if e.Rel == Approx {
		slack = slackApprox
	}
	expr, rpn, fig, exprName := e.Left, lrpn, e.Right, "left"
	if e.Right.Ops > 0 && e.Left.Ops == 0 {
		expr, rpn, fig, exprName = e.Right, rrpn, e.Left, "right"
	}
	lit, why, ok := evaluate(expr, rpn, nil)
	if !ok {
		if why != "" {
			e.Verdict, e.Why = UnitMismatch, "the "+exprName+" side "+why
		}
		return // no verdict: nothing to check
	}
	if fig.Ops > 0 {
		judgeExprs(e, lit, rrpn, slack)
		return
	}
	f := fig.Quantities[0]
	switch {
	case !f.Unit.hasUnit():
		judgeBare(e, expr, rpn, lit, f, slack)
	case lit.d == Dimensionless && f.Unit.Dim != Dimensionless && allDimensionless(expr.Quantities) && anyBare(expr.Quantities):
		// "30K peak × 1,000 = 30M QPS": the figures carry no unit, so the
		// written unit labels the product.
		e.Computed = Value{Base: lit.x * f.Unit.Scale, Dim: f.Unit.Dim, Unit: f.Unit, style: f.style}
		verdict(e, within(f.Number, f.Half, lit.x, slack), f.Number, lit.x)
	default:
		judgeReadings(e, expr, rpn, exprName, lit, f, slack)
	}
}

func verdict(e *Equation, ok bool, w, c float64) {
	e.Verdict = Wrong
	if ok {
		e.Verdict = OK
	}
	e.Error = relErr(w, c)
}

func anyBare(qs []Quantity) bool {
	for _, q := range qs {
		if !q.Unit.hasUnit() {
			return true
		}
	}
	return false
}

func allDimensionless(qs []Quantity) bool {
	for _, q := range qs {
		if q.Unit.Dim != Dimensionless {
			return false
		}
	}
	return true
}

// judgeExprs compares two expressions ("1,000 × 10K = 100 × 100K"); there
// is no written figure, so only the relative slack applies.
func judgeExprs(e *Equation, l val, rrpn []tok, slack float64) {
	r, why, ok := evaluate(e.Right, rrpn, nil)
	if !ok {
		if why != "" {
			e.Verdict, e.Why = UnitMismatch, "the right side "+why
		}
		return
	}
	if l.d != r.d {
		e.Verdict, e.Why = UnitMismatch, fmt.Sprintf("the left side is a %s, the right side a %s", l.d, r.d)
		return
	}
	e.Computed = display(l, e.Left.Quantities)
	verdict(e, within(r.x, 0, l.x, slack), r.x, l.x)
}

// judgeBare checks a figure written without a unit ("10M QPS × 86,400 =
// 864B"): it may be the result in base units or the product of the figures
// as written, whatever their units.
func judgeBare(e *Equation, expr Side, rpn []tok, lit val, f Quantity, slack float64) {
	naive := make([]val, len(expr.Quantities))
	for i, q := range expr.Quantities {
		x := q.Number
		if q.Unit.num == uPercent {
			x /= 100
		}
		naive[i] = val{x: x}
	}
	c := lit.x
	if n, _, ok := evaluate(expr, rpn, naive); ok && distance(n.x, f.Number) < distance(c, f.Number) {
		c = n.x
	}
	e.Computed = Value{Base: c, Dim: Dimensionless, Unit: f.Unit, style: f.style}
	verdict(e, within(f.Number, f.Half, c, slack), f.Number, c)
}

// judgeReadings tries the expression as written and, when that fails, the
// readings a careful reader would allow: a bare figure that is a time
// conversion factor read as one ("× 86,400" for s/day), a duration that is
// one ("× 24 h" next to days), a duration read as a count of periods ("12.69
// MiB × 168 hours" for hourly figures), and decimal data units read as
// binary; and a figure that names a period may be the amount in one period.
// The reading that matches with the fewest changes wins; otherwise the
// closest reading of the figure's dimension is reported.
func judgeReadings(e *Equation, expr Side, rpn []tok, exprName string, lit val, f Quantity, slack float64) {
	qs := expr.Quantities
	// Each figure that may be reread has up to two other readings.
	var eligBuf [maxReadings]int
	var alts [maxReadings][]val
	var altBuf [maxReadings][2]val
	elig := eligBuf[:0]
	ps := periodsOf(qs, f)
	for i, q := range qs {
		if len(elig) == maxReadings {
			break
		}
		k := len(elig)
		opts := altBuf[k][:0]
		if ps.conversionFactor(q) {
			opts = append(opts, val{1, Dimensionless})
		}
		if q.Unit.num != nil && q.Unit.num.kind == kindTime && q.Unit.win == nil {
			opts = append(opts, val{q.Number, Dimensionless})
		}
		if len(opts) > 0 {
			elig = append(elig, i)
			alts[k] = opts
		}
	}
	binary := hasDecimalData(f)
	for _, q := range qs {
		binary = binary || hasDecimalData(q)
	}
	type found struct {
		c, w, scale float64
		changes     int
		dist        float64
	}
	var hit, near found
	hitOK, nearOK := false, false
	var counterBuf [maxReadings]int
	counters := counterBuf[:len(elig)]
	var valBuf [8]val
	vals := valBuf[:0]
	if len(qs) > len(valBuf) {
		vals = make([]val, 0, len(qs))
	}
	vals = vals[:len(qs)]
	// The figure is compared as written and, when it names a period ("100
	// MB per day"), as the amount in one period: the period labels a product
	// whose figures are all per period already.
	type target struct {
		d       Dim
		scale   float64 // figure number × scale = figure in the target's base units
		changes int
	}
readings:
	for bin := 0; bin < 2; bin++ {
		if bin == 1 && !binary {
			break
		}
		for i, q := range qs {
			vals[i] = val{q.Base, q.Unit.Dim}
			if bin == 1 {
				vals[i].x = q.Number * binaryScale(q.Unit)
			}
		}
		targets := [2]target{{f.Unit.Dim, f.Unit.Scale, 0}}
		nt := 1
		if bin == 1 {
			targets[0].scale = binaryScale(f.Unit)
		}
		if w := f.Unit.win; w != nil {
			per := 1.0
			if f.Unit.num != nil {
				per = f.Unit.num.scale
				if bin == 1 && f.Unit.num.bin != 0 {
					per = f.Unit.num.bin
				}
			}
			targets[1] = target{f.Unit.Dim.mul(w.dim), per, 1}
			nt = 2
		}
		clear(counters)
		for {
			changes := bin
			for k, i := range elig {
				if counters[k] == 0 {
					vals[i].x, vals[i].d = literalVal(qs[i], bin)
				} else {
					vals[i] = alts[k][counters[k]-1]
					changes++
				}
			}
			if v, _, ok := eval(rpn, vals); ok {
				for _, t := range targets[:nt] {
					if v.d != t.d {
						continue
					}
					w, half := f.Number*t.scale, f.Half*t.scale
					cand := found{v.x, w, t.scale, changes + t.changes, distance(v.x, w)}
					if within(w, half, v.x, slack) {
						if !hitOK || cand.changes < hit.changes {
							hit, hitOK = cand, true
						}
						if hit.changes == 0 {
							// The figures as written match: no other
							// reading has fewer changes to win.
							break readings
						}
					} else if bin == 0 && (!nearOK || cand.dist < near.dist || (cand.dist == near.dist && cand.changes < near.changes)) {
						// The binary reading only forgives; a wrong figure is
						// corrected in the decimal units it was written in.
						near, nearOK = cand, true
					}
				}
			}
			k := 0
			for ; k < len(counters); k++ {
				counters[k]++
				if counters[k] <= len(alts[k]) {
					break
				}
				counters[k] = 0
			}
			if k == len(counters) {
				break
			}
		}
	}
	pick := near
	if hitOK {
		pick = hit
	}
	if !hitOK && !nearOK {
		e.Verdict = UnitMismatch
		e.Why = fmt.Sprintf("the %s side is a %s, the written figure a %s", exprName, lit.d, f.Unit.Dim)
		e.Computed = display(lit, qs)
		return
	}
	// Computed is shown in the figure's unit; under the binary reading the
	// figure's own unit is binary too, so convert back for Format.
	e.Computed = Value{Base: pick.c / pick.scale * f.Unit.Scale, Dim: f.Unit.Dim, Unit: f.Unit, style: f.style}
	verdict(e, hitOK, pick.w, pick.c)
}

func literalVal(q Quantity, bin int) (float64, Dim) {
	if bin == 1 {
		return q.Number * binaryScale(q.Unit), q.Unit.Dim
	}
	return q.Base, q.Unit.Dim
}

func hasDecimalData(q Quantity) bool { return q.Unit.num != nil && q.Unit.num.bin != 0 }

// binaryScale is the unit's scale with decimal data prefixes read as binary.
func binaryScale(u Unit) float64 {
	if u.num == nil || u.num.bin == 0 {
		return u.Scale
	}
	s := u.num.bin
	if u.win != nil {
		s /= u.win.scale
	}
	return s
}

// periods are the distinct time periods an equation names, each with how
// many figures name it, so that a figure's own period can be left out.
type periods struct {
	v [16]float64
	n [16]int
	k int
}

func (p *periods) add(v float64, d int) {
	for i := 0; i < p.k; i++ {
		if p.v[i] == v {
			p.n[i] += d
			return
		}
	}
	if p.k < len(p.v) && d > 0 {
		p.v[p.k], p.n[p.k] = v, d
		p.k++
	}
}

func (p *periods) addUnit(u Unit, d int) {
	if u.num != nil && u.num.window > 0 {
		p.add(u.num.window, d)
	}
	if u.win != nil {
		p.add(u.win.window, d)
	}
}

func periodsOf(qs []Quantity, f Quantity) periods {
	var p periods
	for _, q := range qs {
		p.addUnit(q.Unit, 1)
	}
	p.addUnit(f.Unit, 1)
	return p
}

// conversionFactor reports whether figure q is a time conversion factor in
// disguise: a bare figure equal to the ratio of two periods the other
// figures name (86,400 with QPS and requests/day), or a duration equal to a
// larger period another figure names, counted in its own unit (24 h next
// to days, 60 min next to hours).
func (p *periods) conversionFactor(q Quantity) bool {
	p.addUnit(q.Unit, -1) // the figure's own period does not count
	ok := p.conversionFactorOthers(q)
	p.addUnit(q.Unit, 1)
	return ok
}

func (p *periods) conversionFactorOthers(q Quantity) bool {
	near := func(x, want float64) bool { return want > 0 && math.Abs(x/want-1) <= nearFactor }
	switch {
	case !q.Unit.hasUnit():
		for i := 0; i < p.k; i++ {
			for j := 0; j < p.k; j++ {
				if p.n[i] > 0 && p.n[j] > 0 && p.v[i] > p.v[j] && near(p.v[i]/p.v[j], q.Number) {
					return true
				}
			}
		}
	case q.Unit.num != nil && q.Unit.num.kind == kindTime && q.Unit.win == nil:
		own := q.Unit.num.window
		for i := 0; i < p.k; i++ {
			if p.n[i] > 0 && p.v[i] > own && near(p.v[i]/own, q.Number) {
				return true
			}
		}
	}
	return false
}

// display picks a unit and figure style for a computed amount that has no
// written figure to follow (an unfinished equation), from the operands.
func display(v val, qs []Quantity) Value {
	out := Value{Base: v.x, Dim: v.d}
	out.style = pickStyle(qs)
	switch v.d {
	case Rate:
		var rate *Quantity
		var per *unitDef
		for i := range qs {
			q := &qs[i]
			// A per-thing rate ("200 QPS/host") names the wrong total.
			if q.Unit.Dim == Rate && (rate == nil || (rate.Unit.per != nil && q.Unit.per == nil)) {
				rate = q
			}
			// Multiplying by "86,400 s/day" says the writer wants a daily figure.
			if u := q.Unit; u.num != nil && u.num.kind == kindTime && u.win != nil && u.win.window > u.num.window {
				per = u.win
			}
		}
		switch {
		case per != nil:
			noun := "requests"
			if rate != nil && rate.Unit.num != nil && rate.Unit.num.noun != "" {
				noun = rate.Unit.num.noun
			}
			out.Unit = Unit{Text: noun + "/" + windowName(per), Scale: 1 / per.scale, Dim: Rate, win: per}
		case rate != nil && rate.Unit.per == nil:
			out.Unit = rate.Unit
			out.style.glued = rate.style.glued
		case rate != nil && rate.Unit.num != nil && rate.Unit.num.kind == kindRate:
			out.Unit = Unit{Text: rate.Unit.num.name, Scale: 1, Dim: Rate, num: rate.Unit.num}
		default:
			out.Unit = Unit{Text: "/s", Scale: 1, Dim: Rate, win: uSecond}
			out.style.glued = true
		}
	case Duration:
		d := timeUnitFor(v.x)
		out.Unit = Unit{Text: d.name, Scale: d.scale, Dim: Duration, num: d}
		for _, q := range qs {
			if q.Unit.num == d && q.Unit.win == nil {
				out.Unit, out.style.glued = q.Unit, q.style.glued
				break
			}
		}
	case Size, Throughput:
		family := decimalData
		for _, q := range qs {
			if q.Unit.num != nil && q.Unit.num.kind == kindData && q.Unit.num.bin == 0 && q.Unit.num != uByte {
				family = binaryData
			}
		}
		best := family[0]
		for _, f := range family {
			if math.Abs(v.x) >= f.scale {
				best = f
			}
		}
		out.Unit = Unit{Text: best.name, Scale: best.scale, Dim: Size, num: best}
		if v.d == Throughput {
			out.Unit = Unit{Text: best.name + "/s", Scale: best.scale, Dim: Throughput, num: best, win: uSecond}
		}
	case Dimensionless:
		var noun, pct *Quantity
		for i := range qs {
			q := &qs[i]
			if q.Unit.num == nil {
				continue
			}
			switch q.Unit.num.kind {
			case kindRate, kindNoun:
				if noun == nil {
					noun = q
				}
			case kindPercent:
				if pct == nil {
					pct = q
				}
			}
			if noun == nil && q.Unit.Dim == Rate && q.Unit.num.noun != "" {
				noun = q
			}
		}
		switch {
		case noun != nil:
			name := noun.Unit.num.noun
			if noun.Unit.num.kind == kindNoun && noun.Unit.win == nil && noun.Unit.per == nil {
				name = noun.Unit.Text
			}
			out.Unit = Unit{Text: name, Scale: 1, num: noun.Unit.num}
		case pct != nil:
			out.Unit = Unit{Text: "%", Scale: 0.01, num: uPercent}
			out.style.glued = pct.style.glued
		}
	default:
		out.Unit = Unit{Text: unitSymbol(v.d), Scale: 1, Dim: v.d}
	}
	if out.Unit.Scale == 0 {
		out.Unit.Scale = 1
	}
	return out
}

// pickStyle takes the figure style of the first operand that used a
// magnitude suffix, else of the first that used thousands separators.
func pickStyle(qs []Quantity) style {
	st := style{sig: 3}
	for _, q := range qs {
		if q.style.mag != noSuffix && !q.style.mag.binary() {
			st.mag, st.words, st.sep = q.style.mag, q.style.words, q.style.sep
			return st
		}
	}
	for _, q := range qs {
		if q.style.sep != noSeparator {
			st.sep = q.style.sep
			return st
		}
	}
	return st
}

func timeUnitFor(secs float64) *unitDef {
	a := math.Abs(secs)
	switch {
	case a == 0:
		return uSecond
	case a < 1e-3:
		return uMicro
	case a < 1:
		return uMilli
	case a < 120:
		return uSecond
	case a < 2*hour:
		return uMinute
	case a < 2*day:
		return uHour
	}
	return uDay
}

func windowName(u *unitDef) string {
	switch u {
	case uDay:
		return "day"
	case uWeek:
		return "week"
	case uMonth:
		return "month"
	case uQuarter:
		return "quarter"
	case uYear:
		return "year"
	}
	return u.name
}

func unitSymbol(d Dim) string {
	s := ""
	if d.Data != 0 {
		s = "B"
		if d.Data != 1 {
			s += fmt.Sprintf("^%d", d.Data)
		}
	}
	if d.Time != 0 {
		if s != "" {
			s += "·"
		}
		s += fmt.Sprintf("s^%d", d.Time)
	}
	return s
}
