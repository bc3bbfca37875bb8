#!/usr/bin/env python
"""The benchmark (scripts/bench.py) against two app servers behind nginx (README, "Two app
servers behind nginx"): starts the scale-out test's cluster (tests/scaleout/cluster.py: two
gunicorn instances of 2 sync workers each, Debian's nginx with deploy/nginx.conf, PostgreSQL,
Redis and moto's S3 server for media), then runs scripts/bench.py --url <nginx> on it.

    .venv/bin/python scripts/bench_scale_out.py [--database-url URL] [--redis-url URL]
                                                [bench.py arguments: --articles, --json, ...]

The database (its name must contain "scaleout") is made anew and the Redis database emptied:
give it ones of its own.
"""

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from tests.scaleout.cluster import Cluster, Missing  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/portal_scaleout_run"
    )
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/7")
    args, bench_args = parser.parse_known_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-scale-out-"))
    try:
        cluster = Cluster(folder, args.database_url, args.redis_url, {"BENCH_CEILING": "true"})
    except Missing as error:
        sys.exit(f"cannot start the two servers: {error}")
    try:
        for code, output in cluster.migrate_together():
            if code:
                sys.exit(output)
        cluster.start_servers()
        print(f"two app servers behind nginx at {cluster.nginx.url}", flush=True)
        bench = [sys.executable, str(BASE_DIR / "scripts/bench.py"), "--url", cluster.nginx.url]
        bench += ["--database-url", args.database_url, "--redis-url", args.redis_url]
        result = subprocess.run([*bench, *bench_args], env={**os.environ, **cluster.env})
    finally:
        cluster.stop()
    sys.exit(result.returncode)


if __name__ == "__main__":
    main()
