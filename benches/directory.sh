#!/usr/bin/env bash
# The directory search benchmark (issue 3): 290 municipalities and 300,000 organisations from
# `overens synth`, the release server, and wrk with 32 connections asking directory searches
# with a text query and two filters (benches/directory.lua). Run it through `./run bench`.
#
#   benches/directory.sh [sqlite|postgres|all]
#   BENCH_SECONDS=30 BENCH_ORGANISATIONS=300000 BENCH_MUNICIPALITIES=290 to change the sizes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

BIN=${OVERENS_BIN:-target/release/overens}
# The server refuses OVERENS_ settings it does not know: this one is the script's own.
unset OVERENS_BIN
SECONDS_PER_RUN=${BENCH_SECONDS:-20}
ORGS=${BENCH_ORGANISATIONS:-300000}
MUNIS=${BENCH_MUNICIPALITIES:-290}
PG_ADMIN=${OVERENS_TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}
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
    echo "== directory search on $name: $MUNIS municipalities, $ORGS organisations"
    "$BIN" synth --database-url "$url" --municipalities "$MUNIS" --organisations "$ORGS" --rooms 0 --bookings 0 --applications 0
    local port
    port=$(free_port)
    OVERENS_LOG=warn "$BIN" serve --database-url "$url" --bind "127.0.0.1:$port" >"$work/server.log" 2>&1 &
    server=$!
    for _ in $(seq 1 100); do
        curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
        sleep 0.2
    done
    curl -fs "http://127.0.0.1:$port/healthz" >/dev/null || { cat "$work/server.log"; exit 1; }
    # The municipalities' slugs, as a Lua table in front of the request script.
    curl -fs "http://127.0.0.1:$port/api/v1/municipalities" | python3 -c '
import json, sys
data = json.load(sys.stdin)
slugs = [m["slug"] for m in (data["municipalities"] if isinstance(data, dict) else data)]
print("SLUGS = {" + ",".join(json.dumps(s) for s in slugs) + "}")' >"$work/script.lua"
    cat benches/directory.lua >>"$work/script.lua"
    # One search shown, to see that it finds something.
    local first
    first=$(python3 -c 'import re,sys; print(re.findall(r"\"([^\"]+)\"", open(sys.argv[1]).readline())[0])' "$work/script.lua")
    echo "sample: /$first/foreningar?q=idrott&kategori=idrott&lokal=1 ->" \
        "$(curl -s -o /dev/null -w '%{http_code}, %{size_download} bytes, %{time_total} s' "http://127.0.0.1:$port/$first/foreningar?q=idrott&kategori=idrott&lokal=1")"
    wrk -t2 -c32 -d5s -s "$work/script.lua" "http://127.0.0.1:$port" >/dev/null # warm-up
    wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" --timeout 5s -s "$work/script.lua" "http://127.0.0.1:$port" | tail -n 2
    echo "-- /healthz on the same server, for the ratio (machines differ; the ratio travels)"
    wrk -t2 -c32 -d10s --timeout 5s "http://127.0.0.1:$port/healthz" | grep -E "Requests/sec"
    kill "$server"
    wait "$server" 2>/dev/null || true
    server=""
}

case "${1:-all}" in
    sqlite | all)
        bench sqlite "sqlite://$work/bench.db"
        ;;&
    postgres | all)
        psql "$PG_ADMIN" -qAt -c 'DROP DATABASE IF EXISTS overens_bench WITH (FORCE)' -c 'CREATE DATABASE overens_bench'
        bench postgres "${PG_ADMIN%/*}/overens_bench"
        psql "$PG_ADMIN" -qAt -c 'DROP DATABASE IF EXISTS overens_bench WITH (FORCE)'
        ;;
    sqlite) ;;
    *)
        echo "usage: benches/directory.sh [sqlite|postgres|all]" >&2
        exit 2
        ;;
esac
