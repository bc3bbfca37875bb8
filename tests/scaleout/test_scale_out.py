"""Two app servers behind nginx (deploy/nginx.conf), sharing PostgreSQL, Redis and an S3
bucket: what one server does, the other shows at once, and together they count exactly.

Run by `bash scripts/test-scale-out.sh`; tests/scaleout/cluster.py starts the parts. The tests
share one cluster and run in this file's order (the last one stops a server).
"""

import json
import os
import re
import subprocess
import sys
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from html import unescape

import pytest

from tests.scaleout.cluster import BASE_DIR, BROWSER, Browser, form_fields, manage
from tests.support import image_bytes

pytestmark = pytest.mark.scaleout

EDITOR, PASSWORD = "bien-tap-vien", "Mat-khau-thu-nghiem-2026"

SETUP = f"""
import json
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from news.models import Article, Category
from organizations.roles import EDITORS
editor = get_user_model().objects.create_user({EDITOR!r}, password={PASSWORD!r}, is_staff=True)
editor.groups.add(Group.objects.get(name=EDITORS))
category = Category.objects.create(name="Tin hoạt động", slug="tin-hoat-dong")
article = Article.objects.create(
    title="Bài để đếm lượt đọc", lead="Dẫn", body="<p>Nội dung</p>", category=category,
    status=Article.Status.PUBLISHED,
)
print(json.dumps({{"category": category.pk, "article": article.pk,
                  "article_url": article.get_absolute_url()}}))
"""


@pytest.fixture(scope="module")
def site(cluster):
    """Both servers migrated together, then started behind nginx, with an editor."""
    starts = cluster.migrate_together()
    for code, output in starts:
        assert code == 0, output
    # One applied the migrations; the other waited for the lock and found nothing to do.
    assert sum("No migrations to apply" in output for _code, output in starts) == 1, starts
    ids = json.loads(manage(cluster.env, "shell", "-c", SETUP).stdout.strip().splitlines()[-1])
    cluster.start_servers()
    a, b = (server.url for server in cluster.servers)
    return {"a": a, "b": b, "nginx": cluster.nginx.url, **ids}


def _publish(browser, base, category, title, body):
    """Publish an article through the admin of the server at ``base``, as an editor does."""
    status, _headers, page = browser.fetch(f"{base}/admin/news/article/add/")
    assert status == 200, status
    form = form_fields(page, "article_form")
    form.update(title=title, lead="Tin mới từ một máy chủ.", body=body, category=str(category))
    form["_action"] = "publish"  # the editor's "Đăng bài" button
    status, headers, page = browser.fetch(f"{base}/admin/news/article/add/", data=form)
    errors = re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', page, re.S)
    assert status == 302, (status, errors)
    return int(re.search(r"/admin/news/article/(\d+)/change/", headers["Location"])[1])


def _article_url(browser, base, pk):
    status, headers, _page = browser.fetch(f"{base}/tin-tuc/x-{pk}/")
    assert status == 301, status
    return headers["Location"]


def test_both_servers_answer_behind_nginx_and_share_the_work(site):
    reader = Browser()
    upstreams = Counter()
    for _ in range(10):
        status, headers, page = reader.fetch(f"{site['nginx']}/")
        assert status == 200 and '<html lang="vi"' in page
        upstreams[headers["X-Upstream"]] += 1
    assert set(upstreams) == {s.removeprefix("http://") for s in (site["a"], site["b"])}
    status, _headers, health = reader.fetch(f"{site['nginx']}/healthz")
    assert status == 200, health


def test_an_editors_login_works_on_both_servers(site):
    for first, second in (("a", "b"), ("b", "a")):
        editor = Browser()
        editor.log_in(site[first], EDITOR, PASSWORD)
        for base in (site[first], site[second], site["nginx"]):
            status, _headers, page = editor.fetch(f"{base}/admin/")
            assert status == 200, (base, status)
            assert EDITOR in page
        assert Browser().fetch(f"{site[second]}/admin/")[0] == 302  # no session: sign in


def test_an_article_published_through_one_server_shows_at_once_through_the_other(site):
    reader, editor = Browser(), Browser()
    title = "Tuổi trẻ tỉnh nhà ra quân mùa hè xanh"
    # The other server has the home page in the (shared) page cache before the publish.
    assert title not in reader.fetch(f"{site['b']}/")[2]
    assert title not in reader.fetch(f"{site['b']}/")[2]
    editor.log_in(site["a"], EDITOR, PASSWORD)
    pk = _publish(editor, site["a"], site["category"], title, "<p>Nội dung bài mới.</p>")
    assert title in reader.fetch(f"{site['b']}/")[2]
    url = _article_url(reader, site["b"], pk)
    status, _headers, page = reader.fetch(f"{site['b']}{url}")
    assert status == 200 and title in page
    assert title in reader.fetch(f"{site['b']}/rss/")[2]
    # Withdrawn through the other server (the same session: cookies go by host, not port),
    # gone at once from the first one too.
    status, _headers, page = editor.fetch(f"{site['b']}/admin/news/article/{pk}/change/")
    form = form_fields(page, "article_form")
    form["_action"] = "draft"  # "Chuyển về bản nháp"
    assert editor.fetch(f"{site['b']}/admin/news/article/{pk}/change/", data=form)[0] == 302
    assert reader.fetch(f"{site['a']}{url}")[0] == 404
    assert title not in reader.fetch(f"{site['a']}/")[2]


