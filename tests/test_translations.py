"""Editors and readers never meet Django's English: our vi catalogue fills Django's gaps."""

import ast
import datetime
import gettext as gettext_module
import json
import re
import shutil
import subprocess
from pathlib import Path

import django
import pytest
from django import forms
from django.conf import settings
from django.contrib.auth.password_validation import MinimumLengthValidator
from django.contrib.humanize.templatetags.humanize import naturaltime, ordinal
from django.core.exceptions import ValidationError
from django.core.paginator import PageNotAnInteger, Paginator
from django.db import models
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.timesince import timesince

DJANGO_DIR = Path(django.__file__).parent
SERVER_CATALOGUES = [
    DJANGO_DIR / "conf/locale/en/LC_MESSAGES/django.po",
    DJANGO_DIR / "contrib/admin/locale/en/LC_MESSAGES/django.po",
    DJANGO_DIR / "contrib/auth/locale/en/LC_MESSAGES/django.po",
    DJANGO_DIR / "contrib/contenttypes/locale/en/LC_MESSAGES/django.po",
    DJANGO_DIR / "contrib/sessions/locale/en/LC_MESSAGES/django.po",
    DJANGO_DIR / "contrib/humanize/locale/en/LC_MESSAGES/django.po",
]
ADMIN_JS_CATALOGUE = DJANGO_DIR / "contrib/admin/locale/en/LC_MESSAGES/djangojs.po"
LOCALE_DIR = Path(settings.BASE_DIR) / "locale" / "vi" / "LC_MESSAGES"
DJANGO_STRINGS = Path(settings.BASE_DIR) / "portal" / "django_strings.py"

# Django msgids whose correct Vietnamese is the English text itself, and nothing else:
ALLOWED_SAME = {
    # punctuation and bare placeholders
    ":?.!",
    ":",
    ", ",
    "…",
    "%(truncated_text)s…",
    "%(class_name)s %(instance)s",
    # units and protocol names are written the same way in Vietnamese
    "%(size)d byte",
    "%s KB",
    "%s MB",
    "%s GB",
    "%s TB",
    "%s PB",
    "IPv4",
    "IPv6",
    # "Email" is the word Vietnamese interfaces use
    "Email",
}


def read_po(path):
    """The entries of a .po file, header and obsolete ones left out.

    Each entry is a dict with "msgctxt" (or None), "msgid", "msgid_plural" (or None),
    "msgstr" (a list: one item, or one per plural form) and "flags" (a set).
    """
    entries, entry, field = [], None, None

    def finish():
        if entry is not None and entry["msgid"]:
            entries.append(entry)

    for line in Path(path).read_text(encoding="utf-8").splitlines() + [""]:
        line = line.strip()
        if not line:
            finish()
            entry, field = None, None
            continue
        if line.startswith("#~"):
            continue
        if entry is None:
            entry = {"msgctxt": None, "msgid_plural": None, "msgstr": [], "flags": set()}
        if line.startswith("#,"):
            entry["flags"].update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            value = ast.literal_eval(line)
            if field == "msgstr":
                entry["msgstr"][-1] += value
            else:
                entry[field] += value
        else:
            keyword, rest = line.split(" ", 1)
            value = ast.literal_eval(rest)
            if keyword.startswith("msgstr"):
                field = "msgstr"
                entry["msgstr"].append(value)
            else:
                field = keyword
                entry[field] = value
    return entries


def key(entry):
    return (entry["msgctxt"], entry["msgid"])


def translate(entry):
    """Vietnamese for one English entry: a list of (translation, English) pairs."""
    if entry["msgid_plural"]:
        singular, plural, context = entry["msgid"], entry["msgid_plural"], entry["msgctxt"]
        if context is None:
            return [
                (translation.ngettext(singular, plural, 1), singular),
                (translation.ngettext(singular, plural, 5), plural),
            ]
        return [
            (translation.npgettext(context, singular, plural, 1), singular),
            (translation.npgettext(context, singular, plural, 5), plural),
        ]
    if entry["msgctxt"] is not None:
        return [(translation.pgettext(entry["msgctxt"], entry["msgid"]), entry["msgid"])]
    return [(translation.gettext(entry["msgid"]), entry["msgid"])]


def server_entries():
    return [entry for path in SERVER_CATALOGUES for entry in read_po(path)]


# --- (a) no English left in the server-side messages of Django and its installed apps ---


def test_reader_sees_no_django_english_message():
    with translation.override("vi"):
        english = [
            (entry["msgctxt"], english)
            for entry in server_entries()
            if entry["msgid"] not in ALLOWED_SAME
            for text, english in translate(entry)
            if text == english
        ]
    assert english == []
    # A sanity check on the check itself: the catalogues are the real, full ones.
    assert len(server_entries()) > 600


def test_allowlist_only_holds_real_django_messages():
    msgids = {entry["msgid"] for entry in server_entries()}
    assert ALLOWED_SAME <= msgids


