import pytest
from django.utils import timezone

from organizations.models import Organization, SponsorClick
from tests.factories import OrganizationFactory, SponsorFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("children", [5, 50])
def test_organisation_for_detail_loads_active_sub_units_in_two_queries(
    django_assert_num_queries, children
):
    province = OrganizationFactory(name="Tỉnh đoàn Kiên Giang", kind=Organization.Kind.UNION)
    for i in range(children):
        OrganizationFactory(name=f"Huyện đoàn {i:02d}", parent=province, order=children - i)
    OrganizationFactory(name="Đã giải thể", parent=province, is_active=False)
    with django_assert_num_queries(2):
        organization = Organization.objects.for_detail().get(pk=province.pk)
        names = [child.name for child in organization.active_children]
        assert organization.parent is None
    assert len(names) == children
    assert "Đã giải thể" not in names
    assert names[0] == f"Huyện đoàn {children - 1:02d}"  # by order, then name


def test_organisation_slug_folds_vietnamese():
    organization = Organization.objects.create(name="Đoàn Thanh niên Phường Vĩnh Thanh Vân")
    assert organization.slug == "doan-thanh-nien-phuong-vinh-thanh-van"


def test_count_click_survives_a_first_click_counted_concurrently(monkeypatch):
    from django.db import transaction

    sponsor = SponsorFactory()
    month = timezone.localdate().replace(day=1)
    real_atomic = transaction.atomic
    raced = []

    def atomic_after_a_racing_insert(*args, **kwargs):
        if not raced:
            raced.append(True)
            # Another request inserts this month's row after our UPDATE found none.
            SponsorClick.objects.bulk_create([SponsorClick(sponsor=sponsor, month=month, count=5)])
        return real_atomic(*args, **kwargs)

    monkeypatch.setattr(transaction, "atomic", atomic_after_a_racing_insert)
    sponsor.count_click()
    assert raced
    assert SponsorClick.objects.get(sponsor=sponsor, month=month).count == 6
