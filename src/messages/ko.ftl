# northwind 메시지 카탈로그: 한국어.
#
# 차트의 모든 문장이 여기서 나온다. 수치는 이미 형식이 정해진 글자로,
# 자료의 용어는 $case, $announcement, $event, $origin 등으로 들어온다
# (영어의 대문자 형태 $Announcements 등은 한국어에서 같은 값이다).
# 번역은 영어 메시지의 모든 키와 그 자리표시자를 그대로 가져야 한다
# (테스트가 확인한다).

## 공통

report-title = { $announcements }은(는) { $events } 전후에 몰리는가?
group-events = { $group } { $events }
direction-before = 전
direction-after = 후
year-single = { $year }년
years-span = { $first }–{ $last }년
headline = 가장 두드러진 구간: { $group_events } { $direction } { $days }일 이내 { $n }건 중 { $observed }건(기댓값 { $expected }, 정확 검정 p = { $p }, Holm 보정 p = { $holm })
count-of = { $things } { $count }건

## 타임라인

chart-timeline-title = { $Announcements }, 그 전 대기 기간, { $event } 날짜
chart-timeline-title-no-origin = { $Announcements }과(와) { $event } 날짜, { $years }
chart-timeline-subtitle = { $counted }, { $years }. { $headline }
chart-timeline-subtitle-no-test = { $counted }, { $years }
chart-timeline-subtitle-weekly = 주별 { $Announcements } 건수(막대 높이가 건수에 비례). { $subtitle }
chart-timeline-caption = 점 하나가 { $announcement } 한 건이며, 범주별로 줄을 나눴다. { $Events }은(는) 아래 띠에 집단별로 한 줄씩 표시했다.
chart-timeline-caption-people = 점의 크기는 인원수에 따라 커진다(로그 척도).
chart-timeline-caption-waits = { $origin } 날짜가 알려진 경우 그 날짜까지 막대로 이었다.
chart-timeline-caption-weekly = 주별 { $Announcements } 건수를 범주별 줄에 그렸다. 막대 높이는 그 주의 건수에 비례한다(건수가 너무 많아 한 건씩 그리지 않았다). { $Events }은(는) 아래 띠에 집단별로 한 줄씩 표시했다.
chart-timeline-axis = { $Announcement } 날짜

## 월별 건수

chart-monthly-title = 월별 { $Announcements }, { $years }
chart-monthly-subtitle = { $months }개월 동안 { $counted }, 가장 많은 달은 { $busiest }({ $most }건)
chart-monthly-caption = 월별 { $Announcements } 건수. 막대 위 삼각형은 { $events }이(가) 있었던 달이며, 집단마다 줄과 색을 달리했다.
chart-monthly-legend = { $group_events }이(가) 있었던 달
chart-monthly-x-axis = { $announcement } 월
chart-monthly-y-axis = 월별 { $Announcements } 건수

## 구간 민감도

chart-sensitivity-title = { $group_events } 전후의 { $Announcements }: 구간 폭별 발생률비
chart-sensitivity-caption = { $group_events } 전(파랑)과 후(주황) W일 구간 안팎의 { $announcements } 발생률비와 정확 95% 신뢰구간. 1이면 몰림이 없다는 뜻이다. 가장 두드러진 한 점이 아니라 곡선 전체를 봐야 한다.
chart-sensitivity-legend-one = 발생률비 1 = 몰림 없음
chart-sensitivity-legend-before = { $group_events } 전, 95% 신뢰구간
chart-sensitivity-legend-after = { $group_events } 후, 95% 신뢰구간
chart-sensitivity-legend-zero-before = 전: 구간 안에 없음(발생률비 0)
chart-sensitivity-legend-zero-after = 후: 구간 안에 없음(발생률비 0)
chart-sensitivity-x-axis = 구간 폭 W(일, { $event } 당일 포함)
chart-sensitivity-y-axis = 발생률비(로그 척도)

## 사건 전후 히스토그램

