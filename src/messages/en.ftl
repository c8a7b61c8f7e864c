# northwind's message catalogue: English.
#
# Every sentence of the charts comes from here. Figures arrive as text,
# already formatted; the data's terms arrive as $case/$cases,
# $announcement/$announcements, $event/$events and $origin, and capitalised
# as $Case, $Announcements and so on (for a sentence that opens with one).
# A translation keeps every message and exactly its placeholders (the tests
# check both).

## Shared phrases

report-title = Do { $announcements } cluster around { $events }?
# How a group's events are called when the config gives no label.
group-events = { $group } { $events }
direction-before = before
direction-after = after
year-single = { $year }
years-span = { $first }–{ $last }
headline = Strongest window: { $observed } of { $n } within { $days } days { $direction } { $group_events } (expected { $expected }; exact p = { $p }, adjusted p = { $adjusted })
count-of = { $count } { $things }

## Timeline

chart-timeline-title = { $Announcements }, the wait before them, and the { $event } calendar
chart-timeline-title-no-origin = { $Announcements } and the { $event } calendar, { $years }
chart-timeline-subtitle = { $counted }, { $years }. { $headline }
chart-timeline-subtitle-no-test = { $counted }, { $years }
chart-timeline-subtitle-weekly = { $Announcements } per week, bar height proportional to the count. { $subtitle }
chart-timeline-caption = Each dot is one { $announcement }, in its category's lane. { $Events } are marked in the strip under the lanes, one row per group.
chart-timeline-caption-people = Dot size grows with the number of people (log scale).
chart-timeline-caption-waits = A bar runs back to the { $origin } date where it is known.
chart-timeline-caption-weekly = { $Announcements } per week, in each category's lane; a bar's height is proportional to the week's count (too many rows to draw one by one). { $Events } are marked in the strip under the lanes, one row per group.
chart-timeline-axis = { $Announcement } date

## Monthly counts

chart-monthly-title = { $Announcements } per month, { $years }
chart-monthly-subtitle = { $counted } in { $months } months; the busiest month, { $busiest }, had { $most }
chart-monthly-caption = { $Announcements } per calendar month. Triangles above the bars mark months with { $events } of each group, one row and colour per group.
chart-monthly-legend = months with { $group_events }
chart-monthly-x-axis = Month of { $announcement }
chart-monthly-y-axis = { $Announcements } per month

## Sensitivity

chart-sensitivity-title = { $Announcements } around { $group_events }: rate ratio by window width
chart-sensitivity-caption = Rate ratio of { $announcements } inside versus outside windows of W days before (blue) and after (orange) { $group_events }, with exact 95% intervals. 1 means no clustering; read the whole curve, not the best point.
chart-sensitivity-legend-one = rate ratio 1 = no clustering
chart-sensitivity-legend-before = before { $group_events }, with 95% interval
chart-sensitivity-legend-after = after { $group_events }, with 95% interval
chart-sensitivity-legend-zero-before = before: none in the window (rate ratio 0)
chart-sensitivity-legend-zero-after = after: none in the window (rate ratio 0)
chart-sensitivity-x-axis = Window width W (days, including the day of the { $event })
chart-sensitivity-y-axis = Rate ratio (log scale)

## Peri-event histogram

chart-peri-title = { $Announcements } by days from { $group_events }
chart-peri-subtitle = { $pairs } pairs of an { $announcement } and an { $event }. Global envelope tests: p = { $p_studentized } (studentized), p = { $p_erl } (extreme rank length); { $how }
chart-peri-subtitle-untested = { $pairs } pairs of an { $announcement } and an { $event }; too few to test ({ $how })
chart-peri-exact = exact, all { $shifts } shifts
chart-peri-random = { $shifts } random shifts
chart-peri-caption = Each { $announcement } is counted once for every one of the { $group_events } within the histogram's reach, by its days from it. Bars leaving the grey pointwise band are expected somewhere by chance; only a bar leaving the blue global envelope is evidence against the null.
chart-peri-legend-observed = observed
chart-peri-legend-null = expected under the null (shifts)
chart-peri-legend-global = global 95% envelope (studentized): the band a whole curve should stay in
chart-peri-legend-erl = global 95% envelope (extreme rank length)
chart-peri-legend-pointwise = pointwise 95% band: for one bin at a time, not the whole curve
chart-peri-x-axis = Days from the { $event } (negative: before it)
chart-peri-y-axis = Pairs per bin
chart-peri-before = ← before
chart-peri-after = after →

## Phase rose

