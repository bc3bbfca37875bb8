#!/usr/bin/env bash
# Sets everything up and runs the site with demo content at http://127.0.0.1:8000
source "$(dirname "$0")/_venv.sh"
[ -f .env ] || cp .env.example .env
python manage.py migrate --no-input
python manage.py demo
address=${PORT:-127.0.0.1:8000}
echo "Trang web: http://$address/   Trang quản trị: http://$address/admin/"
exec python manage.py runserver "$address"