def _bucket_bytes(url):
    with urllib.request.urlopen(url, timeout=10) as answer:
        return answer.read()


def test_a_picture_uploaded_through_one_server_is_served_through_the_other_from_the_bucket(
    site, cluster
):
    editor, reader = Browser(), Browser()
    editor.log_in(site["a"], EDITOR, PASSWORD)
    editor.fetch(f"{site['a']}/admin/news/article/add/")  # the CSRF cookie, as the editor has
    boundary = "----scaleout"
    picture = image_bytes("JPEG", size=(1400, 900))
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="upload"; filename="anh.jpg"\r\n'
            "Content-Type: image/jpeg\r\n\r\n"
        ).encode()
        + picture
        + f"\r\n--{boundary}--\r\n".encode()
    )
    status, _headers, answer = editor.fetch(
        f"{site['a']}/tai-anh-len/",
        data=body,
        headers={
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "X-CSRFToken": editor.csrf_token(),
            "Referer": f"{site['a']}/admin/",
        },
    )
    assert status == 200, answer
    src = json.loads(answer)["url"]
    assert src.startswith(cluster.bucket_url)
    title = "Ảnh từ máy chủ thứ nhất"
    pk = _publish(
        editor, site["a"], site["category"], title, f'<p>Ảnh</p><img src="{src}" width="1400">'
    )
    url = _article_url(reader, site["b"], pk)
    status, _headers, page = reader.fetch(f"{site['b']}{url}")
    assert status == 200 and title in page
    img = re.search(r'<img[^>]*src="' + re.escape(src) + r'"[^>]*>', page)[0]
    srcset = unescape(re.search(r'srcset="([^"]+)"', img)[1])
    copies = [item.rsplit(" ", 1)[0] for item in srcset.split(", ")]
    assert len(copies) == 4 and copies[-1] == src  # 360, 720, 1080 and the original
    assert _bucket_bytes(src).startswith(b"\xff\xd8\xff")
    for copy in copies[:-1]:
        assert copy.startswith(cluster.bucket_url)
        assert _bucket_bytes(copy).startswith(b"RIFF")
    # Nothing was kept on either server's disk.
    for server in cluster.servers:
        media = server.log.parent / "media"
        assert not media.exists() or not any(p.is_file() for p in media.rglob("*"))


def test_1000_concurrent_reads_spread_over_both_servers_add_exactly_1000(site, cluster):
    pk = site["article"]
    upstreams = Counter()

    def read(n):
        reader = Browser(user_agent=f"{BROWSER} reader/{n}")  # 1,000 different readers
        status, headers, _body = reader.fetch(
            f"{site['nginx']}/luot-doc/{pk}/", data=b"", method="POST"
        )
        return status, headers.get("X-Upstream")

    with ThreadPoolExecutor(max_workers=24) as pool:
        results = list(pool.map(read, range(1000)))
    assert Counter(status for status, _ in results) == {204: 1000}
    upstreams.update(upstream for _status, upstream in results)
    assert len(upstreams) == 2 and min(upstreams.values()) >= 100, upstreams
    # Both servers flushed the buffer while the reads came (READS_FLUSH_SECONDS=1); now two
    # flushes at the same moment, as two servers' timers may: each batch is written once.
    _flush_together(cluster)
    total = (
        manage(
            cluster.env,
            "shell",
            "-c",
            "from news.models import Article, ArticleDailyRead, ReadFlush;"
            f"a = Article.objects.get(pk={pk});"
            "print(a.read_count, sum(ArticleDailyRead.objects.filter(article=a)"
            ".values_list('count', flat=True)), ReadFlush.objects.count())",
        )
        .stdout.splitlines()[-1]
        .split()
    )
    assert total[:2] == ["1000", "1000"], total
    assert int(total[2]) >= 1


def _flush_together(cluster):
    runs = [
        subprocess.Popen(
            [sys.executable, "manage.py", "flush_reads"],
            cwd=BASE_DIR,
            env={**os.environ, **cluster.env},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [(run.wait(timeout=120), run.stdout.read()) for run in runs]
    assert all(code == 0 for code, _ in outputs), outputs


def test_stopping_one_app_server_leaves_the_site_answering_through_the_other(site, cluster):
    stopped, running = cluster.servers
    stopped.stop()
    reader = Browser()
    upstreams = Counter()
    for path in ["/", "/healthz", "/rss/", "/chuyen-muc/tin-hoat-dong/"] * 5:
        status, headers, _page = reader.fetch(f"{site['nginx']}{path}")
        assert status == 200, (path, status)
        upstreams[headers["X-Upstream"].split(", ")[-1]] += 1
    assert set(upstreams) == {f"127.0.0.1:{running.port}"}
    editor = Browser()
    editor.log_in(site["nginx"], EDITOR, PASSWORD)
    assert editor.fetch(f"{site['nginx']}/admin/")[0] == 200
