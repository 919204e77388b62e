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

BIN=${OVERENS_BIN:-target/release/overens}
# The server refuses OVERENS_ settings it does not know: this one is the script's own.
unset OVERENS_BIN
SECONDS_PER_RUN=${BENCH_SECONDS:-20}
APPLICATIONS=${BENCH_APPLICATIONS:-5000}
MUNIS=${BENCH_MUNICIPALITIES:-60}
ORGS=${BENCH_ORGANISATIONS:-300000}
PG_ADMIN=${OVERENS_TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}
PG_DB=overens_bench_grants
# The synthetic handler (crates/grants/src/synth.rs).
EMAIL=handlaggare.1@bidrag.syn.overens.example
PASSWORD=syntetiskt-losenord
work=$(mktemp -d)
server=""
cleanup() {
    [ -n "$server" ] && kill "$server" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

bench() {
    local name=$1 url=$2
    echo
    echo "== grants queue on $name: $APPLICATIONS applications in one period, $MUNIS municipalities, $ORGS organisations"
    "$BIN" synth --database-url "$url" --municipalities "$MUNIS" --organisations "$ORGS" --rooms 0 --bookings 0 \
        --applications "$APPLICATIONS" | tee "$work/synth.txt"
    local queue
    queue=$(grep -o 'queue /[^,]*' "$work/synth.txt" | cut -d' ' -f2)
    [ -n "$queue" ] || { echo "synth made no queue" >&2; exit 1; }
    local port base
    port=$(free_port)
    base="http://127.0.0.1:$port"
    OVERENS_LOG=warn "$BIN" serve --database-url "$url" --bind "127.0.0.1:$port" >"$work/server.log" 2>&1 &
    server=$!
    for _ in $(seq 1 100); do
        curl -fs "$base/healthz" >/dev/null 2>&1 && break
        sleep 0.2
    done
    curl -fs "$base/healthz" >/dev/null || { cat "$work/server.log"; exit 1; }
    # Sign in as the handler: the login page sets the CSRF cookie and carries its token.
    local jar=$work/cookies token status
    token=$(curl -fs -c "$jar" -b "$jar" "$base/konto/logga-in" |
        python3 -c 'import re,sys; print(re.search(r"name=\"_csrf\" value=\"([^\"]+)\"", sys.stdin.read()).group(1))')
    status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "_csrf=$token" \
        --data-urlencode "email=$EMAIL" --data-urlencode "password=$PASSWORD" --data-urlencode "next=/konto" \
        "$base/konto/logga-in")
    [ "$status" = 303 ] || { echo "login as $EMAIL answered $status" >&2; exit 1; }
    local cookie
    cookie=$(awk -F'\t' 'NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar")
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
    echo "-- /healthz on the same server, for the ratio (machines differ; the ratio travels)"
    wrk -t2 -c32 -d10s --timeout 5s "$base/healthz" | grep -E "Requests/sec" | tee "$work/healthz.txt"
    python3 -c '
import re, sys
q = float(re.search(r"([0-9.]+) requests/s", open(sys.argv[1]).read()).group(1))
h = float(re.search(r"Requests/sec:\s*([0-9.]+)", open(sys.argv[2]).read()).group(1))
print(f"ratio (queue / healthz): {q / h:.3f}")' "$work/queue.txt" "$work/healthz.txt"
    kill "$server"
    wait "$server" 2>/dev/null || true
    server=""
}

case "${1:-all}" in
    sqlite | all)
        bench sqlite "sqlite://$work/bench.db"
        ;;&
    postgres | all)
        psql "$PG_ADMIN" -qAt -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" -c "CREATE DATABASE $PG_DB"
        bench postgres "${PG_ADMIN%/*}/$PG_DB"
        psql "$PG_ADMIN" -qAt -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)"
        ;;
    sqlite) ;;
    *)
        echo "usage: benches/grants.sh [sqlite|postgres|all]" >&2
        exit 2
        ;;
esac
