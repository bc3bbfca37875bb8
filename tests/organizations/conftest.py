import pytest

from organizations.roles import ADMINISTRATORS, EDITORS, roles_sync
from tests.factories import UserFactory


@pytest.fixture
def roles(db):
    """The two role groups; made again here because a transactional test's flush empties them."""
    from django.contrib.auth.models import Group

    roles_sync()
    return {group.name: group for group in Group.objects.filter(name__in=[ADMINISTRATORS, EDITORS])}


@pytest.fixture
def site_admin(roles):
    """A site administrator: staff in "Quản trị viên", not a superuser."""
    user = UserFactory(username="quantri", is_staff=True)
    user.groups.add(roles[ADMINISTRATORS])
    return user


@pytest.fixture
def site_admin_client(client, site_admin):
    client.force_login(site_admin)
    return client


@pytest.fixture
def role_editor(roles):
    """An editor: staff in "Biên tập viên"."""
    user = UserFactory(username="bientap", is_staff=True)
    user.groups.add(roles[EDITORS])
    return user


@pytest.fixture
def role_editor_client(client, role_editor):
    client.force_login(role_editor)
    return client


@pytest.fixture(params=["locmem", "redis"])
def any_cache(request, settings):
    """Run a test once with the local-memory cache and once against the real Redis."""
    if request.param == "redis":
        return request.getfixturevalue("redis_cache")
    from django.core.cache import caches

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    return caches["default"]
