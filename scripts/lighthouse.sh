#!/usr/bin/env bash
# Benchmark: Lighthouse (default mobile mode, simulated slow 4G) on the home page, a category,
# an article, a static page and the search of a throw-away site filled by `manage.py demo`, served by gunicorn with
# DEBUG off, as in production. Prints the four scores of each page; it is not a test.
#
#   scripts/lighthouse.sh            # needs Node.js 18.16+, npm and Debian's chromium
#   CHROME_PATH=/path/to/chrome scripts/lighthouse.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
python=$root/.venv/bin/python
lighthouse=$root/tools/lighthouse/node_modules/.bin/lighthouse
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}

if [ ! -x "$lighthouse" ]; then
  echo "Installing Lighthouse under tools/lighthouse/node_modules (git-ignored)" >&2
  npm ci --prefix tools/lighthouse --no-audit --no-fund >&2
fi

work=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

export DJANGO_DEBUG=false
export DJANGO_SECRET_KEY=lighthouse-benchmark-only-$RANDOM$RANDOM
export DATABASE_URL=sqlite:///$work/db.sqlite3
export DJANGO_MEDIA_ROOT=$work/media
export DJANGO_STATIC_ROOT=$work/static
export DJANGO_ALLOWED_HOSTS=127.0.0.1
unset REDIS_URL

echo "Preparing a demo site in $work" >&2
"$python" manage.py migrate --no-input -v 0 >&2
"$python" manage.py demo >/dev/null
"$python" manage.py collectstatic --no-input -v 0 >&2

read -r category article static_page < <("$python" manage.py shell -v 0 -c '
from news.models import Article, Category
from pages.models import Page
category = Category.objects.in_menu().top_level().first()
article = Article.objects.published().exclude(cover_image="").first()
page = Page.objects.published().first()
print(category.get_absolute_url(), article.get_absolute_url(), page.get_absolute_url())')
search="/tim-kiem/?q=thanh+nien"

port=$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base=http://127.0.0.1:$port
PYTHONPATH=$root "$root/.venv/bin/gunicorn" --bind "127.0.0.1:$port" --workers 2 \
  --chdir "$root" scripts.lighthouse_wsgi:application >"$work/gunicorn.log" 2>&1 &
server_pid=$!
for _ in $(seq 50); do
  curl -fs -o /dev/null "$base/" && break
  sleep 0.2
done
# One visit first, so the image renditions exist and the page is measured as readers get it.
for path in / "$category" "$article" "$static_page" "$search"; do curl -fs -o /dev/null "$base$path"; done

printf '%-9s %11s %13s %14s %4s  %s\n' page performance accessibility best-practices seo url
for entry in "home /" "category $category" "article $article" "page $static_page" "search $search"; do
  set -- $entry
  "$lighthouse" "$base$2" --quiet --output=json --output-path="$work/report.json" \
    --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu" >&2
  "$python" - "$1" "$2" "$work/report.json" <<'PY'
import json
import sys

name, path, report = sys.argv[1:]
data = json.load(open(report))
keys = ("performance", "accessibility", "best-practices", "seo")
scores = [round(data["categories"][key]["score"] * 100) for key in keys]
print(f"{name:<9} {scores[0]:>11} {scores[1]:>13} {scores[2]:>14} {scores[3]:>4}  {path}")
for key in keys:  # what cost points, on stderr, to know what to fix
    for ref in data["categories"][key]["auditRefs"]:
        audit = data["audits"][ref["id"]]
        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
            print(f"  {key}: {ref['id']} {audit.get('displayValue', '')}", file=sys.stderr)
PY
  if [ -n "${LIGHTHOUSE_REPORTS:-}" ]; then
    mkdir -p "$LIGHTHOUSE_REPORTS" && cp "$work/report.json" "$LIGHTHOUSE_REPORTS/$1.json"
  fi
done
