"""Editors manage the register in the admin: files are checked there with a Vietnamese message."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from documents.models import Document, DocumentFile
from organizations.roles import EDITORS, roles_sync
from tests.factories import (
    DocumentFactory,
    DocumentFileFactory,
    DocumentTypeFactory,
    OrganizationFactory,
    UserFactory,
)
from tests.samples import EXECUTABLE, PDF, ooxml

pytestmark = pytest.mark.django_db
ADD = reverse("admin:documents_document_add")


@pytest.fixture
def editor_in_role(client):
    roles_sync()
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(user)
    return client


def form_data(upload, **overrides):
    data = {
        "number": "125-KH/TĐTN-TCKT",
        "document_type": DocumentTypeFactory(name="Kế hoạch").pk,
        "issuer": OrganizationFactory().pk,
        "summary": "Tổ chức Tháng Thanh niên năm 2026",
        "issued_on": "26/03/2026",
        "is_published": "on",
        "published_at_0": "26/03/2026",
        "published_at_1": "08:00:00",
        "files-TOTAL_FORMS": "1",
        "files-INITIAL_FORMS": "0",
        "files-MIN_NUM_FORMS": "0",
        "files-MAX_NUM_FORMS": "1000",
        "files-0-file": upload,
        "files-0-order": "0",
    }
    data.update(overrides)
    return data


def test_an_editor_adds_a_document_with_its_file(editor_in_role, settings):
    response = editor_in_role.post(
        ADD, form_data(SimpleUploadedFile("Kế hoạch số 125.pdf", PDF)), follow=True
    )
    assert response.status_code == 200
    document = Document.objects.get()
    document_file = document.files.get()
    assert document_file.kind == "pdf" and document_file.original_name == "Kế hoạch số 125.pdf"
    assert document_file.size == len(PDF)
    assert (settings.MEDIA_ROOT / document_file.file.name).read_bytes() == PDF


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("ke-hoach.pdf", EXECUTABLE, "là một chương trình"),
        ("ke-hoach.docm", ooxml("docx", macro=True), "có macro"),
        ("ghi-chu.txt", b"plain text", "Chỉ nhận tệp PDF"),
    ],
)
def test_refused_files_get_a_vietnamese_message_and_nothing_is_stored(
    editor_in_role, settings, name, content, message
):
    response = editor_in_role.post(ADD, form_data(SimpleUploadedFile(name, content)))
    assert response.status_code == 200  # the form again, with the error
    assert message in response.content.decode()
    assert not Document.objects.exists() and not DocumentFile.objects.exists()
    assert not (settings.MEDIA_ROOT / "documents").exists()


def test_an_oversized_file_is_refused_in_the_admin(editor_in_role, settings):
    settings.DOCUMENT_MAX_UPLOAD_BYTES = 100
    response = editor_in_role.post(ADD, form_data(SimpleUploadedFile("a.pdf", PDF)))
    assert "quá lớn" in response.content.decode()
    assert not Document.objects.exists()


def test_editors_may_manage_documents_and_types(editor_in_role):
    document = DocumentFactory()
    for url in [
        reverse("admin:documents_document_changelist"),
        reverse("admin:documents_document_change", args=[document.pk]),
        reverse("admin:documents_documenttype_add"),
        reverse("admin:documents_documentsubject_add"),
    ]:
        assert editor_in_role.get(url).status_code == 200, url


def test_the_admin_list_is_in_vietnamese_with_flat_queries(
    admin_client, django_assert_max_num_queries
):
    for _n in range(5):
        DocumentFileFactory()
    url = reverse("admin:documents_document_changelist")
    with django_assert_max_num_queries(12):
        response = admin_client.get(url)
    assert "Số/ký hiệu" in response.content.decode() or "số/ký hiệu" in response.content.decode()
    for _n in range(45):
        DocumentFactory()
    with django_assert_max_num_queries(12):
        assert admin_client.get(url).status_code == 200
