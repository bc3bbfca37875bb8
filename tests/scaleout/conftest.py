"""The scale-out test runs only through scripts/test-scale-out.sh, which names its own
PostgreSQL database and Redis database (SCALEOUT_DATABASE_URL, SCALEOUT_REDIS_URL): the
normal suite skips it, saying so."""

import os

import pytest

from tests.scaleout.cluster import Cluster, Missing


def pytest_collection_modifyitems(config, items):
    if os.environ.get("SCALEOUT_DATABASE_URL"):
        return
    skip = pytest.mark.skip(
        reason="the scale-out test runs with `bash scripts/test-scale-out.sh` (it starts two "
        "app servers, nginx and an S3 server, and needs its own PostgreSQL and Redis databases)"
    )
    for item in items:
        if "scaleout" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    try:
        cluster = Cluster(
            tmp_path_factory.mktemp("scaleout"),
            os.environ["SCALEOUT_DATABASE_URL"],
            os.environ["SCALEOUT_REDIS_URL"],
        )
    except Missing as error:
        pytest.skip(str(error))
    try:
        yield cluster
    finally:
        cluster.stop()