chart-peri-title = { $group_events } 전후 일수별 { $Announcements }
chart-peri-subtitle = { $announcement }-{ $event } { $pairs }쌍. 전역 포락선 검정 p = { $p_studentized }(스튜던트화), p = { $p_erl }(극단 순위 길이). { $how }
chart-peri-subtitle-untested = { $announcement }-{ $event } { $pairs }쌍. 너무 적어 검정하지 않음({ $how })
chart-peri-exact = 정확 검정: 시점 이동 { $shifts }가지 전부
chart-peri-random = 무작위 시점 이동 { $shifts }회
chart-peri-caption = 각 { $announcement }은(는) 히스토그램 범위 안의 { $group_events } 하나하나에 대해 한 번씩, 그로부터 떨어진 일수의 칸에 셌다. 회색 점별 띠를 벗어나는 막대는 우연만으로도 어딘가에 나오기 마련이다. 파란 전역 포락선을 벗어나는 막대만이 귀무가설에 반하는 증거다.
chart-peri-legend-observed = 관측
chart-peri-legend-null = 귀무가설하 기댓값(시점 이동)
chart-peri-legend-global = 전역 95% 포락선(스튜던트화): 곡선 전체가 머물 것으로 예상되는 띠
chart-peri-legend-erl = 전역 95% 포락선(극단 순위 길이)
chart-peri-legend-pointwise = 점별 95% 띠: 곡선 전체가 아니라 칸 하나씩 따로 본 띠
chart-peri-x-axis = { $event } 기준 일수(음수: 이전)
chart-peri-y-axis = 칸별 쌍의 수
chart-peri-before = ← 이전
chart-peri-after = 이후 →

## 주기 장미도

chart-phase-title = { $announcements }은(는) { $group_events } 주기의 어디쯤에 나오는가?
chart-phase-subtitle = 연이은 두 { $group_events } 사이의 { $counted }. 합성 벡터 길이 { $length }, Rayleigh 검정 p = { $p_rayleigh }, { $event } 방향 V 검정 p = { $p_v }
chart-phase-subtitle-empty = 연이은 두 { $group_events } 사이에 나온 { $announcement } 없음
chart-phase-caption = 연이은 두 { $group_events } 사이 간격에서 { $announcements }이(가) 나온 위치: { $event }이(가) 맨 위에 있고, 시간은 시계 방향으로 다음 { $event }까지 흐른다.
chart-phase-legend-sectors = 간격 12등분 칸별 { $announcements } 건수(면적이 건수에 비례)
chart-phase-legend-mean = 평균 방향(길이: 합성 벡터 길이, 0~1)
chart-phase-top = { $event } (그리고 다음 { $event })
chart-phase-bottom = 다음까지 절반 지점
chart-phase-just-after = 직후 →
chart-phase-just-before = ← 직전

## 지연 히스토그램

chart-delay-title = { $origin }부터 { $announcement }까지 걸린 일수
chart-delay-subtitle = 중앙값 { $median }일(95% 신뢰구간 { $low }~{ $high }일). { $origin } 날짜가 일 단위까지 알려진 { $counted } 기준, 나머지 { $left_out }건 제외
chart-delay-caption = { $origin } 날짜가 일 단위까지 알려진 { $cases }만 대상으로 { $origin }부터 { $announcement }까지 걸린 일수를 셌다. 칸 폭이 두 배씩 넓어지므로 축은 로그 척도이며, 당일(0일) { $announcements }은(는) 따로 한 칸을 차지한다.
chart-delay-x-axis = { $origin }부터 { $announcement }까지 걸린 일수(칸 폭은 두 배씩 커짐)
chart-delay-y-axis = { $Announcements } 건수

## 요일

chart-weekday-title = 요일별 { $Announcements }
chart-weekday-subtitle = 기간 중 요일별 날수 대비 카이제곱 검정: 카이제곱 = { $chi2 }, 자유도 = { $df }, p = { $p }
chart-weekday-subtitle-empty = { $announcements } 없음
chart-weekday-caption = 요일별 { $Announcements } 건수. 주황 표시는 { $announcements }이(가) 요일과 무관할 때의 기댓값이다.
chart-weekday-legend-observed = 관측
chart-weekday-legend-expected = { $announcements }이(가) 요일과 무관할 때의 기댓값
chart-weekday-x-axis = { $announcement } 요일
chart-weekday-y-axis = { $Announcements } 건수