chart-phase-title = Where in the cycle of { $group_events } do { $announcements } fall?
chart-phase-subtitle = { $counted } between two consecutive { $group_events }. Resultant length { $length }; Rayleigh p = { $p_rayleigh }, V-test toward the { $event } p = { $p_v }
chart-phase-subtitle-empty = No { $announcement } falls between two consecutive { $group_events }
chart-phase-caption = Where { $announcements } fall in the gap between two consecutive { $group_events }: the { $event } at the top, time running clockwise to the next one.
chart-phase-legend-sectors = { $announcements } per twelfth of the gap (area ~ count)
chart-phase-legend-mean = mean direction (length: resultant length, 0 to 1)
chart-phase-top = the { $event } (and the next one)
chart-phase-bottom = halfway to the next
chart-phase-just-after = just after →
chart-phase-just-before = ← just before

## Delay histogram

chart-delay-title = Days from { $origin } to { $announcement }
chart-delay-subtitle = Median { $median } days (95% CI { $low } to { $high }), { $counted } with a day-precise { $origin } date; { $left_out } others left out
chart-delay-caption = Days from { $origin } to { $announcement }, for { $cases } whose { $origin } date is known to the day. Bins double in width, so the axis is logarithmic while same-day { $announcements } (0 days) keep a bar of their own.
chart-delay-x-axis = Days from { $origin } to { $announcement } (bins double in width)
chart-delay-y-axis = { $Announcements }

## Weekday

chart-weekday-title = { $Announcements } by day of the week
chart-weekday-subtitle = Chi-square test against the weekdays of the period: chi-square = { $chi2 }, df = { $df }, p = { $p }
chart-weekday-subtitle-empty = No { $announcements }
chart-weekday-caption = { $Announcements } per weekday; the orange marks show what would be expected if { $announcements } ignored the weekday.
chart-weekday-legend-observed = observed
chart-weekday-legend-expected = expected if { $announcements } ignored the weekday
chart-weekday-x-axis = Day of the week of the { $announcement }
chart-weekday-y-axis = { $Announcements }

## Report: summary.md and index.html
#
# Markdown is allowed (the writers escape what comes from the data before it
# arrives here). Counts arrive formatted with their counter: $observed is
# "3" in English and "3건" in Korean (see count-announcements, count-people).

count-announcements = { $count }
count-people = { $count }
unit-people = people
number-infinite = infinite
number-missing = n/a
range = { $low } to { $high }
report-made-by = northwind { $version } report. Seed { $seed }.
report-input-announcements = { $Announcements }: { $source }
report-input-events = { $Events }: { $source }
report-input-encoded = { $source } (read as { $encoding })
report-input-embedded = { $name } (the bundled copy built into northwind)

## Since the last run

since-heading = Since the last run
since-nothing = Nothing changed: the same inputs and settings give the same results.
since-version = northwind version: { $before } → { $now }
since-file-announcements = Announcements file: { $named } ({ $content })
since-file-events = Events file: { $named } ({ $content })
since-content-changed = its content changed
since-content-same = same content
since-setting = Setting changed, { $setting }: { $before } → { $now }
since-period = Study period: { $before } → { $now }
setting-announcement-columns = announcement column names ([columns])
setting-event-columns = event column names ([event_columns])
setting-announcement-date-formats = date styles of the announcements ([input] date_formats)
setting-event-date-formats = date styles of the events ([input] date_formats)
setting-timezone = time zone of timestamps ([input] timezone)
setting-delimiter = delimiter ([input] delimiter)
setting-encoding = text encoding ([input] encoding)
setting-period-start = study period start
setting-period-end = study period end
setting-groups = event groups ([groups])
setting-windows = window widths in days
setting-weight-by-people = counting people (weight_by_people)
setting-seed = seed
setting-permutations = Monte Carlo draws (permutations)
setting-output = report parts ([output])
setting-peth = peri-event histogram
setting-regression-terms = regression terms
setting-fixed-effects = regression fixed effects
setting-hac-lags = Newey-West lags
setting-local-shift-days = largest shift of the local shift test (local_shift_days)
setting-chart-size = chart size
setting-chart-theme = chart colours (theme)
setting-chart-pdf = print PDFs of the charts
setting-languages = report languages
setting-wordings = the report's words (titles, source lines, terms, labels)
setting-not-set = not set
setting-default = default
setting-kind-prefix = one group per kind prefix
since-list = { $what } ({ $count }): { $items }
since-list-more = { $items } and { $more } more
since-groups-added = Event groups added
since-groups-removed = Event groups removed
since-groups-regrouped = Event groups with other kinds
since-regrouped = { $group } ({ $before } → { $now } kinds)
since-events-added = Events added
since-events-removed = Events removed
since-events-moved = Events moved
since-events-not-compared = Events: not compared one by one (the previous report does not list them).
since-cases-not-compared = Cases: not compared one by one (a report of more than { $max } rows, or one without `tables/joined.csv`); the tests below are.
since-cases-added = Cases added
since-cases-removed = Cases removed
since-cases-edited = Cases edited
since-tests = Window tests: { $before } → { $now } ({ $removed } no longer run, { $added } new)
since-moved = { $test }: observed { $before } → { $now }, exact shift p { $p_before } → { $p_now } (Holm { $holm_before } → { $holm_now })
since-moved-crossed = { $test }: observed { $before } → { $now }, exact shift p { $p_before } → { $p_now } (Holm { $holm_before } → { $holm_now }), **crossed 0.05**
since-moved-more = and { $more } more window tests moved (all in `summary.json`, `since_last_run`)

