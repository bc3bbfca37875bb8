"""tests/factories.py has a factory for every model of ours, and each makes a valid row."""

import inspect

import factory
import pytest
from django.apps import apps
from django.conf import settings

from tests import factories

pytestmark = pytest.mark.django_db

FACTORIES = {
    obj._meta.model: obj
    for obj in vars(factories).values()
    if inspect.isclass(obj)
    and issubclass(obj, factory.django.DjangoModelFactory)
    and obj._meta.model is not None
}


def our_models():
    ours = {app.split(".")[0] for app in settings.INSTALLED_APPS}
    return [
        model
        for model in apps.get_models()
        if model._meta.app_label in ours and (settings.BASE_DIR / model._meta.app_label).is_dir()
    ]


def test_every_model_of_ours_has_a_factory():
    assert our_models()
    assert [m._meta.label for m in our_models() if m not in FACTORIES] == []


@pytest.mark.parametrize("model", our_models(), ids=lambda m: m._meta.label)
def test_each_factory_makes_a_row_the_database_keeps(model):
    made = FACTORIES[model]()
    assert model.objects.filter(pk=made.pk).exists()
