"""The repository's deploy/nginx.conf, run by Debian's nginx in the foreground on a free port
with a prefix, temp folders and pid file of its own under a test's folder. Only the lines a
test names are replaced (its port, upstream servers and folders): the rest is the shipped file.
"""

import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

from tests.tcp_proxy import free_port, stop_process

BASE_DIR = Path(__file__).resolve().parent.parent
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
LISTEN = "listen 80;"
UPSTREAM = "server 127.0.0.1:8000;"


def nginx_missing_reason():
    if not Path(NGINX).exists():
        return "nginx is not installed (apt-get install nginx) to run deploy/nginx.conf"
    return None


class Nginx:
    def __init__(self, folder, replacements, *, http_extra=""):
        """``replacements``: {text of deploy/nginx.conf: what to put instead}; the port is
        chosen here. ``http_extra``: directives for the wrapping http {} block."""
        self.folder = Path(folder)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        site = (BASE_DIR / "deploy/nginx.conf").read_text()
        for old, new in {LISTEN: f"listen 127.0.0.1:{self.port};", **replacements}.items():
            assert old in site, f"deploy/nginx.conf no longer has {old!r}: update the tests"
            site = site.replace(old, new)
        (self.folder / "portal.conf").write_text(site)
        (self.folder / "nginx.conf").write_text(
            f"""
daemon off;
master_process off;
pid {self.folder}/nginx.pid;
error_log {self.folder}/error.log;
events {{}}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {self.folder}/body;
    proxy_temp_path {self.folder}/proxy;
    fastcgi_temp_path {self.folder}/fastcgi;
    uwsgi_temp_path {self.folder}/uwsgi;
    scgi_temp_path {self.folder}/scgi;
    {http_extra}
    include {self.folder}/portal.conf;
}}
"""
        )
        command = [NGINX, "-p", str(self.folder), "-c", str(self.folder / "nginx.conf")]
        check = subprocess.run([*command, "-t"], capture_output=True, text=True)
        assert check.returncode == 0, check.stderr
        self.process = subprocess.Popen(command, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 10
        while True:
            try:
                urllib.request.urlopen(self.url + "/static/css/site.css", timeout=1)
                return
            except OSError:
                assert self.process.poll() is None, self.process.stderr.read()
                assert time.monotonic() < deadline, "nginx did not answer within 10 s"
                time.sleep(0.1)

    def stop(self):
        stop_process(self.process)
