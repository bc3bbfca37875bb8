"""Staff accounts in one step (role and units on the add form), the contributor role's
migration, and the sign-in message of an account without staff access."""

import importlib
from types import SimpleNamespace

import pytest
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.models import Group, User
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.urls import reverse

from organizations.models import StaffMembership
from organizations.roles import CONTRIBUTORS, EDITORS
from tests.factories import OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db

ADD_USER = reverse("admin:auth_user_add")
PASSWORD = "mat-khau-dai-va-kho-doan-2026"
CONTRIBUTOR_MIGRATION = ("organizations", "0006_contributor_role")


def new_account(**overrides):
    data = {
        "username": "ctv.chauthanh",
        "usable_password": "true",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "first_name": "Nguyễn Thị Lan",
        "email": "lan@example.org",
        "role": CONTRIBUTORS,
    }
    data.update(overrides)
    return data


def test_the_add_user_form_chooses_the_role_and_the_units(admin_client):
    units = [OrganizationFactory(name="Huyện đoàn Châu Thành"), OrganizationFactory()]
    page = admin_client.get(ADD_USER).content.decode()
    assert 'name="role"' in page and 'name="units"' in page and "Cộng tác viên" in page
    response = admin_client.post(ADD_USER, new_account(units=[u.pk for u in units]))
    assert response.status_code == 302
    user = User.objects.get(username="ctv.chauthanh")
    assert user.is_staff and not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == [CONTRIBUTORS]
    assert set(
        StaffMembership.objects.filter(user=user).values_list("organization", flat=True)
    ) == {u.pk for u in units}
    assert (user.first_name, user.email) == ("Nguyễn Thị Lan", "lan@example.org")
    # The units are managed on the account's page afterwards.
    change = admin_client.get(reverse("admin:auth_user_change", args=[user.pk]))
    assert "Huyện đoàn Châu Thành" in change.content.decode()


def test_a_contributor_needs_a_unit(admin_client):
    response = admin_client.post(ADD_USER, new_account())
    assert "Hãy chọn ít nhất một đơn vị cho cộng tác viên." in response.content.decode()
    assert not User.objects.filter(username="ctv.chauthanh").exists()


def test_an_account_without_a_role_has_no_staff_access(admin_client):
    response = admin_client.post(ADD_USER, new_account(role=""))
    assert response.status_code == 302
    user = User.objects.get(username="ctv.chauthanh")
    assert not user.is_staff and not user.groups.exists()


def test_an_editor_account_in_one_step(admin_client):
    response = admin_client.post(ADD_USER, new_account(role=EDITORS, username="btv"))
    assert response.status_code == 302
    user = User.objects.get(username="btv")
    assert user.is_staff and user.has_perm("news.publish_article")


def test_a_person_without_staff_access_is_told_so_not_wrong_password(client):
    UserFactory(username="bandoc", password=PASSWORD, is_staff=False)
    response = client.post(reverse("admin:login"), {"username": "bandoc", "password": PASSWORD})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Mật khẩu đúng, nhưng tài khoản này không được vào trang quản trị" in page
    assert "Tình trạng nhân viên" in page
    assert SESSION_KEY not in client.session
    # A wrong password still says what it always said.
    response = client.post(reverse("admin:login"), {"username": "bandoc", "password": "sai"})
    assert "Mật khẩu đúng" not in response.content.decode()


def test_the_contributor_migration_creates_the_role():
    Group.objects.filter(name=CONTRIBUTORS).delete()
    module = importlib.import_module("organizations.migrations.0006_contributor_role")
    state = MigrationLoader(connection).project_state(CONTRIBUTOR_MIGRATION, at_end=False)
    module.create_roles(state.apps, SimpleNamespace(connection=connection))
    group = Group.objects.get(name=CONTRIBUTORS)
    perms = set(group.permissions.values_list("content_type__app_label", "codename"))
    assert ("news", "add_article") in perms and ("news", "view_notification") in perms
    assert ("news", "publish_article") not in perms and ("news", "review_article") not in perms
