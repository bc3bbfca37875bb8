"""A full disk, for real: the media folder is a tiny tmpfs, and writes fail with ENOSPC.

Mounting needs root (as in CI's container); elsewhere these tests skip and say why.
"""

import io
import os
import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from organizations.models import Sponsor
from tests.support import image_bytes

pytestmark = pytest.mark.django_db

DISK_BYTES = 128 * 1024


@pytest.fixture
def tiny_disk(settings, tmp_path):
    if os.geteuid() != 0:
        pytest.skip("the full-disk tests mount a 128 KB tmpfs, which needs root")
    mount = tmp_path / "tiny-disk"
    mount.mkdir()
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={DISK_BYTES}", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")
    settings.MEDIA_ROOT = mount
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def noise_jpeg(side=600):
    """A photo-like JPEG that re-encodes far larger than the tiny disk (noise compresses badly)."""
    out = io.BytesIO()
    Image.frombytes("RGB", (side, side), os.urandom(side * side * 3)).save(out, "JPEG", quality=95)
    return out.getvalue()


def everything_under(folder):
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


def test_an_upload_onto_a_full_disk_is_a_507_for_the_editor_and_leaves_nothing(
    editor_client, tiny_disk
):
    response = editor_client.post(
        reverse("news:image_upload"),
        {"upload": SimpleUploadedFile("anh.jpg", noise_jpeg(), "image/jpeg")},
    )
    assert response.status_code == 507
    assert response["Content-Type"] == "application/json"
    assert "Ổ đĩa của máy chủ đã đầy" in response.json()["error"]["message"]
    # The write really started and really failed midway: no truncated image, no empty file,
    # not even the dated folder it made.
    assert everything_under(tiny_disk) == []
    assert os.statvfs(tiny_disk).f_bfree == os.statvfs(tiny_disk).f_blocks

    # The disk is not left full of leftovers: a small picture still goes in, whole.
    response = editor_client.post(
        reverse("news:image_upload"),
        {"upload": SimpleUploadedFile("nho.png", image_bytes("PNG"), "image/png")},
    )
    assert response.status_code == 200
    stored = tiny_disk / response.json()["url"].removeprefix("/media/")
    assert Image.open(stored).size == (64, 48)


def test_an_admin_form_with_an_image_onto_a_full_disk_is_a_vietnamese_page_not_a_500(
    admin_client, tiny_disk
):
    response = admin_client.post(
        reverse("admin:organizations_sponsor_add"),
        {
            "name": "Công ty Đĩa Đầy",
            "logo": SimpleUploadedFile("logo.jpg", noise_jpeg(), "image/jpeg"),
            "website": "https://dia-day.example.vn",
            "placement": "sidebar",
            "order": 0,
            "is_active": "on",
            "clicks-TOTAL_FORMS": 0,
            "clicks-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 507
    assert "Máy chủ đã hết chỗ lưu trữ" in response.content.decode()
    assert not Sponsor.objects.exists()
    assert everything_under(tiny_disk) == []
