#!/usr/bin/env bash
# Draws the picture that links to Överens show when shared (Open Graph og:image, 1200×630 PNG)
# from the wordmark, with headless Chromium, into crates/platform/assets/share.png. The server
# embeds the file (/static/share.png); run this again only when the wordmark changes.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cp "$root/crates/platform/assets/overens.svg" "$tmp/overens.svg"
cat > "$tmp/share.html" <<'HTML'
<!doctype html><meta charset="utf-8">
<style>
html, body { margin: 0; width: 1200px; height: 630px; }
body { display: flex; flex-direction: column; justify-content: center; align-items: center; gap: 40px;
  background: #f4f6f8; border-bottom: 24px solid #2b8a7e; box-sizing: border-box;
  font-family: Inter, system-ui, sans-serif; color: #1f3a5a; }
img { width: 680px; height: auto; }
p { margin: 0; font-size: 34px; max-width: 940px; text-align: center; line-height: 1.35; }
</style>
<img src="overens.svg" alt="">
<p>Kommunens och civilsamhällets gemensamma plats för den lokala överenskommelsen om samverkan</p>
HTML
chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --disable-sync --no-first-run --hide-scrollbars --window-size=1200,630 \
  --screenshot="$root/crates/platform/assets/share.png" "file://$tmp/share.html" 2>/dev/null
ls -l "$root/crates/platform/assets/share.png"
