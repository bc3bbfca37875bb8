#!/usr/bin/env bash
# Sets everything up and runs the site with demo content at http://127.0.0.1:8000
source "$(dirname "$0")/_venv.sh"
[ -f .env ] || cp .env.example .env
python manage.py migrate --no-input
python manage.py demo
echo "The site: http://127.0.0.1:8000   The admin: http://127.0.0.1:8000/admin/"
exec python manage.py runserver "${PORT:-127.0.0.1:8000}"