## What was found

found-heading = What was found
found-none = No window passes the correction for { $tests } tests at the 5% level: these data give no firm evidence that { $unit } cluster around any group of events. That is not evidence that they do not; with few cases, the tests can miss a real effect.
found-strongest = The strongest single result: { $finding }
found-local = The { $group } events fall in only part of the period, so the circular shift sets the chance level too low and its p-value is too small; the local shift test gives this window p = { $p_local } (by that test, chance would put { $null_local } { $unit } in it, not { $expected }).
found-fewer = Fewer { $unit } than chance would put there (lower-tail shift p below 0.05, not adjusted for the number of windows): { $windows }.
found-fewer-window = { $observed } { $where } against { $expected } expected (p = { $p })
found-alone-notable = On its own this p-value would look notable, but it is the smallest of { $tests } and was not chosen in advance.
found-alone-not-notable = On its own this p-value would not be notable, but it is the smallest of { $tests } and was not chosen in advance.
found-some = After correcting for { $tests } tests, { $count } window(s) hold more { $unit } than chance would explain at the 5% level:
found-p-meaning = A p-value is the chance of a result at least this strong if the timing of announcements were unrelated to the events. It does not say why announcements cluster: timing can follow from other causes (see below).
finding = { $observed } of { $n } { $unit } fell { $where }, against { $expected } expected by chance ({ $rate_ratio }, assuming independent { $unit }; exact shift p = { $p }; adjusted for all { $tests } windows tested, p = { $adjusted }).
finding-hits = These { $unit } came on { $days }, in the windows of { $events }.
hits-days-one = a single day
hits-days = { $count } different days
hits-events-one = a single event
hits-events = { $count } different events
finding-rate-ratio = rate ratio { $ratio }, 95% CI { $low } to { $high }
finding-rate-ratio-undefined = rate ratio undefined
window-on-day = on the day of an event in the { $group } group
window-before = on the day of an event in the { $group } group or in the { $days } days before it
window-after = on the day of an event in the { $group } group or in the { $days } days after it

## What was tested

