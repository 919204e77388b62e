#!/usr/bin/env bash
# Screenshots of the demo for the README and the issue: builds the server, starts the demo on a
# new SQLite file and a free port, and takes headless Chromium pictures of the public pages at a
# desktop width (1280 px) and a phone's (390 px) into docs/screenshots/<page>-desktop.png and
# <page>-phone.png. Then prints what Sala's start page weighs: its HTML, the stylesheet and the
# fonts, as a browser fetches them. The server is stopped at the end, whatever happens.
#
#   scripts/screenshots.sh            (from the repository root or anywhere)
#   CHROMIUM=/path/to/chromium scripts/screenshots.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
chromium="${CHROMIUM:-chromium}"
out="$root/docs/screenshots"
mkdir -p "$out"

tmp="$(mktemp -d)"
server=""
stop() {
    if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
        kill "$server" 2>/dev/null || true
        wait "$server" 2>/dev/null || true
    fi
    rm -rf "$tmp"
}
trap stop EXIT

echo "==> Building the server"
cargo build --quiet --bin overens

# A free port: ask the system for one.
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:$port"
echo "==> Starting the demo on $base (database $tmp/demo.db)"
target/debug/overens demo --bind "127.0.0.1:$port" --database-url "sqlite://$tmp/demo.db" >"$tmp/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do
    if curl -fsS "$base/healthz" >/dev/null 2>&1; then
        break
    fi
    if ! kill -0 "$server" 2>/dev/null; then
        cat "$tmp/server.log" >&2
        echo "the server stopped" >&2
        exit 1
    fi
    sleep 0.5
done
curl -fsS "$base/healthz" >/dev/null || { cat "$tmp/server.log" >&2; echo "no answer on /healthz" >&2; exit 1; }

# The first link on a page that matches a pattern (an address on this site).
first_link() {
    curl -fsS "$base$1" | grep -o "href=\"$2\"" | head -n 1 | sed 's/^href="//; s/"$//; s/&amp;/\&/g'
}
meeting="$(first_link /sala/moten '/sala/moten/[0-9][0-9]*')"
room="$(first_link /sala/lokaler '/sala/lokaler/rum/[0-9][0-9]*[^"]*')"
[ -n "$meeting" ] || { echo "no meeting linked from /sala/moten" >&2; exit 1; }
[ -n "$room" ] || { echo "no room linked from /sala/lokaler" >&2; exit 1; }

pages=(
    "start:/"
    "sala:/sala/"
    "meeting:$meeting"
    "plan:/sala/handlingsplan"
    "directory:/sala/foreningar"
    "premises:/sala/lokaler"
    "room-week:$room"
)

shot() { # name size url
    "$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking \
        --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
        --user-data-dir="$tmp/profile" --window-size="$2" --screenshot="$1" "$3" >/dev/null 2>&1
}

for p in "${pages[@]}"; do
    name="${p%%:*}"
    path="${p#*:}"
    echo "==> $name: $path"
    shot "$out/$name-desktop.png" 1280,2000 "$base$path"
    shot "$out/$name-phone.png" 390,2400 "$base$path"
done
ls -l "$out"

echo "==> What Sala's start page weighs (bytes over the wire; the stylesheet and SVG go out gzip-compressed)"
size() { curl -fsS --compressed -o /dev/null -w '%{size_download}' "$base$1"; }
html="$(size /sala/)"
css="$(size /static/overens.css)"
font="$(size /static/fonts/inter-latin-wght-normal.woff2)"
font_ext="$(size /static/fonts/inter-latin-ext-wght-normal.woff2)"
mark="$(size /favicon.svg)"
printf '%-48s %8s\n' "/sala/ (HTML)" "$html" \
    "/static/overens.css" "$css" \
    "/static/fonts/inter-latin-wght-normal.woff2" "$font" \
    "/static/fonts/inter-latin-ext-wght-normal.woff2 (only for letters outside Latin-1)" "$font_ext" \
    "/favicon.svg" "$mark"
printf '%-48s %8s\n' "total (HTML, CSS, Latin font, favicon)" "$((html + css + font + mark))"
