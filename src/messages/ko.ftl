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
headline = 가장 두드러진 구간: { $group_events } { $direction } { $days }일 이내 { $n }건 중 { $observed }건(기댓값 { $expected }, 정확 검정 p = { $p }, 다중 검정 보정 p = { $adjusted })
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

## 보고서: summary.md와 index.html
#
# 마크다운을 쓸 수 있다(자료에서 온 글자는 여기 오기 전에 이스케이프된다).
# 수는 단위를 붙여 들어온다: $observed는 영어로 "3", 한국어로 "3건"이다
# (count-announcements, count-people 참고).

count-announcements = { $count }건
count-people = { $count }명
unit-people = 인원
number-infinite = 무한대
number-missing = 해당 없음
range = { $low }~{ $high }
report-made-by = northwind { $version } 보고서. 난수 시드 { $seed }.
report-input-announcements = { $Announcements } 자료: { $source }
report-input-events = { $Events } 자료: { $source }
report-input-encoded = { $source }({ $encoding }(으)로 읽음)
report-input-embedded = { $name }(northwind에 내장된 사본)

## 지난 실행 이후

since-heading = 지난 실행 이후 바뀐 점
since-nothing = 바뀐 것이 없다. 입력과 설정이 같으므로 결과도 같다.
since-version = northwind 버전: { $before } → { $now }
since-file-announcements = 발표 자료 파일: { $named }({ $content })
since-file-events = 사건 자료 파일: { $named }({ $content })
since-content-changed = 내용이 바뀜
since-content-same = 내용은 같음
since-setting = { $setting } 설정 변경: { $before } → { $now }
since-period = 분석 기간: { $before } → { $now }
setting-announcement-columns = 발표 자료 열 이름 [columns]
setting-event-columns = 사건 자료 열 이름 [event_columns]
setting-announcement-date-formats = 발표 자료의 날짜 형식 [input] date_formats
setting-event-date-formats = 사건 자료의 날짜 형식 [input] date_formats
setting-timezone = 시각의 시간대 [input] timezone
setting-delimiter = 구분 문자 [input] delimiter
setting-encoding = 문자 인코딩 [input] encoding
setting-period-start = 분석 기간 시작일
setting-period-end = 분석 기간 종료일
setting-groups = 사건 집단 [groups]
setting-windows = 일 단위 구간 폭
setting-weight-by-people = 인원 기준 집계(weight_by_people)
setting-seed = 난수 시드
setting-permutations = 몬테카를로 반복 횟수(permutations)
setting-output = 보고서 구성 [output]
setting-peth = 사건 전후 히스토그램
setting-regression-terms = 회귀 항
setting-fixed-effects = 회귀 고정 효과
setting-hac-lags = Newey-West 시차 수
setting-local-shift-days = 국지 시점 이동 검정의 최대 이동 일수(local_shift_days)
setting-chart-size = 차트 크기
setting-chart-theme = 차트 색상(theme)
setting-chart-pdf = 인쇄용 차트 PDF
setting-languages = 보고서 언어
setting-wordings = 보고서 문구(제목·출처 표기·용어·레이블)
setting-not-set = 설정 없음
setting-default = 기본값
setting-kind-prefix = 종류 접두어마다 집단 하나
since-list = { $what }({ $count }): { $items }
since-list-more = { $items } 외 { $more }개
since-groups-added = 추가된 사건 집단
since-groups-removed = 빠진 사건 집단
since-groups-regrouped = 구성 종류가 바뀐 사건 집단
since-regrouped = { $group }(종류 { $before }개 → { $now }개)
since-events-added = 추가된 사건
since-events-removed = 빠진 사건
since-events-moved = 날짜가 바뀐 사건
since-events-not-compared = 사건: 하나하나 비교하지 않았다(이전 보고서에 사건 목록이 없다).
since-cases-not-compared = 사례: 하나하나 비교하지 않았다({ $max }행이 넘는 보고서이거나 `tables/joined.csv`가 없는 보고서). 아래 검정 결과는 비교했다.
since-cases-added = 추가된 사례
since-cases-removed = 빠진 사례
since-cases-edited = 수정된 사례
since-tests = 구간 검정: { $before }개 → { $now }개(더 이상 하지 않는 검정 { $removed }개, 새 검정 { $added }개)
since-moved = { $test }: 관측 { $before } → { $now }, 정확 시점 이동 검정 p { $p_before } → { $p_now }(Holm 보정 { $holm_before } → { $holm_now })
since-moved-crossed = { $test }: 관측 { $before } → { $now }, 정확 시점 이동 검정 p { $p_before } → { $p_now }(Holm 보정 { $holm_before } → { $holm_now }), **0.05 기준 통과 여부가 바뀜**
since-moved-more = 그 밖에 구간 검정 { $more }개의 값이 바뀌었다(모두 `summary.json`의 `since_last_run`에 있다).

