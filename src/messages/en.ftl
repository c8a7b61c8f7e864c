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
headline = Strongest window: { $observed } of { $n } within { $days } days { $direction } { $group_events } (expected { $expected }; exact p = { $p }, Holm { $holm })
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