# --- (b) the admin's JavaScript catalogue ---


def jsi18n_catalogue(client):
    response = client.get(reverse("admin:jsi18n"))
    assert response.status_code == 200
    match = re.search(r"const newcatalog = (\{.*?\});\n", response.text, re.DOTALL)
    assert match, "no catalogue in the jsi18n response"
    return response, json.loads(match[1])


@pytest.mark.django_db
def test_admin_jsi18n_serves_our_vietnamese(admin_client):
    response, catalogue = jsi18n_catalogue(admin_client)
    assert catalogue["Today"] == "Hôm nay"
    assert catalogue["Now"] == "Bây giờ"
    assert catalogue["Sunday"] == "Chủ nhật"
    assert catalogue["one letter Monday\x04M"] == "T2"
    assert catalogue["Choose all %s"] == "Chọn tất cả %s"
    assert catalogue["%s selected option not visible"] == ["%s mục đã chọn đang bị ẩn"]


@pytest.mark.django_db
def test_every_admin_javascript_message_is_vietnamese(admin_client):
    _, catalogue = jsi18n_catalogue(admin_client)
    untranslated = []
    for entry in read_po(ADMIN_JS_CATALOGUE):
        name = entry["msgid"]
        if entry["msgctxt"] is not None:
            name = f"{entry['msgctxt']}\x04{entry['msgid']}"
        value = catalogue.get(name)
        english = [entry["msgid"], entry["msgid_plural"]] if entry["msgid_plural"] else None
        if not value or value == entry["msgid"] or value == english or value == [""]:
            untranslated.append(name)
    assert untranslated == []


# --- (c) concrete places where editors and readers meet the added strings ---


@pytest.mark.django_db
def test_article_changelist_admin_chrome_is_vietnamese(admin_client):
    url = reverse("admin:news_article_changelist")
    page = admin_client.get(url).content.decode()
    assert "Hiện số lượng" in page  # "Show counts"
    assert "Show counts" not in page
    assert "Chuyển đến nội dung chính" in page  # "Skip to main content"
    assert "Đổi giao diện (giao diện hiện tại: tự động)" in page
    assert "Toggle theme" not in page

    page = admin_client.get(url, {"_facets": "True"}).content.decode()
    assert "Ẩn số lượng" in page  # "Hide counts"
    assert "Hide counts" not in page


class SampleForm(forms.Form):
    title = forms.CharField()
    slug = forms.SlugField()
    key = forms.UUIDField()
    data = forms.JSONField()


def test_form_errors_are_vietnamese():
    form = SampleForm(data={"title": "", "slug": "không hợp lệ", "key": "x", "data": "{"})
    with translation.override("vi"):
        assert not form.is_valid()
        assert form.errors["title"] == ["Trường này là bắt buộc."]
        assert form.errors["slug"] == [
            "Nhập một “slug” hợp lệ, chỉ gồm chữ cái, chữ số, dấu gạch dưới hoặc dấu gạch ngang."
        ]
        assert form.errors["key"] == ["Nhập một UUID hợp lệ."]
        assert form.errors["data"] == ["Nhập một JSON hợp lệ."]


def test_model_field_and_validator_messages_are_vietnamese():
    with translation.override("vi"):
        with pytest.raises(ValidationError) as error:
            models.DateField().clean("2024-02-30", None)
        assert error.value.messages == [
            "Giá trị “2024-02-30” đúng định dạng (YYYY-MM-DD) nhưng không phải là ngày hợp lệ."
        ]
        with pytest.raises(ValidationError) as error:
            MinimumLengthValidator(min_length=8).validate("abc")
        assert error.value.messages == ["Mật khẩu này quá ngắn. Mật khẩu phải có ít nhất 8 ký tự."]
        with pytest.raises(PageNotAnInteger) as error:
            Paginator(range(10), 5).validate_number("x")
        assert str(error.value) == "Số trang không phải là số nguyên"


def test_timesince_and_humanize_are_vietnamese():
    now = timezone.now()
    with translation.override("vi"):
        assert naturaltime(now - datetime.timedelta(days=3, hours=1)) == "3\xa0ngày, 1\xa0giờ trước"
        assert naturaltime(now + datetime.timedelta(days=15, hours=1)) == (
            "2\xa0tuần, 1\xa0ngày nữa"
        )
        assert ordinal(5) == "thứ 5"
        assert timesince(now - datetime.timedelta(days=3), now) == "3\xa0ngày"
        assert timesince(now - datetime.timedelta(hours=2, minutes=5), now) == (
            "2\xa0giờ, 5\xa0phút"
        )


@pytest.mark.django_db
def test_csrf_failure_page_is_vietnamese():
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("admin:login"), {"username": "a", "password": "b"})
    assert response.status_code == 403
    page = response.content.decode()
    assert "Xác thực CSRF thất bại. Yêu cầu đã bị hủy." in page
    assert "CSRF verification failed" not in page