## 결과

found-heading = 결과
found-none = 검정 { $tests }개에 대해 다중 검정 보정을 하면 유의수준 5%에서 유의한 구간은 하나도 없다. 이 자료만으로는 { $unit }이(가) 어느 사건 집단 전후에 몰린다는 확실한 증거가 없다. 그렇다고 몰리지 않는다는 증거도 아니다. 사례가 적으면 실제 효과가 있어도 검정이 놓칠 수 있다.
found-strongest = 가장 두드러진 결과 하나: { $finding }
found-local = { $group } 사건은 분석 기간의 일부에만 몰려 있어, 순환 시점 이동 검정은 우연에 의한 기댓값을 너무 낮게 잡고 p값도 실제보다 작게 낸다. 국지 시점 이동 검정으로 구한 이 구간의 p값은 { $p_local }이다(이 검정에서 우연에 의한 기댓값은 { $unit } { $expected }이(가) 아니라 { $null_local }이다).
found-fewer = 우연으로 기대되는 것보다 { $unit }이(가) 적은 구간(시점 이동 검정의 아래쪽 꼬리 p가 0.05 미만, 구간 수에 대한 보정 없음): { $windows }.
found-fewer-window = { $where } { $observed }, 기댓값 { $expected }(p = { $p })
found-alone-notable = 이 p값만 따로 보면 눈에 띄지만, p값 { $tests }개 가운데 가장 작은 값이고 미리 정해 둔 검정도 아니다.
found-alone-not-notable = 이 p값은 따로 보아도 눈에 띄지 않는다. 게다가 p값 { $tests }개 가운데 가장 작은 값이고 미리 정해 둔 검정도 아니다.
found-some = 검정 { $tests }개에 대해 다중 검정 보정을 한 뒤에도, 유의수준 5%에서 우연으로 설명하기 어려울 만큼 { $unit }이(가) 많이 든 구간이 { $count }개 있다:
found-p-meaning = p값은 발표 시점이 사건과 무관하다고 가정할 때 이만큼 강하거나 더 강한 결과가 나올 확률이다. p값은 발표가 몰리는 이유를 말해 주지 않는다. 발표 시점은 다른 이유로도 정해질 수 있으며(아래 참고), 이 결과가 의도를 보여 주지는 않는다.
finding = { $unit } { $n } 중 { $observed }이(가) { $where } 나왔다. 우연이라면 { $expected }이(가) 예상된다({ $rate_ratio }, { $unit }이(가) 서로 독립이라는 가정 아래 구한 값). 정확 시점 이동 검정 p = { $p }, 검정한 구간 { $tests }개 전체를 감안한 다중 검정 보정 p = { $adjusted }이다.
finding-hits = 이 { $unit }은(는) { $days }에 나왔고, { $events }의 구간에 들었다.
hits-days-one = 하루
hits-days = 서로 다른 { $count }일
hits-events-one = 사건 하나
hits-events = 서로 다른 사건 { $count }건
finding-rate-ratio = 발생률비 { $ratio }, 95% 신뢰구간 { $low }~{ $high }
finding-rate-ratio-undefined = 발생률비 산출 불가
window-on-day = { $group } 당일에
window-before = { $group } 당일 또는 그 전 { $days }일 사이에
window-after = { $group } 당일 또는 그 후 { $days }일 사이에

## 검정한 것

