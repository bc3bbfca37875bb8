"""The contact form: stored, read in the admin, e-mailed; spam kept out without third parties."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail, signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from contact.forms import STARTED_SALT
from contact.models import ContactMessage
from organizations.roles import EDITORS, roles_sync
from tests.factories import ContactMessageFactory, UserFactory

pytestmark = pytest.mark.django_db
URL = reverse("contact:contact")


def started(seconds_ago=10):
    return signing.dumps(timezone.now().timestamp() - seconds_ago, salt=STARTED_SALT)


def message(**overrides):
    data = {
        "name": "Nguyễn Thị Thanh Niên",
        "email": "thanhnien@example.vn",
        "phone": "",
        "subject": "Đăng ký tình nguyện hè",
        "message": "Em muốn đăng ký tham gia chiến dịch Mùa hè xanh.",
        "website": "",
        "started": started(),
    }
    data.update(overrides)
    return data


def test_the_form_page_is_vietnamese_and_never_cached(client):
    response = client.get(URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Liên hệ" in content and "Họ và tên" in content and "csrfmiddlewaretoken" in content
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_a_message_is_stored_and_confirmed_in_vietnamese(client):
    response = client.post(URL, message(), follow=True)
    assert response.redirect_chain[-1][0] == reverse("contact:contact_sent")
    assert "Cảm ơn" in response.content.decode()
    stored = ContactMessage.objects.get()
    assert stored.subject == "Đăng ký tình nguyện hè" and not stored.is_handled
    assert stored.sender_key and "127.0.0.1" not in stored.sender_key


def test_a_phone_number_alone_is_enough(client):
    client.post(URL, message(email="", phone="0912 345 678"))
    assert ContactMessage.objects.get().phone == "0912345678"


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"email": "", "phone": ""}, "Hãy cho biết địa chỉ e-mail hoặc số điện thoại"),
        ({"email": "khong-phai-email"}, "Nhập địa chỉ email"),
        ({"phone": "12345"}, "Hãy nhập số điện thoại Việt Nam"),
        ({"name": ""}, "Trường này là bắt buộc"),
        ({"message": "x" * 6000}, "tối đa 5000"),
    ],
)
def test_bad_input_is_a_400_with_a_vietnamese_message_and_nothing_stored(
    client, overrides, expected
):
    response = client.post(URL, message(**overrides))
    assert response.status_code == 400
    assert expected in response.content.decode()
    assert not ContactMessage.objects.exists()


def test_the_hidden_field_filled_by_a_program_is_refused(client):
    response = client.post(URL, message(website="http://spam.example.com"))
    assert response.status_code == 400
    assert "Không gửi được" in response.content.decode()
    assert not ContactMessage.objects.exists()


def test_a_form_sent_too_fast_is_refused(client):
    response = client.post(URL, message(started=started(seconds_ago=0)))
    assert response.status_code == 400
    assert "quá nhanh" in response.content.decode()
    assert not ContactMessage.objects.exists()


@pytest.mark.parametrize("token", ["", "abc", "1700000000", "forged"])
def test_a_missing_or_forged_time_stamp_is_refused(client, token):
    if token == "forged":
        token = started()[:-3] + "xyz"
    response = client.post(URL, message(started=token))
    assert response.status_code == 400
    assert "tải lại trang" in response.content.decode()
    assert not ContactMessage.objects.exists()


def test_a_form_left_open_too_long_is_refused_and_gets_a_fresh_start(client, settings):
    settings.CONTACT_FORM_MAX_AGE_SECONDS = 60
    response = client.post(URL, message(started=started(seconds_ago=120)))
    assert response.status_code == 400
    assert "mở quá lâu" in response.content.decode()
    assert response.context["form"].data["started"] != ""
    assert not ContactMessage.objects.exists()


def test_one_address_may_send_only_so_many_messages_an_hour(client, settings):
    settings.CONTACT_MAX_PER_HOUR = 2
    for n in range(2):
        data = message(email=f"a{n}@example.vn")
        assert client.post(URL, data).status_code == 302
    response = client.post(URL, message(email="khac@example.vn"))
    assert response.status_code == 429
    assert "trong một giờ qua" in response.content.decode()
    assert ContactMessage.objects.count() == 2
    # Another address is not held back by the first one.
    other = Client(REMOTE_ADDR="203.0.113.9")
    assert other.post(URL, message(email="moi@example.vn")).status_code == 302


def test_one_email_address_is_limited_from_any_network(settings):
    settings.CONTACT_MAX_PER_HOUR = 1
    assert Client(REMOTE_ADDR="203.0.113.1").post(URL, message()).status_code == 302
    assert Client(REMOTE_ADDR="203.0.113.2").post(URL, message()).status_code == 429


def test_the_limit_counts_only_the_last_hour(client, settings):
    settings.CONTACT_MAX_PER_HOUR = 1
    client.post(URL, message())
    ContactMessage.objects.update(created_at=timezone.now() - timezone.timedelta(hours=2))
    assert client.post(URL, message()).status_code == 302


def test_administrators_are_notified_by_email_when_addresses_are_set(client, settings):
    settings.CONTACT_NOTIFY_EMAILS = ["vanphong@tinhdoan.example.vn"]
    client.post(URL, message())
    [sent] = mail.outbox
    assert sent.to == ["vanphong@tinhdoan.example.vn"]
    assert "Đăng ký tình nguyện hè" in sent.subject
    stored = ContactMessage.objects.get()
    assert f"/contact/contactmessage/{stored.pk}/change/" in sent.body


def test_no_email_without_addresses_and_a_failing_mail_server_loses_nothing(client, settings):
    settings.CONTACT_NOTIFY_EMAILS = []
    client.post(URL, message(email="a@example.vn"))
    assert mail.outbox == []
    settings.CONTACT_NOTIFY_EMAILS = ["vanphong@tinhdoan.example.vn"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    assert client.post(URL, message(email="b@example.vn")).status_code == 302
    assert ContactMessage.objects.count() == 2


def test_administrators_read_and_mark_messages_in_the_admin(admin_client, admin_user, client):
    client.post(URL, message())
    stored = ContactMessage.objects.get()
    changelist = reverse("admin:contact_contactmessage_changelist")
    content = admin_client.get(changelist).content.decode()
    assert "Đăng ký tình nguyện hè" in content and "Đã xử lý" in content
    response = admin_client.post(
        changelist, {"action": "mark_handled", "_selected_action": [stored.pk]}, follow=True
    )
    assert response.status_code == 200
    stored.refresh_from_db()
    assert stored.is_handled and stored.handled_by == admin_user
    page = admin_client.get(reverse("admin:contact_contactmessage_change", args=[stored.pk]))
    assert "Em muốn đăng ký" in page.content.decode()


def test_admin_list_queries_stay_flat(admin_client, django_assert_max_num_queries):
    ContactMessage.objects.bulk_create(
        ContactMessage(name=f"N{n}", email="a@b.vn", subject="S", message="M", sender_key="k")
        for n in range(5)
    )
    url = reverse("admin:contact_contactmessage_changelist")
    with django_assert_max_num_queries(10):
        admin_client.get(url)
    ContactMessage.objects.bulk_create(
        ContactMessage(name=f"M{n}", email="a@b.vn", subject="S", message="M", sender_key="k")
        for n in range(45)
    )
    with django_assert_max_num_queries(10):
        assert admin_client.get(url).status_code == 200


def test_editors_cannot_read_contact_messages(client):
    roles_sync()
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(user)
    response = client.get(reverse("admin:contact_contactmessage_changelist"))
    assert response.status_code == 403


def test_the_administrators_role_reads_and_marks_messages(client):
    from organizations.roles import ADMINISTRATORS

    roles_sync()
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=ADMINISTRATORS))
    client.force_login(user)
    stored = ContactMessageFactory()
    assert client.get(reverse("admin:contact_contactmessage_changelist")).status_code == 200
    url = reverse("admin:contact_contactmessage_change", args=[stored.pk])
    assert client.post(url, {"is_handled": "on", "note": "Đã gọi lại"}).status_code == 302
    stored.refresh_from_db()
    assert stored.is_handled and stored.handled_by == user and stored.note == "Đã gọi lại"
    assert client.get(reverse("admin:contact_contactmessage_add")).status_code == 403
