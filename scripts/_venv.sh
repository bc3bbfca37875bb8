# Sourced by start.sh and test.sh: finds Python 3.11+, creates .venv and installs the
# project's dependencies into it (again only when pyproject.toml has changed).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

find_python() {
  for candidate in "${PYTHON:-}" python3.13 python3.12 python3.11 python3; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null 2>&1 &&
      "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      command -v "$candidate"
      return 0
    fi
  done
  echo "Cần Python 3.11 trở lên: hãy cài (ví dụ apt-get install python3) rồi chạy lại." >&2
  return 1
}

if [ ! -x .venv/bin/python ]; then
  python_bin=$(find_python)
  echo "Đang tạo môi trường ảo .venv với $python_bin"
  "$python_bin" -m venv .venv
fi

stamp=.venv/.installed-$(sha1sum pyproject.toml | cut -c1-12)
if [ ! -f "$stamp" ]; then
  echo "Đang cài các thư viện cần thiết (chỉ lần chạy đầu; cần truy cập PyPI)"
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet ".[dev]"
  rm -f .venv/.installed-*
  touch "$stamp"
fi
export PATH="$PWD/.venv/bin:$PATH"
