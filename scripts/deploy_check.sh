#!/usr/bin/env bash
# Django's deploy audit (`manage.py check --deploy --fail-level WARNING`) with exactly the
# production environment that README.md documents (the .env block of "Running in
# production"), a random secret in place of its placeholder. Run by .ci/run and by
# tests/test_project.py, so the README's settings and the audit cannot drift apart.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-.venv/bin/python}
block=$(awk "/^cat > .env <<'ENV'\$/ {inside=1; next} /^ENV\$/ {inside=0} inside" README.md)
if [ -z "$block" ]; then
  echo "README.md has no production .env block (cat > .env <<'ENV' ... ENV)" >&2
  exit 2
fi
secret=$("$python" -c "import secrets; print(secrets.token_urlsafe(50))")
declare -a vars=()
while IFS= read -r line; do
  case "$line" in "" | \#*) continue ;; esac
  line=${line%%  #*}
  case "$line" in DJANGO_SECRET_KEY=*) line="DJANGO_SECRET_KEY=$secret" ;; esac
  vars+=("$line")
done <<<"$block"
echo "Deploy check with the README's production environment:"
printf '  %s\n' "${vars[@]}" | grep -v '^  DJANGO_SECRET_KEY='
exec env -i PATH="$PATH" HOME="${HOME:-/tmp}" "${vars[@]}" \
  "$python" manage.py check --deploy --fail-level WARNING
