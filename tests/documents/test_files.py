"""Attached files are judged by their content: accepted kinds, refused look-alikes, limits,
server-made names and the download's headers."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from documents.files import document_file_check, download_name
from documents.models import DocumentFile
from tests.factories import DocumentFactory, DocumentFileFactory
from tests.samples import EXECUTABLE, PDF, ole, ooxml

pytestmark = pytest.mark.django_db


def upload(name, content):
    return SimpleUploadedFile(name, content, "application/octet-stream")


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (PDF, "pdf"),
        (ooxml("docx"), "docx"),
        (ooxml("xlsx"), "xlsx"),
        (ooxml("pptx"), "pptx"),
        (ole("WordDocument", "1Table"), "doc"),
        (ole("Workbook"), "xls"),
        (ole("PowerPoint Document", "Current User"), "ppt"),
    ],
)
def test_each_accepted_kind_is_recognised_by_its_content_whatever_its_name(content, kind):
    assert document_file_check(upload("tep-khong-duoi", content)) == kind
    assert document_file_check(upload("anh.jpg", content)) == kind


def refusal(name, content):
    with pytest.raises(ValidationError) as error:
        document_file_check(upload(name, content))
    return error.value.code, " ".join(error.value.messages)


def test_a_pdf_that_is_really_an_executable_is_refused_in_vietnamese():
    code, message = refusal("ke-hoach.pdf", EXECUTABLE)
    assert code == "executable"
    assert "chương trình" in message


@pytest.mark.parametrize("magic", [b"\x7fELF\x02\x01", b"#!/bin/sh\n", b"\xcf\xfa\xed\xfe"])
def test_other_programs_in_disguise_are_refused(magic):
    assert refusal("bao-cao.docx", magic + b"\x00" * 100)[0] == "executable"


def test_a_docm_is_refused_as_macro_enabled():
    code, message = refusal("ke-hoach.docm", ooxml("docx", macro=True))
    assert code == "macro"
    assert "macro" in message


def test_a_docm_renamed_to_docx_is_still_refused():
    assert refusal("ke-hoach.docx", ooxml("docx", macro=True))[0] == "macro"


def test_an_old_office_file_with_macros_is_refused():
    assert refusal("bang-tinh.xls", ole("Workbook", storages=["_VBA_PROJECT_CUR"]))[0] == "macro"
    assert refusal("van-ban.doc", ole("WordDocument", storages=["Macros"]))[0] == "macro"


def test_an_oversized_file_is_refused_with_the_limit(settings):
    settings.DOCUMENT_MAX_UPLOAD_BYTES = 1024
    code, message = refusal("lon.pdf", PDF + b"%" * 2000)
    assert code == "too_large"
    assert "quá lớn" in message


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"Just some text",
        b"PK\x03\x04 not really a zip",
        ooxml("docx")[:-40],
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,
        b"%PDF-1.7\n truncated",
        b"\x89PNG\r\n\x1a\n",
    ],
)
def test_damaged_or_other_files_are_refused_never_crash(content):
    code, message = refusal("x.pdf", content)
    assert code in {"empty", "unknown_type", "broken_office", "broken_pdf"}
    assert message


def test_a_zip_that_is_not_office_is_refused():
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "hello")
    assert refusal("tai-lieu.docx", out.getvalue())[0] == "unknown_type"


def test_stored_name_is_made_by_the_server_with_the_real_extension(settings):
    docx = ooxml("docx")
    document_file = DocumentFileFactory(file=SimpleUploadedFile("../../Kế hoạch.pdf", docx))
    assert document_file.kind == "docx"
    assert document_file.original_name == "Kế hoạch.docx"
    assert document_file.file.name.startswith("documents/")
    assert document_file.file.name.endswith(".docx")
    assert "hoach" not in document_file.file.name and ".." not in document_file.file.name
    assert (settings.MEDIA_ROOT / document_file.file.name).read_bytes() == docx


def test_a_refused_file_is_not_stored(settings):
    document = DocumentFactory()
    with pytest.raises(ValidationError):
        DocumentFile.objects.create(document=document, file=upload("a.pdf", EXECUTABLE))
    assert not DocumentFile.objects.exists()
    assert not (settings.MEDIA_ROOT / "documents").exists()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("C:\\Users\\x\\Công văn số 5.PDF", "Công văn số 5.pdf"),
        ("a\r\nb.pdf", "ab.pdf"),
        ("...", "van-ban.pdf"),
        ("noextension", "noextension.pdf"),
    ],
)
def test_download_names_keep_the_uploaded_name_safely(name, expected):
    assert download_name(name, "pdf") == expected


def test_download_gives_the_original_name_and_nosniff(client):
    document_file = DocumentFileFactory()
    response = client.get(document_file.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "filename*=utf-8''K%E1%BA%BF%20ho%E1%BA%A1ch%20th%C3%A1ng%20thanh%20ni%C3%AAn.pdf" in (
        disposition
    )
    assert b"".join(response.streaming_content) == PDF


def test_files_of_unpublished_documents_are_not_downloadable(client):
    hidden = DocumentFileFactory(document=DocumentFactory(unpublished=True))
    scheduled = DocumentFileFactory(document=DocumentFactory(scheduled=True))
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert client.get(scheduled.get_absolute_url()).status_code == 404


def test_a_file_missing_from_storage_is_a_404_not_a_500(client, settings):
    document_file = DocumentFileFactory()
    (settings.MEDIA_ROOT / document_file.file.name).unlink()
    response = client.get(document_file.get_absolute_url())
    assert response.status_code == 404
