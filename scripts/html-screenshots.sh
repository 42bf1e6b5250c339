#!/usr/bin/env bash
# Looks at `gloss export --format html` in a real browser: exports an annotated brief of
# seeds/ and screenshots the page in headless Chromium at a desktop and a phone width
# (side notes beside the text on the first, footnotes under it on the second). Not part of
# `cargo test`; needs chromium (apt-get install -y chromium). The page must load nothing:
# Chromium runs with networking features off, and the page's own Content-Security-Policy
# forbids every request.
#
#   scripts/html-screenshots.sh [BRIEF]     # screenshots in target/html-check/
set -euo pipefail
cd "$(dirname "$0")/.."
brief="${1:-seeds/wires/dutch-lithography-curbs.md}"
out=target/html-check
mkdir -p "$out"
cargo build --quiet --bin gloss
page="$(pwd)/$out/page.html"
target/debug/gloss export "$brief" --format html --theme paper -o "$page"
if grep -qiE '<script|src=|href="https?:' "$page"; then
  echo "html-screenshots: the page has a script or an external reference" >&2
  exit 1
fi
browser="$(command -v chromium || command -v chromium-browser)"
shoot() { # name width height
  "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
    --window-size="$2,$3" --screenshot="$(pwd)/$out/$1.png" "file://$page" 2>/dev/null
  echo "$out/$1.png (${2}x$3)"
}
shoot desktop 1280 900
shoot phone 390 844
shoot phone-whole 390 3200
