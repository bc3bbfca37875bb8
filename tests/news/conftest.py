"""Fixtures of the review workflow's tests: a unit, a contributor of it and an editor."""

import pytest

from organizations.roles import CONTRIBUTORS, EDITORS
from tests.factories import OrganizationFactory, StaffMembershipFactory
from tests.news.editing_helpers import staff


@pytest.fixture
def unit():
    return OrganizationFactory(name="Huyện đoàn Châu Thành")


@pytest.fixture
def other_unit():
    return OrganizationFactory(name="Thành đoàn Rạch Giá")


@pytest.fixture
def contributor(unit):
    user = staff(CONTRIBUTORS, email="ctv@example.org", first_name="Lan")
    StaffMembershipFactory(user=user, organization=unit)
    return user


@pytest.fixture
def reviewer():
    return staff(EDITORS, email="btv@example.org", first_name="Minh")


@pytest.fixture
def contributor_client(client, contributor):
    client.force_login(contributor)
    return client


@pytest.fixture
def reviewer_client(client, reviewer):
    client.force_login(reviewer)
    return client
