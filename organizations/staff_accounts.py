"""Staff accounts in one step: the add-user form chooses the role and the units.

The role is one of the groups of organizations/roles.py; choosing one ticks "Staff status"
("Trạng thái nhân viên"), without which nobody enters the administration. The units
(StaffMembership) are what a contributor ("Cộng tác viên") writes for.
"""

from django import forms
from django.contrib import admin
from django.contrib.auth.forms import AdminUserCreationForm
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from .models import Organization, StaffMembership
from .roles import CONTRIBUTORS, ROLES


class StaffCreationForm(AdminUserCreationForm):
    first_name = forms.CharField(label=_("Full name"), max_length=150, required=False)
    email = forms.EmailField(
        label=_("Email address"),
        required=False,
        help_text=_("Notifications (sent for review, sent back, published) are mailed here."),
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[("", _("No role (no access to the administration)"))]
        + [(name, name) for name in ROLES],
        required=False,
        help_text=_('A role ticks "Staff status": the account may sign in to the administration.'),
    )
    units = forms.ModelMultipleChoiceField(
        label=_("Units of the account"),
        queryset=Organization.objects.all(),
        required=False,
        widget=admin.widgets.FilteredSelectMultiple(_("units"), is_stacked=False),
        help_text=_("A contributor writes for these units only."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("role") == CONTRIBUTORS and not cleaned.get("units"):
            self.add_error("units", _("Choose at least one unit for a contributor."))
        return cleaned

    @transaction.atomic
    def save(self, commit=True):
        user = super().save(commit=False)
        user.first_name = self.cleaned_data.get("first_name", "")
        user.email = self.cleaned_data.get("email", "")
        role = self.cleaned_data.get("role")
        user.is_staff = bool(role)
        user.save()
        if role:
            user.groups.set([Group.objects.get(name=role)])
        StaffMembership.objects.bulk_create(
            StaffMembership(user=user, organization=unit) for unit in self.cleaned_data["units"]
        )
        return user


ADD_FIELDSETS = (
    (
        None,
        {
            "classes": ("wide",),
            "fields": ("username", "usable_password", "password1", "password2"),
        },
    ),
    (_("Person"), {"classes": ("wide",), "fields": ("first_name", "email")}),
    (_("Role and units"), {"classes": ("wide",), "fields": ("role", "units")}),
)


class StaffMembershipInline(admin.TabularInline):
    model = StaffMembership
    extra = 0
    autocomplete_fields = ["organization"]
    verbose_name = _("unit")
    verbose_name_plural = _("units (what a contributor writes for)")
