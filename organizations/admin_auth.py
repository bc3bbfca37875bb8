"""Users and groups in the admin, with permission names in Vietnamese.

Django stores a permission's name in English ("Can add article") when it creates it, and
never translates it. The name shown here is made from the permission's action and the
model's translated name, so it follows the site's language and a new model needs no entry.
"""

from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

DEFAULT_ACTIONS = {
    "add": gettext_noop("Can add %(model)s"),
    "change": gettext_noop("Can change %(model)s"),
    "delete": gettext_noop("Can delete %(model)s"),
    "view": gettext_noop("Can view %(model)s"),
}


def permission_label(permission):
    """ "<app> | <model> | <what it allows>", in the site's language."""
    model = permission.content_type.model_class()
    action, _sep, model_name = permission.codename.partition("_")
    if model is not None and action in DEFAULT_ACTIONS and model_name == model._meta.model_name:
        name = _(DEFAULT_ACTIONS[action]) % {"model": model._meta.verbose_name}
    else:
        name = _(permission.name)  # custom permissions carry an English msgid as their name
    return f"{permission.content_type} | {name}"


class VietnamesePermissionsMixin:
    def formfield_for_manytomany(self, db_field, request=None, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name in ("permissions", "user_permissions"):
            field.label_from_instance = permission_label
        return field


class PortalGroupAdmin(VietnamesePermissionsMixin, GroupAdmin):
    pass


# Users: organizations/admin.py's StaffUserAdmin takes the mixin.
if admin.site.is_registered(Group):
    admin.site.unregister(Group)
admin.site.register(Group, PortalGroupAdmin)