tested-heading = 무엇을 검정했나
tested-data = { $start }부터 { $end }까지({ $days }일)의 { $announcements } { $count }(인원 { $people })을 사건 집단 { $groups_count }개와 비교했다. 사건 집단: { $groups }.
tested-single-kind-groups = 사건 집단 { $groups }개 가운데 { $count }개는 종류가 하나뿐이다. 종류 이름에 `_` 앞의 공통 접두어가 없어 집단마다 따로 검정했고, 그만큼 검정 수가 늘었다. 함께 검정하려면 `[analysis] group_by = "one"`으로 모든 종류를 한 집단에 넣거나, `[groups]`에 집단을 적거나, 사건 파일에 `group` 열을 두고 `group_by = "column"`을 쓴다.
tested-ids-by-line = 발표 파일에 `id` 열이 없어 각 사례를 이름으로, 이름이 없으면 파일의 줄 번호(`line 14`)로 가리켰다. 다른 이름의 열에 식별자가 있다면 `northwind.toml`에 그 열을 적는다(`[columns] id = "사례번호"`). 그러면 다음 실행에서 어떤 사례가 새로 들어왔는지 알려 줄 수 있다.
tested-outside-period = 파일의 { $announcements } 가운데 { $count }은(는) 분석 기간 밖에 있어(기간 전 { $before }, 기간 후 { $after }) 모든 수치와 표에서 뺐다.
tested-outside-period-one = 파일의 { $announcement } 가운데 { $count }은(는) 분석 기간 밖에 있어(기간 전 { $before }, 기간 후 { $after }) 모든 수치와 표에서 뺐다.
tested-group = **{ $group }**(사건 일수 { $days }일)
tested-group-one = **{ $group }**(사건 일수 1일)
tested-how = 사건 집단마다, 구간 폭({ $widths }일)마다, 두 방향(사건 당일과 그 *전* 며칠, 또는 사건 당일과 그 *후* 며칠)마다 구간에 든 { $unit }을(를) 세고, 그 수를 다음 두 가지 방법으로 우연에 의한 기댓값과 비교했다.
tested-shift = **순환 시점 이동 검정(circular-shift test; 주 검정, 정확 검정).** 모든 발표 날짜를 같은 날수만큼 한꺼번에 옮기되 분석 기간 끝을 넘으면 처음으로 돌아오게 하여, 가능한 이동 { $shifts }가지를 모두 계산한다. p값은 이 가운데 구간에 드는 { $unit }이(가) 실제 날짜일 때와 같거나 더 많은 이동의 비율이다. 발표가 몰려 나오는 묶음이 그대로 유지되므로, 바쁜 한 주가 서로 독립적인 우연 여러 번으로 둔갑하지 않는다.
tested-binomial = **이항 검정(보조 검정).** 발표 하나하나가 서로 독립적으로, 기간 중 무작위로 고른 하루에 나온다고 가정한다. 발표가 묶음으로 나오면 이 가정이 맞지 않아 p값이 실제보다 작게 나온다(지나치게 낙관적인 검정이 된다).
tested-family = 이렇게 검정이 { $tests }개이므로, 시점 이동 검정의 p값마다 여러 구간을 모두 시험해 본 것을 감안해 보정한 값도 함께 냈다. 보정 p값은 같은 시점 이동 가운데, 구간 { $tests }개 중 가장 극단적인 구간의 결과가 실제 자료에서 이 구간이 보인 결과만큼 또는 그보다 더 극단적으로 나오는 이동의 비율이다(정확 min-p 보정). 구간들이 서로 포개어 있고 하나의 귀무 모형을 함께 쓴다는 점을 반영하므로, 구간들을 서로 무관한 검정으로 보는 Holm 보정만큼 p값을 키우지 않는다. `tables/window_tests.csv`에는 Holm 보정값과 Benjamini-Hochberg 보정값도 있다. 분석 기간의 하루도 덮지 않거나 모든 날을 덮는 구간은 언제나 p = 1이므로 보정 대상에서 뺐다.
tested-local = 순환 시점 이동은 기간 끝을 넘어간 날짜를 기간 처음으로 돌려 넣으므로, { $unit }을(를) 어떤 사건 집단의 사건이 전혀 없는 해로 옮길 수 있다. 이를 점검하려고 **국지 시점 이동 검정**(local shift test)도 했다. 모든 발표 날짜를 같은 날수만큼 한꺼번에, 앞뒤로 최대 { $days }일까지만 옮기되 기간 끝에서 처음으로 돌아오지 않게 하고, 분석 기간 안팎을 가리지 않고 사건 파일의 모든 사건 구간과 비교한다. p값, 즉 p(국지 이동)는 이렇게 가능한 이동 { $shifts }가지 가운데 구간에 드는 { $unit }이(가) 실제 날짜일 때와 같거나 더 많은 이동의 비율이다. 구간 수에 대한 다중 검정 보정은 하지 않았다.
tested-short-span = **{ $group }**: 분석 기간 안의 사건이 { $first }부터 { $last }까지의 기간에만 있어, 그 범위가 분석 기간의 절반에 못 미친다. 그래서 이 집단에는 순환 시점 이동 검정의 귀무가설하 기댓값이 지나치게 낮게 잡혀 p값이 실제보다 작게 나온다. 이 집단의 결과를 인용할 때는 다중 검정 보정 p값과 함께 p(국지 이동)를 보아야 한다. p(국지 이동)는 구간 수에 대해 보정하지 않은 값이다.
tested-local-calendar = 사건 파일에는 { $first }부터 { $last }까지의 사건이 있고, 국지 시점 이동으로 옮긴 날짜는 { $from }부터 { $to }까지 걸친다. 옮긴 날짜가 사건 파일의 범위를 벗어나는 부분에서는 파일에 없는 사건의 구간을 셀 수 없으므로, 분석 기간 처음이나 끝 무렵의 발표 때문에 p(국지 이동)가 실제보다 조금 작게 나올 수 있다.
column-group = 집단
column-direction = 방향
column-window = 구간(일)
column-observed = 관측값
column-expected = 기댓값
column-rate-ratio = 발생률비(95% 신뢰구간)
column-p-shift = p(시점 이동)
column-p-adjusted = p(다중 검정 보정)
column-p-local = p(국지 이동)
column-p-binomial = p(이항)
rate-ratio-cell = { $ratio }({ $low }~{ $high })
rate-ratio-cell-undefined = 산출 불가

