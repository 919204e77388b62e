#!/usr/bin/env bash
# The openness benchmark (issue 17): 290 synthetic municipalities with 1 000 000 events of the
# shared calendar (over a year before and after now, some weekly) and 100 000 decisions (over
# five years) from `overens synth`, spread by size (the first synthetic municipality has about a
# tenth), the release server, and wrk with 32 connections against the largest municipality:
# its decisions feeds (RSS and Atom, for the whole municipality and per body), then its month
# calendar for the current and the next month (benches/openness.lua); then the month calendar
# of a municipality of median size (the 145th of 290). /healthz on the same server follows, for
# the ratio. Run it through `./run bench openness`.
#
#   benches/openness.sh [sqlite|postgres|all]
#   BENCH_SECONDS=20 BENCH_EVENTS=1000000 BENCH_DECISIONS=100000 BENCH_MUNICIPALITIES=290
#   BENCH_ORGANISATIONS=30000 to change the sizes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

source benches/lib.sh
EVENTS=${BENCH_EVENTS:-1000000}
DECISIONS=${BENCH_DECISIONS:-100000}
MUNIS=${BENCH_MUNICIPALITIES:-290}
ORGS=${BENCH_ORGANISATIONS:-30000}

# query NAME URL SQL: the rows of one column, one a line.
query() {
    local name=$1 url=$2 sql=$3
    if [ "$name" = sqlite ]; then
        python3 -c 'import sqlite3, sys
for (v,) in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]):
    print(v)' "${url#sqlite://}" "$sql"
    else
        psql "$url" -qAt -c "$sql"
    fi
}

# The committees' filter keys of a municipality, one a line, from the database.
committees_of() {
    query "$1" "$2" "SELECT DISTINCT d.committee_key FROM openness_decisions d JOIN municipalities m \
        ON m.id = d.municipality_id WHERE m.slug = '$3' AND d.committee_key <> '' ORDER BY 1"
}

# The Lua header: SLUG, MEDIAN (a municipality of median size), BODIES (the feeds' ?organ=
# values) and MONTHS (this one and the next).
lua_header() {
    local slug=$1 median=$2
    python3 -c '
import datetime, json, sys
slug = sys.argv[1]
print("MEDIAN = %s" % json.dumps(sys.argv[2]))
bodies = ["kommunfullmaktige", "kommunstyrelsen"] + ["namnd-" + k.strip() for k in sys.stdin if k.strip()]
print("SLUG = %s" % json.dumps(slug))
print("BODIES = {" + ",".join(json.dumps(b) for b in bodies) + "}")
today = datetime.date.today()
first = today.replace(day=1)
following = (first + datetime.timedelta(days=32)).replace(day=1)
print("MONTHS = {%s,%s}" % (json.dumps(first.strftime("%Y-%m")), json.dumps(following.strftime("%Y-%m"))))' "$slug" "$median"
}

run_wrk() { mix_wrk benches/openness.lua "$1"; }

# sample PATH WHAT: one request shown, with its status, size and time, and how many WHAT it holds.
sample() {
    local path=$1 what=$2
    curl -s -o "$work/sample" -w "sample: $path -> %{http_code}, %{size_download} bytes, %{time_total} s" "$base$path"
    echo ", $(grep -o "$what" "$work/sample" | wc -l) × $what"
}

bench() {
    local name=$1 url=$2
    echo
    echo "== openness on $name: $MUNIS municipalities, $EVENTS events, $DECISIONS decisions"
    "$BIN" synth --database-url "$url" --municipalities "$MUNIS" --organisations "$ORGS" \
        --rooms 0 --bookings 0 --applications 0 --events "$EVENTS" --decisions "$DECISIONS" | tee "$work/synth.log"
    local slug median
    slug=$(sed -n 's/.*the largest municipality \([a-z0-9-]*\) has.*/\1/p' "$work/synth.log")
    [ -n "$slug" ] || { echo "synth did not name the largest municipality" >&2; exit 1; }
    median=$(query "$name" "$url" "SELECT slug FROM municipalities WHERE slug LIKE 'syn-%' ORDER BY id \
        LIMIT 1 OFFSET $((MUNIS / 2 - 1))")
    committees_of "$name" "$url" "$slug" | lua_header "$slug" "$median" >"$work/header.lua"
    start_server "$url"
    local month
    month=$(date +%Y-%m)
    sample "/$slug/beslut/rss" "<item>"
    sample "/$slug/beslut/atom?organ=kommunstyrelsen" "<entry>"
    sample "/$slug/evenemang?vy=manad&manad=$month" "<li"
    sample "/$median/evenemang?vy=manad&manad=$month" "<li"
    echo "-- the decisions feeds: RSS and Atom, the whole municipality (half) or one body"
    run_wrk feeds
    echo "-- the month calendar: this month and the next"
    run_wrk month
    echo "-- the month calendar of a municipality of median size ($median): this month and the next"
    run_wrk median
    healthz_wrk
    stop_server
}

on_databases "${1:-all}" overens_bench_openness benches/openness.sh
