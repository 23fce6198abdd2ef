// Package numbers owns the arithmetic of a design doc. It finds the figures
// a writer uses ("10K QPS", "86,400 s/day", "99.95%"), the back-of-envelope
// equations that join them, and the error-budget statements, and checks each
// one. Checks built on it turn the results into diagnostics, fixes and
// inlay hints. It works on a []byte of text, depends on the standard library
// only, and every position it returns is a half-open byte offset into that
// text.
//
// # Figures
//
// A figure is digits, an optional magnitude and an optional unit.
//
//   - Digits may group thousands with ",", "_", a thin or a no-break space
//     ("10,000", "10_000"); the groups after the first have three digits.
//     A decimal point and e-notation ("1.5e9") are read.
//   - Magnitudes glued to the digits: K/k, M, B, bn, G, T (powers of 1,000)
//     and Ki, Mi, Gi, Ti (powers of 1,024); or spelled after a space:
//     thousand, million, billion, trillion.
//   - "B" glued to digits is billions ("864B"). A byte unit is written apart
//     or spelled: "2 B", "2 KB", "2 bytes". "2 B users" is billions again,
//     because things counted follow. Glued "m" is minutes as in Go ("5m")
//     unless things counted follow ("500m users").
//   - Units: rates (QPS, RPS, TPS, "req/s", "requests per day", "/min"),
//     durations (ns to years), data sizes (B, KB to EB, KiB to EiB), bit
//     rates (Kbps to Tbps), percentages, "3x", and things counted (users,
//     hosts, servers, nodes, cores, apps, requests and the like, and any
//     other lower-case plural such as "50K widgets"). A unit may take a
//     period ("/day", "per month", "a day") and a thing ("/host", "per
//     user").
//   - A currency sign before a figure in an equation is skipped: "$0.50 per
//     hour" is a rate of 0.5 per hour; money has no dimension of its own.
//
// Digits that are part of something else are never figures: identifiers
// ("p99", "k8s", "2FA", "5xx"), versions and addresses ("v1.2.3",
// "10.0.0.1"), dates ("2024-09-30", "09/30/2024"), times of day ("10:30"),
// ranges ("3-5 hosts", "3–5"), resolutions ("1920x1080").
//
// Each unit has a dimension (Dim): exponents of time and data size. Things
// counted and percentages are dimensionless, so "1,000 apps × 10K QPS" is a
// rate, "2 KB × 500M users" a data size, "10M QPS × 86,400 s" a count and
// "86,400 s/day" the plain number 1.
//
// # Equations
//
// An equation is a chain of sides joined by relations. A side is one figure
// or figures joined by operators: × · ⋅ * x X (products; "x" and "X" only
// with spaces on both sides, "*" with spaces on both sides or none, so that
// Markdown emphasis is not a product), / ÷, + − and "-" (with spaces on
// both sides, so a range is not a subtraction), ^ and parentheses. The
// relations are = == ＝ (Equal) and ≈ ≃ ≅ ≒ ~ ~= =~ (Approx); "= ~X" and
// "= about X" are Approx too. Arrows (→, ->, =>) are sequences such as
// rollout stages, never relations, and <, >, ≤, ≥, != are not checked.
//
// Scan reads every byte it is given, code blocks included; a check that
// wants prose only filters the equations by the document's code spans.
//
// A figure may carry one label word before the next operator or relation
// ("30K peak × 1,000"), emphasis and code markers around figures are
// skipped ("**10M QPS**"), and a chain continues over one line break when
// the break sits next to an operator or relation and the next line is not
// a list item, heading, quote or table row. Tables need nothing special:
// "|" ends a side.
//
// A chain a R1 b R2 c yields one Equation per relation (a R1 b, b R2 c),
// each checked against its own written figure, so one wrong link does not
// make the next one look wrong. A relation between two single figures is an
// equation only when the chain has an operator somewhere, or when it is a
// conversion: both figures have units of one dimension and are not both
// plain counts. "1 day = 86,400 s" and "1 request per second = 2.5 million
// requests per month" are checked; "3 replicas = 3 copies", "HTTP 429 = 1"
// and "over 100 hosts = 32 MB each" are not. So prose that merely holds
// numbers ("we have 3 regions and 5 teams", "1% → 10% → 50%", "p99 = 5
// ms") yields nothing. A chain is checked up to its 64th relation.
//
// A side with operators followed by a relation and then nothing (end of
// line, end of a table cell) or a placeholder ("?", "TBD", "…") is
// Unfinished: its Computed value is what an editor shows as an inlay hint,
// and Right.Span is where the hint goes.
//
// # Checking an equation
//
// The expression side is evaluated in base units (counts, seconds, bytes)
// with its dimension, and compared with the written figure on the other
// side. The figure matches when
//
//	|written − computed| ≤ half a unit of the figure's last written place + slack × |computed|
//
// where the first term is the rounding the figure admits ("864B" is ±0.5B,
// "43.2" is ±0.05, "10M" is ±0.5M) and slack is 1% for Equal, for people who
// round intermediate values, and 25% for Approx.
//
// A careful reader allows a few readings beyond the literal one, and so does
// the checker: a bare figure equal to the ratio of two periods the equation
// names is read as that conversion ("10M QPS × 86,400 = 864B
// requests/day"); a duration equal to a larger period counted in its own
// unit is read as the conversion too ("30 days × 24 h × 60 min = 43,200
// min"); a duration may be a count of periods ("12.69 MiB × 168 hours = 2.08
// GiB" for an hourly figure); decimal data units may be binary ("1 KB =
// 1,024 bytes"); a figure that names a period may be the amount in one
// period ("500 bytes × 200K = 100 MB per day", when the 200K are daily).
// At most four figures of an equation are reread. The reading with the
// fewest changes that matches wins. A
// figure written without a unit may be the result in base units or the
// product of the figures as written; a unit written only on the result
// labels a product of bare figures ("30K × 1,000 = 30M QPS").
//
// Verdicts: OK; Wrong when a reading of the figure's dimension exists but
// none matches (Computed is the closest reading, in the figure's unit and
// style, ready for fix text); UnitMismatch when the expression adds unlike
// units ("5 ms + 10K QPS") or no reading has the figure's dimension ("10K
// QPS × 3 = 30 GB"), with Why saying which. Error is (written − computed) /
// computed, for checks that grade severity. A UnitMismatch whose expression
// cannot be evaluated has a zero Computed. An equation whose arithmetic
// fails (division by zero, a power beyond 64) is not reported.
//
// An equation that overlaps an error-budget statement and is not OK, or
// that relates two single figures, is left to Budgets: in "99.9% over 30 days = 43.2 min" the "30 days = 43.2 min"
// is a budget, not a wrong conversion.
//
// # Error budgets
//
// Budgets finds an availability (a percentage from 90 up to but not
// including 100), a window and a stated downtime in one sentence, or in one
// row of a Markdown table whose header names the windows ("| SLO | per day
// | per month |") or has window and downtime columns. Windows: a day, a
// week, a month (30 days), a quarter (90 days), a year (365 days), spelled
// "per month", "a month", "monthly", "/month", or a stated length ("over 30
// days", "a 28-day window"). A duration counts as the stated budget only
// when it follows a relation sign, sits within a few words of "budget",
// "downtime", "allows", "outage", or is followed by "at" and the
// availability, so "99.9% of requests under 300 ms" states no budget.
//
// The correct budget is (1 − availability) × window (AllowedDowntime). The
// stated figure matches within half a unit of its last written place plus
// 2%, which admits "21.9 min" for 99.95% of an average 30.4-day month.
//
// # Formatting
//
// Format writes a Value the way the document wrote its figures: the written
// figure's unit and its magnitude style ("10M", "10k", "2bn", "2.5
// million", "10,000,000"), at least three significant digits ("864B",
// "43.2 min", "2.59M"). Computed values of Unfinished equations take their
// unit from the operands ("10M QPS", "864B requests/day" after "× 86,400
// s/day", "1 TB") and their style from the first operand with a magnitude.
package numbers
