"""A real S3 API on loopback: moto's server mode (``moto[server]`` from PyPI), in a process of
its own on a free port. Used by the media tests with S3 storage and by the scale-out test.

``S3Server.start(log_path)`` returns a running server, or raises ``S3Unavailable`` saying why
(moto is not installed, or the server did not answer), for the caller to skip with.
"""

import json
import socket
import subprocess
import sys
import time
import uuid

from tests.tcp_proxy import free_port, stop_process

# moto accepts any keys; boto3 only needs some to sign its requests.
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}
REGION = "us-east-1"


def public_read_policy(bucket):
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{bucket}/*",
            }
        ],
    }


class S3Unavailable(Exception):
    pass


class S3Server:
    def __init__(self, process, port):
        self.process, self.port = process, port
        self.endpoint = f"http://127.0.0.1:{port}"

    @classmethod
    def start(cls, log_path):
        try:
            import moto.server  # noqa: F401
        except ImportError as error:
            raise S3Unavailable(
                f"moto's S3 server is not installed ({error}): pip install 'moto[server]'"
            ) from error
        port = free_port()
        with open(log_path, "wb") as log:
            process = subprocess.Popen(
                [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise S3Unavailable(f"moto's S3 server stopped at once (see {log_path})")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                return cls(process, port)
            except OSError:
                time.sleep(0.2)
        process.kill()
        raise S3Unavailable(f"moto's S3 server did not answer within 30 s (see {log_path})")

    def client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            region_name=REGION,
            aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
        )

    def new_bucket(self):
        """A bucket whose files anyone may read, as a site's media bucket is (docs/deploy.md)."""
        name = f"portal-{uuid.uuid4().hex[:12]}"
        client = self.client()
        client.create_bucket(Bucket=name)
        client.put_bucket_policy(Bucket=name, Policy=json.dumps(public_read_policy(name)))
        return name

    def environment(self, bucket):
        """The site's environment variables for media in ``bucket`` (docs/deploy.md)."""
        return {
            **CREDENTIALS,
            "AWS_STORAGE_BUCKET_NAME": bucket,
            "AWS_S3_ENDPOINT_URL": self.endpoint,
            "AWS_S3_REGION_NAME": REGION,
            "AWS_S3_ADDRESSING_STYLE": "path",
        }

    def stop(self):
        stop_process(self.process)
