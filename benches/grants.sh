#!/usr/bin/env bash
# The grants queue benchmark (issue 13): `overens synth` makes 60 synthetic municipalities with
# 300,000 organisations (5,000 each) and, in the first, a published programme with a period of
# 5,000 applications spread over the review's statuses. The release server runs over it; a
# handler signs in with curl (the login page's CSRF token and cookie, then the form), and wrk
# with 32 connections asks for the period's queue as the handler (benches/grants.lua: the first
# page, a status filter, page 50). /healthz on the same server right after gives the ratio that
# travels between machines. Run it through `./run bench grants`.
#
#   benches/grants.sh [sqlite|postgres|all]
#   BENCH_SECONDS=20 BENCH_APPLICATIONS=5000 BENCH_MUNICIPALITIES=60 BENCH_ORGANISATIONS=300000
#   to change the sizes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

source benches/lib.sh
APPLICATIONS=${BENCH_APPLICATIONS:-5000}
MUNIS=${BENCH_MUNICIPALITIES:-60}
ORGS=${BENCH_ORGANISATIONS:-300000}
PG_DB=overens_bench_grants
# The synthetic handler (crates/grants/src/synth.rs).
EMAIL=handlaggare.1@bidrag.syn.overens.example
PASSWORD=syntetiskt-losenord

bench() {
    local name=$1 url=$2
    echo
    echo "== grants queue on $name: $APPLICATIONS applications in one period, $MUNIS municipalities, $ORGS organisations"
    "$BIN" synth --database-url "$url" --municipalities "$MUNIS" --organisations "$ORGS" --rooms 0 --bookings 0 \
        --applications "$APPLICATIONS" | tee "$work/synth.txt"
    local queue
    queue=$(grep -o 'queue /[^,]*' "$work/synth.txt" | cut -d' ' -f2)
    [ -n "$queue" ] || { echo "synth made no queue" >&2; exit 1; }
    start_server "$url"
    sign_in "$EMAIL" "$PASSWORD"
    # The three kinds of page, once each, to see that they answer and show the queue.
    local path
    for path in "$queue" "$queue?status=submitted" "$queue?sida=50"; do
        curl -s -o "$work/page.html" -H "Cookie: $cookie" \
            -w "sample: $path -> %{http_code}, %{size_download} bytes, %{time_total} s" "$base$path"
        echo ", $(grep -o 'Visar [^<]*' "$work/page.html" || echo 'no queue shown')"
    done
    {
        echo "QUEUE = \"$queue\""
        echo "COOKIE = \"$cookie\""
        cat benches/grants.lua
    } >"$work/script.lua"
    wrk -t2 -c32 -d5s -s "$work/script.lua" "$base" >/dev/null # warm-up
    echo "-- the queue (40 % first page, 30 % a status filter, 30 % page 50), 32 connections, ${SECONDS_PER_RUN} s"
    wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" --timeout 5s -s "$work/script.lua" "$base" | tail -n 2 | tee "$work/queue.txt"
    healthz_wrk "$work/healthz.txt"
    python3 -c '
import re, sys
q = float(re.search(r"([0-9.]+) requests/s", open(sys.argv[1]).read()).group(1))
h = float(re.search(r"Requests/sec:\s*([0-9.]+)", open(sys.argv[2]).read()).group(1))
print(f"ratio (queue / healthz): {q / h:.3f}")' "$work/queue.txt" "$work/healthz.txt"
    stop_server
}

on_databases "${1:-all}" "$PG_DB" benches/grants.sh