## 사건 전후 발표 분포

peth-heading = 사건 전후 발표 시점의 분포
peth-intro = 서로 { $half_width }일 이내인 발표와 사건의 모든 쌍을 떨어진 일수별로 셌다({ $bin }일 단위). 귀무 모형: 시점 이동 검정에서처럼 발표 날짜의 배열을 그대로 둔 채 기간 안에서 순환 이동한 것. *점별* 띠를 벗어나는 막대는 우연만으로도 어딘가에 나오기 마련이며, *전역* 포락선 검정은 곡선 전체를 한 번에 검정한다.
peth-exact = 시점 이동 { $shifts }가지 전부에 대한 정확 검정
peth-random = 무작위 시점 이동 { $shifts }회
peth-group = **{ $group }**: { $pairs }쌍. 전역 포락선 검정 p = { $p }(스튜던트화 최대 편차), p = { $p_erl }(극단 순위 길이), { $how }.
peth-group-untested = **{ $group }**: { $pairs }쌍. 전역 검정을 하기에는 너무 적다.

## 주기

phase-heading = 발표는 사건과 사건 사이의 어디쯤에 나오나
phase-intro = 한 집단의 두 사건 사이에 나온 발표마다 위상을 매겼다. 앞 사건 직후가 0, 다음 사건 직전이 한 바퀴다. 귀무 모형: 위상이 주기 전체에 고르게 퍼져 있다. Rayleigh 검정은 어느 쪽이든 선호하는 위상이 있는지를, V 검정은 사건 쪽으로 몰리는지를 본다.
phase-group = **{ $group }**: { $announcements } { $count }. 평균 위상은 한 사건에서 다음 사건까지의 { $percent }% 지점, 합성 벡터 길이 { $length }(0 = 선호 위상 없음, 1 = 모두 같음). Rayleigh 검정 p = { $p_rayleigh }, 사건 방향 V 검정 p = { $p_v }.
phase-group-untested = **{ $group }**: 두 사건 사이에 나온 { $announcements } { $count }. 검정하지 않았다.

## 지연 뒤섞기

