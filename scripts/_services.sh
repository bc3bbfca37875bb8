# Sourced by .ci/run and scripts/test-scale-out.sh: starts this machine's PostgreSQL and Redis
# when they are not running (never stops them) and installs Debian's nginx when it is missing.
say() { echo "[${SAY_PREFIX:-services}] $*"; }

ensure_postgres() {
  if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
    say "PostgreSQL is not running: starting it"
    for version in $(ls /etc/postgresql 2>/dev/null); do
      pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    done
    for _ in $(seq 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
  fi
  pg_isready -h 127.0.0.1 -p 5432 || say "PostgreSQL could not be started: its tests will fail or skip"
}

ensure_redis() {
  if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
    say "Redis is not running: starting it"
    mkdir -p /var/lib/redis /var/log/redis
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
      --dir /var/lib/redis --logfile /var/log/redis/ci.log || true
    for _ in $(seq 20); do redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 && break; sleep 0.5; done
  fi
}

ensure_nginx() {
  if [ ! -x /usr/sbin/nginx ]; then
    say "Installing Debian's nginx for the tests of deploy/nginx.conf"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light) \
      >/tmp/ci-nginx.log 2>&1 || say "nginx install failed (see /tmp/ci-nginx.log)"
  fi
}
