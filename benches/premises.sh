#!/usr/bin/env bash
# The premises availability benchmark (issue 6): 290 synthetic municipalities with 5,000
# bookable rooms and 2 million bookings over a year around now from `overens synth`, the
# release server, and wrk with 32 connections asking for the search page, which shows twenty
# rooms that meet a need with each room's free times across the week (benches/premises.lua).
# A second run mixes in a room's week view and the availability API. Run it through
# `./run bench premises`.
#
#   benches/premises.sh [sqlite|postgres|all]
#   BENCH_SECONDS=20 BENCH_ROOMS=5000 BENCH_BOOKINGS=2000000 BENCH_MUNICIPALITIES=290
#   BENCH_ORGANISATIONS=30000 to change the sizes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

source benches/lib.sh
ROOMS=${BENCH_ROOMS:-5000}
BOOKINGS=${BENCH_BOOKINGS:-2000000}
MUNIS=${BENCH_MUNICIPALITIES:-290}
ORGS=${BENCH_ORGANISATIONS:-30000}

# The synthetic municipalities' slugs, room counts and some room ids, one line each
# (slug|room id), from the database.
rooms_of() {
    local name=$1 url=$2
    local sql="SELECT m.slug, r.id FROM premises_rooms r JOIN municipalities m ON m.id = r.municipality_id \
               WHERE m.slug LIKE 'syn-%' ORDER BY m.id, r.id"
    if [ "$name" = sqlite ]; then
        python3 -c 'import sqlite3, sys
for slug, rid in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]):
    print(f"{slug}|{rid}")' "${url#sqlite://}" "$sql"
    else
        psql "$url" -qAt -F'|' -c "$sql"
    fi
}

# The Lua header: MUNIS (slug, rooms, some room ids; largest first), DATES (the coming six
# weeks) and WEEKS (their ISO weeks).
lua_header() {
    python3 -c '
import collections, datetime, json, sys
rooms = collections.OrderedDict()
for line in sys.stdin:
    slug, rid = line.strip().split("|")
    rooms.setdefault(slug, []).append(int(rid))
munis = sorted(rooms.items(), key=lambda kv: -len(kv[1]))
print("MUNIS = {")
for slug, ids in munis:
    step = max(1, len(ids) // 20)
    print("  {slug=%s, rooms=%d, ids={%s}}," % (json.dumps(slug), len(ids), ",".join(map(str, ids[::step][:20]))))
print("}")
today = datetime.date.today()
dates = [today + datetime.timedelta(days=i) for i in range(42)]
print("DATES = {" + ",".join(json.dumps(d.isoformat()) for d in dates) + "}")
weeks = sorted({"%d-W%02d" % d.isocalendar()[:2] for d in dates})
print("WEEKS = {" + ",".join(json.dumps(w) for w in weeks) + "}")'
}

run_wrk() { mix_wrk benches/premises.lua "$1"; }

bench() {
    local name=$1 url=$2
    echo
    echo "== premises availability on $name: $MUNIS municipalities, $ROOMS rooms, $BOOKINGS bookings"
    "$BIN" synth --database-url "$url" --municipalities "$MUNIS" --organisations "$ORGS" \
        --rooms "$ROOMS" --bookings "$BOOKINGS" --applications 0
    rooms_of "$name" "$url" | lua_header >"$work/header.lua"
    start_server "$url"
    # One search shown, in the largest municipality, to see that it finds something.
    local first day path
    first=$(python3 -c 'import re,sys; print(re.findall(r"slug=\"([^\"]+)\"", open(sys.argv[1]).read())[0])' "$work/header.lua")
    day=$(date -d tomorrow +%F)
    path="/$first/lokaler?datum=$day&fran=18:00&till=20:00&personer=10&utrustning=projector"
    curl -s -o "$work/sample.html" -w "sample: $path -> %{http_code}, %{size_download} bytes, %{time_total} s" \
        "$base$path"
    echo ", $(grep -c 'lokaler/rum/' "$work/sample.html" || true) rooms shown"
    echo "-- the search page (date, people, equipment or accessibility, with or without a time)"
    run_wrk search
    echo "-- mixed: 70 % search page, 20 % a room's week, 10 % the availability API"
    run_wrk mixed
    healthz_wrk
    stop_server
}

on_databases "${1:-all}" overens_bench benches/premises.sh