shuffle-heading = { $announcements }은(는) 사건 때까지 미뤄졌나
shuffle-none = { $origin } 날짜가 일 단위까지 알려진 { $case }이(가) 없어 지연 기간 순열 검정을 할 수 없다.
shuffle-intro = { $origin } 날짜가 일 단위까지 알려진 { $cases }은(는) { $count }이다. { $origin } 날짜는 그대로 두고 { $cases }끼리 지연 기간을 서로 맞바꿔(무작위 순열 { $permutations }회), 실제와 같거나 더 많은 { $announcements }이(가) 구간에 드는 경우가 얼마나 자주 나오는지 보았다. 귀무 모형: 지연 기간이 사건 일정과 무관하게 정해졌다고 가정한다.
shuffle-strongest = 구간 { $windows }개 가운데 가장 두드러진 것: { $group_events } { $direction } { $days }일 이내에 { $cases } { $n } 중 { $observed }, 귀무가설하 기댓값 { $expected }(p = { $p }). { $verdict }
shuffle-verdict-smallest = 이 값은 여러 p값 가운데 가장 작은 것이며, 다른 검정을 고려한 보정을 거치지 않았다는 점을 감안해 읽어야 한다.
shuffle-verdict-none = 지연 기간이 사건 일정에 맞춰 정해졌다는 증거를 보이는 구간은 없다.

## 회귀

regression-heading = 추세를 통제하면
regression-intro = 일별 건수를 반응변수로, 선형 추세와 구간 지시변수를 설명변수로 하는 포아송 회귀를 적합했다. 각 항의 귀무 모형: 추세를 통제했을 때 구간 안과 밖의 일별 발생률이 같다. 표준오차는 강건 표준오차(HC0)를 썼고, { $announcements }이(가) 묶음으로 나오므로 시차 { $lags }의 Newey-West 표준오차도 구했다.
regression-intro-fixed = 일별 건수를 반응변수로, 선형 추세와 구간 지시변수, { $effects } 고정 효과를 설명변수로 하는 포아송 회귀를 적합했다. 각 항의 귀무 모형: 추세를 통제했을 때 구간 안과 밖의 일별 발생률이 같다. 표준오차는 강건 표준오차(HC0)를 썼고, { $announcements }이(가) 묶음으로 나오므로 시차 { $lags }의 Newey-West 표준오차도 구했다.
fixed-effect-year = 연도
fixed-effect-month = 월
fixed-effect-weekday = 요일
regression-trend = 추세 1년당 발생률비: { $ratio }(95% 신뢰구간 { $low }~{ $high }), p = { $p }
regression-term = { $term } 구간에 속한 날의 발생률비: { $ratio }(95% 신뢰구간 { $low }~{ $high }), p = { $p }
regression-newey-west = { $coefficient }, Newey-West p = { $p }.
regression-robust-only = { $coefficient }.
regression-not-estimated = { $term }: { $note }.

## 지연

delay-heading = { $announcements }까지 얼마나 걸렸나
delay-intro = { $origin } 날짜가 일 단위까지 알려진 { $announcements }은(는) { $used }이고, 나머지 { $left_out }({ $origin } 날짜가 없거나 월·연 단위로만 알려진 경우)은 이 요약에서 뺐다. 지연 = { $announcement } 날짜 − { $origin } 날짜(일). 중앙값의 95% 신뢰구간은 { $resamples }회 재표집한 백분위수 부트스트랩으로 구했다.
delay-no-chart = { $origin } 날짜가 일 단위까지 알려진 경우가 없어 보여 줄 지연이 없으므로, 지연 히스토그램은 싣지 않았다.
column-category = 범주
column-n = 건수
column-median = 중앙값(95% 신뢰구간)
column-quartiles = 사분위수
column-range = 범위
column-mean = 평균
median-cell = { $median }({ $low }~{ $high })
median-cell-alone = { $median }(사례 1건: 구간 없음)
category-all = 전체

## 요일