# --- (d) our catalogue is complete, compiled and well-formed ---


@pytest.mark.parametrize("name", ["django.po", "djangojs.po"])
def test_every_entry_is_translated_and_not_fuzzy(name):
    entries = read_po(LOCALE_DIR / name)
    assert len(entries) > 70
    assert [e["msgid"] for e in entries if "fuzzy" in e["flags"]] == []
    assert [e["msgid"] for e in entries if not all(e["msgstr"])] == []
    assert [e["msgid"] for e in entries if e["msgid_plural"] and len(e["msgstr"]) != 1] == []
    keys = [key(e) for e in entries]
    assert len(keys) == len(set(keys)), "duplicate entries"


PLACEHOLDER = re.compile(r"%\(\w+\)[sdrf]|%[sdrf]|\{\w*\}")


@pytest.mark.parametrize("name", ["django.po", "djangojs.po"])
def test_translations_keep_every_placeholder(name):
    broken = []
    for entry in read_po(LOCALE_DIR / name):
        expected = sorted(PLACEHOLDER.findall(entry["msgid"]))
        for text in entry["msgstr"]:
            if sorted(PLACEHOLDER.findall(text)) != expected:
                broken.append(entry["msgid"])
    assert broken == []


@pytest.mark.parametrize("name", ["django", "djangojs"])
def test_compiled_catalogue_matches_the_po_file(name):
    with open(LOCALE_DIR / f"{name}.mo", "rb") as mo:
        compiled = gettext_module.GNUTranslations(mo)._catalog
    stale = []
    for entry in read_po(LOCALE_DIR / f"{name}.po"):
        msgid = entry["msgid"]
        if entry["msgctxt"] is not None:
            msgid = f"{entry['msgctxt']}\x04{msgid}"
        found = compiled.get((msgid, 0)) if entry["msgid_plural"] else compiled.get(msgid)
        if found != entry["msgstr"][0]:
            stale.append(msgid)
    assert stale == [], "run compilemessages"


@pytest.mark.parametrize("name", ["django.po", "djangojs.po"])
def test_msgfmt_check_format_passes(name, tmp_path):
    if shutil.which("msgfmt") is None:
        pytest.skip("GNU gettext's msgfmt is not installed")
    result = subprocess.run(
        ["msgfmt", "--check-format", "-o", str(tmp_path / "out.mo"), str(LOCALE_DIR / name)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


# --- makemessages keeps what we added: portal/django_strings.py marks it ---


def marked_strings():
    """(msgctxt, msgid) -> msgid_plural or None, for every marker in django_strings.py."""
    tree = ast.parse(DJANGO_STRINGS.read_text(encoding="utf-8"))
    marked = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
            continue
        args = [ast.literal_eval(arg) for arg in node.args]
        if node.func.id == "gettext_noop":
            marked[(None, args[0])] = None
        elif node.func.id == "pgettext_lazy":
            marked[(args[0], args[1])] = None
        elif node.func.id == "ngettext_lazy":
            marked[(None, args[0])] = args[1]
        elif node.func.id == "npgettext_lazy":
            marked[(args[0], args[1])] = args[2]
    return marked


def project_sources():
    base = Path(settings.BASE_DIR)
    # Every folder of ours: the project, the templates and each app that lives in the repository.
    folders = ["portal", "templates"] + [
        app.split(".")[0] for app in settings.INSTALLED_APPS if (base / app.split(".")[0]).is_dir()
    ]
    return "\n".join(
        path.read_text(encoding="utf-8")
        for folder in sorted(set(folders))
        for path in (base / folder).rglob("*")
        if path.suffix in {".py", ".html", ".txt"} and path != DJANGO_STRINGS
    )


def test_django_strings_marks_every_django_message_we_translate():
    django_entries = {key(e): e for e in server_entries()}
    marked = marked_strings()
    ours = [key(e) for e in read_po(LOCALE_DIR / "django.po") if key(e) in django_entries]
    assert len(ours) > 150
    # A few Django msgids are also the project's own words (e.g. "History"), marked where
    # they are used; every other one must be marked in django_strings.py.
    sources = project_sources()
    unmarked = [
        k
        for k in ours
        if k not in marked and f'"{k[1]}"' not in sources and f"'{k[1]}'" not in sources
    ]
    assert unmarked == []
    # Every marker is byte-identical to a Django msgid, with the same plural.
    assert [k for k in marked if k not in django_entries] == []
    assert [k for k, plural in marked.items() if django_entries[k]["msgid_plural"] != plural] == []


@pytest.mark.django_db
def test_admin_login_form_error_summary_is_vietnamese(client):
    # Django's vi catalogue has this only as a plain message, but the admin asks for the
    # plural one (ngettext), so without our entry editors read English here.
    response = client.post(reverse("admin:login"), {"username": "", "password": ""})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Vui lòng sửa các lỗi dưới đây." in page
    assert "Please correct the error" not in page