tested-heading = What was tested
tested-data = { $count } { $announcements } ({ $people } people) from { $start } to { $end } ({ $days } days) were compared with { $groups_count } groups of events: { $groups }.
tested-single-kind-groups = { $count } of the { $groups } groups hold a single kind each, because their kinds share no prefix before a `_`; each was tested on its own, which multiplies the tests. To test them together, set `[analysis] group_by = "one"` (every kind in one group), list the groups under `[groups]`, or give the events file a `group` column and set `group_by = "column"`.
tested-ids-by-line = The announcements file has no `id` column, so each case goes by its name, or by its line in the file (`line 14`) where it has none. If a column holds ids under another name, name it in `northwind.toml` (`[columns] id = "case_no"`); the next run can then say which cases are new.
tested-outside-period = { $count } { $announcements } of the file fall outside the study period ({ $before } before it, { $after } after it) and are left out of every figure and table.
tested-outside-period-one = { $count } { $announcement } of the file falls outside the study period ({ $before } before it, { $after } after it) and is left out of every figure and table.
tested-group = **{ $group }** ({ $days } event days)
tested-group-one = **{ $group }** (1 event day)
tested-how = For every group, every window width ({ $widths } days) and both directions (the event day and the days *before* it, or the event day and the days *after* it), northwind counted the { $unit } that fell in a window and compared that count with chance in two ways:
tested-shift = **Circular-shift test (primary, exact).** All announcement dates are moved together by the same number of days, wrapping around the study period, for every one of the { $shifts } possible shifts. The p-value is the share of shifts that put at least as many { $unit } in the windows as the real dates do. Bursts of announcements stay intact, so one busy week cannot pass for many independent coincidences.
tested-binomial = **Binomial test (secondary).** Treats every announcement as falling on a random day of the period, independently of the others. Bursts make it too optimistic.
tested-family = That makes { $tests } tests, so each shift p-value is also adjusted for having tried them all. The adjusted p-value is the share of the same shifts under which the most extreme of the { $tests } windows is at least as extreme as this one is in the data (the exact min-p adjustment). It allows for the windows being nested and sharing one null, so it is less severe than Holm's adjustment, which treats them as unrelated; `tables/window_tests.csv` has both, and Benjamini-Hochberg's. Windows that cover no day or every day of the period always give p = 1 and are left out of the family.
tested-local = The circular shift wraps dates that pass the end of the period round to its start, so it can move { $unit } into years in which a group has no events at all. As a check, the **local shift test** moves all announcement dates together by the same number of days, at most { $days } either way, without wrapping around, against the windows of every event in the events file, inside the period or not; its p-value, p (local), is the share of those { $shifts } shifts that put at least as many { $unit } in the windows as the real dates do. It is not adjusted for the number of windows.
tested-short-span = **{ $group }**: its events in the period fall only between { $first } and { $last }, a span of less than half of it, so for this group the circular shift sets the chance level too low and its p-values are too small. Read p (local), which is not adjusted for the number of windows, beside the adjusted p-value before quoting a result of this group.
tested-local-calendar = The events file runs from { $first } to { $last }, and the local shifts move dates as far as { $from } to { $to }: where a shifted date passes the end of the file, the windows of events the file does not list are missing, so announcements near the start or the end of the period can make p (local) a little smaller than it should be.
column-group = Group
column-direction = Direction
column-window = Window (days)
column-observed = Observed
column-expected = Expected
column-rate-ratio = Rate ratio (95% CI)
column-p-shift = p (shift)
column-p-adjusted = p (adjusted)
column-p-local = p (local)
column-p-binomial = p (binomial)
rate-ratio-cell = { $ratio } ({ $low } to { $high })
rate-ratio-cell-undefined = undefined

## The shape of timing around events

peth-heading = The shape of timing around events
peth-intro = Every pair of an announcement and an event at most { $half_width } days apart, by distance in days (bins of { $bin } days). Null model: the announcements' own pattern rotated around the period, as in the shift test. A bar outside the *pointwise* band is expected somewhere by chance; the *global* envelope tests the whole curve at once.
peth-exact = exact over all { $shifts } shifts
peth-random = { $shifts } random shifts
peth-group = **{ $group }**: { $pairs } pairs; global envelope test p = { $p } (studentized maximum deviation), p = { $p_erl } (extreme rank length), { $how }.
peth-group-untested = **{ $group }**: { $pairs } pairs; too few for a global test.

## Phase

phase-heading = Where in the cycle between events
phase-intro = Each announcement between two events of a group gets a phase: 0 just after the first, a full turn just before the next. Null model: phases spread evenly around the cycle. The Rayleigh test looks for any preferred phase; the V-test for clustering toward the event.
phase-group = **{ $group }**: { $count } { $announcements }; mean phase { $percent }% of the way from one event to the next, resultant length { $length } (0 = no preferred phase, 1 = all alike); Rayleigh p = { $p_rayleigh }, V-test toward the event p = { $p_v }.
phase-group-untested = **{ $group }**: { $count } { $announcements } between two events; no test.

## Delay shuffle

shuffle-heading = Were { $announcements } held back until an event?
shuffle-none = No { $case } has its { $origin } date known to the day, so the delay-shuffle test cannot run.
shuffle-intro = { $count } { $cases } have their { $origin } date known to the day. Keeping those dates and giving the { $cases } each other's delays ({ $permutations } random permutations), how often do as many { $announcements } land in the windows as really did? Null model: delays were not chosen with the calendar in mind.
shuffle-strongest = The strongest of { $windows } windows: { $observed } of { $n } { $cases } within { $days } days { $direction } { $group_events }, against { $expected } under the null (p = { $p }). { $verdict }
shuffle-verdict-smallest = Read it as the smallest of many p-values, not adjusted for the others.
shuffle-verdict-none = No window gives evidence that delays were timed.

## Regression