weekday-heading = 요일
weekday-count = { $day } { $observed }(기댓값 { $expected })
weekday-test = { $counts }. 기간 중 요일별 날수를 기준으로 한 카이제곱 적합도 검정: 카이제곱 = { $chi2 }(자유도 { $df }), p = { $p }. { $verdict }.
weekday-verdict-pattern = { $announcements }이(가) 특정 요일에 치우치며, 다른 검정은 이를 모형에 넣지 않는다
weekday-verdict-none = 뚜렷한 요일 패턴은 없다

## 한계

caveats-heading = 이 결과가 보여 주지 않는 것
caveat-intent = **의도.** 발표가 사건 전후에 몰리는 현상은 시점을 전략적으로 골랐다는 설명과도 맞지만, 다른 설명과도 맞는다. 사건과 사례가 같은 원인에서 비롯될 수 있고, 어떤 발표는 해당 사례 자체의 일정에 따라 나온다. 몰림만으로는 의도를 보여 줄 수 없다.
caveat-intent-bundled = **의도.** 발표가 사건 전후에 몰리는 현상은 시점을 전략적으로 골랐다는 설명과도 맞지만, 다른 설명과도 맞는다. 사건과 탈북이 같은 원인(위기 상황, 새 제재, 접경 지역 충돌 등)에서 비롯될 수 있고, 어떤 발표는 해당 사례 자체의 일정에 따라 나온다. 몰림만으로는 의도를 보여 줄 수 없다.
caveat-census = **전수 자료 여부.** 사례가 전부가 아니라 일부(예컨대 보도된 것만)라면, 선별 방식 때문에 몰림이 생길 수 있다.
caveat-census-bundled = **전수 자료 여부.** 내장 자료는 영어권 언론에 보도된 주목도 높은 사례들이다. 일상적인 탈북민 입국은 개별 발표 없이 합계로만 공개된다. 이렇게 선별된 표본에서는 선별 방식 때문에 몰림이 나타날 수 있다.
caveat-choices = **사전에 정한 분석 설정.** 분석 기간, 사건 집단, 구간 폭이 모든 수치를 좌우한다. 이 값들은 설정 파일에 고정되어 있고 결과는 모든 구간에 대해 보고되지만, 자료를 본 뒤에 이 값들을 골랐다면 p값은 실제보다 작게 나온다.
caveat-many-tests = **다중 검정.** 여러 p값 가운데 가장 작은 값은 우연만으로도 작게 나오기 마련이다. 결과를 주장하거나 인용할 때는 다중 검정 보정 p값을 써야 한다.
caveat-absence = **효과의 부재.** 사례가 수십 건에 불과하면 실제 효과가 있어도 드러나지 않을 수 있다. p값이 크다고 해서 발표 시점이 사건과 무관하다는 증거가 되지는 않는다.
methods = 방법, 귀무 모형, 공식: northwind 저장소의 `docs/METHODS.md`. 표: { $tables }. 모든 수치는 `summary.json`에도 있다.
methods-bundled = 방법, 귀무 모형, 공식: northwind 저장소의 `docs/METHODS.md`. 표: { $tables }. 모든 수치는 `summary.json`에도 있다. 자료 출처: 내장 자료는 `data/SOURCES.md`에 정리되어 있고, 사례별 출처는 `index.html`에 링크되어 있다.

## index.html

page-charts = 차트
page-no-charts = 이 보고서는 차트 없이 만들었다(`--no-charts`, 또는 `[output]`의 `charts = false`).
page-cases = 사례 목록
page-cases-first = 전체 { $total }행 가운데 날짜순으로 처음 { $shown }행. 모든 행은 [tables/joined.csv](tables/joined.csv)에 있다.
page-cases-first-no-joined = 전체 { $total }행 가운데 날짜순으로 처음 { $shown }행. 모든 행을 담는 `tables/joined.csv`는 이 보고서에서 뺐다.
page-column-announced = 발표일
page-column-case = 사례
page-column-category = 범주
page-column-people = 인원
page-column-delay = 지연(일)
page-column-source = 출처
page-source-link = 출처
page-also-in = 다른 언어: { $links }
language-self-name = 한국어

## charts/alt.md

alt-heading = 차트 대체 텍스트
alt-intro = 이미지마다 대체 텍스트(alt) 칸에 넣을 글: 차트가 보여 주는 것, 주요 수치, 읽는 법.
alt-files = 파일: { $files }