regression-heading = Controlling for the trend
regression-intro = A Poisson regression of daily counts on a linear trend and the window indicators. Null model for each term: the same daily rate inside and outside its windows, given the trend. Standard errors are robust (HC0) and, because { $announcements } come in bursts, also Newey-West with { $lags } lags.
regression-intro-fixed = A Poisson regression of daily counts on a linear trend and the window indicators (with { $effects } fixed effects). Null model for each term: the same daily rate inside and outside its windows, given the trend. Standard errors are robust (HC0) and, because { $announcements } come in bursts, also Newey-West with { $lags } lags.
fixed-effect-year = year
fixed-effect-month = month
fixed-effect-weekday = weekday
regression-trend = Rate ratio per year of trend: { $ratio } (95% CI { $low } to { $high }), p = { $p }
regression-term = Rate ratio on days in { $term }: { $ratio } (95% CI { $low } to { $high }), p = { $p }
regression-newey-west = { $coefficient }; Newey-West p = { $p }.
regression-robust-only = { $coefficient }.
regression-not-estimated = { $term }: { $note }.

## Delays

delay-heading = How long were { $announcements } held back?
delay-intro = { $used } { $announcements } have their { $origin } date known to the day; { $left_out } others (no { $origin } date, or one known only to the month or year) are left out of this summary. Delay = { $announcement } date minus { $origin } date, in days. The median's interval is a percentile bootstrap with { $resamples } resamples.
delay-no-chart = With no { $origin } date known to the day there is no delay to show, so the report has no delay histogram.
column-category = Category
column-n = n
column-median = Median (95% CI)
column-quartiles = Quartiles
column-range = Range
column-mean = Mean
median-cell = { $median } ({ $low } to { $high })
median-cell-alone = { $median } (one case: no interval)
category-all = ALL

## Weekday

weekday-heading = Day of the week
weekday-count = { $day } { $observed } ({ $expected } expected)
weekday-test = { $counts }. Against the number of each weekday in the period, a chi-square test gives { $chi2 } on { $df } degrees of freedom, p = { $p }: { $verdict }.
weekday-verdict-pattern = { $announcements } favour some weekdays, which the other tests do not model
weekday-verdict-none = no clear weekday pattern

## Caveats

caveats-heading = What this does not show
caveat-intent = **Intent.** Clustering near events is consistent with strategic timing, but also with other causes: the events and the cases can share a cause, and some announcements follow the calendar of the cases themselves.
caveat-intent-bundled = **Intent.** Clustering near events is consistent with strategic timing, but also with other causes: events and defections can share a cause (a crisis, a sanctions round, a border incident), and some announcements follow the calendar of the cases themselves.
caveat-census = **A census.** If the cases are a selection (those that made the news, say) rather than all of them, they can cluster for reasons of selection.
caveat-census-bundled = **A census.** The bundled data are high-profile cases that made English-language news; routine arrivals are announced only as totals. A selected sample can cluster for reasons of selection.
caveat-choices = **Choices made in advance.** The study period, the event groups and the window widths shape every figure. They are fixed in the configuration and all windows are reported, but if they were chosen after seeing the data, the p-values are too small.
caveat-many-tests = **Many tests.** The smallest of many p-values is small by chance. Use the adjusted p-values for claims.
caveat-absence = **Absence of an effect.** With a few dozen cases, a real effect can go undetected; a large p-value is not proof that timing is innocent.
methods = Methods, null models and formulas: `docs/METHODS.md` in the northwind repository. Tables: { $tables }; every figure also in `summary.json`.
methods-bundled = Methods, null models and formulas: `docs/METHODS.md` in the northwind repository. Tables: { $tables }; every figure also in `summary.json`. Data sources: `data/SOURCES.md` for the bundled data; each case's source is linked in `index.html`.

## index.html

page-charts = Charts
page-no-charts = This report was made without charts (`--no-charts`, or `charts = false` under `[output]`).
page-cases = The cases
page-cases-first = The first { $shown } of { $total } rows by date; every row is in [tables/joined.csv](tables/joined.csv).
page-cases-first-no-joined = The first { $shown } of { $total } rows by date; `tables/joined.csv`, which would list every row, was left out of this report.
page-column-announced = Announced
page-column-case = Case
page-column-category = Category
page-column-people = People
page-column-delay = Delay (days)
page-column-source = Source
page-source-link = source
page-also-in = Also in: { $links }
# The language's name in itself, for the link to its report.
language-self-name = English

## charts/alt.md

alt-heading = Text alternatives of the charts
alt-intro = For the alt field of each image: what the chart shows, its key figures, and how to read it.
alt-files = Files: { $files }
