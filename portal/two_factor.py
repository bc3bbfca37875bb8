"""Two-factor sign-in (TOTP, django-otp) for administrators, when ADMIN_TWO_FACTOR is on.

After the password, an administrator (organizations.roles.role_requires_two_factor) must
give a code from an authenticator app before any admin page opens: the first time, the
enrolment page shows a QR code to scan and confirms the first code; afterwards the
verification page asks for the current code. Until then the account is a plain reader on
the public pages (no draft previews, no uploads). Losing the phone: another administrator
deletes the account's device in the admin ("TOTP devices"), and the next sign-in enrols anew.
"""

import base64
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from organizations.roles import role_requires_two_factor


def _pending(user):
    """Signed in with a password, needing a second factor not given yet."""
    return (
        settings.ADMIN_TWO_FACTOR
        and user.is_authenticated
        and not user.is_verified()
        and role_requires_two_factor(user)
    )


def two_factor_required(get_response):
    """Admin pages wait for the second factor; public pages treat the account as a reader."""

    def middleware(request):
        if _pending(request.user):
            path = request.path_info
            own_pages = (reverse("two_factor_verify"), reverse("two_factor_enrol"))
            if path.startswith(own_pages) or path == reverse("admin:logout"):
                pass
            elif path.startswith("/" + settings.ADMIN_URL):
                return redirect_to_second_factor(request)
            else:
                request.user = AnonymousUser()
        return get_response(request)

    return middleware


def redirect_to_second_factor(request):
    query = urlencode({REDIRECT_FIELD_NAME: request.get_full_path()})
    return redirect(f"{reverse('two_factor_verify')}?{query}")


def _next_url(request):
    url = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME, "")
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("admin:index")


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from the authenticator app"),
        min_length=6,
        max_length=6,
        strip=True,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
        error_messages={
            "required": _("Enter the 6-digit code."),
            "min_length": _("Enter the 6-digit code."),
            "max_length": _("Enter the 6-digit code."),
        },
    )


WRONG_CODE = _(
    "The code is wrong or has expired. Enter the code the app shows now; after several wrong "
    "codes, wait a little before trying again."
)


def _page(request, template, context):
    context = {
        **admin.site.each_context(request),
        "is_nav_sidebar_enabled": False,
        "next": _next_url(request),
        **context,
    }
    return render(request, template, context)


@never_cache
@sensitive_post_parameters("code")
def verify(request):
    """The current code of the administrator's authenticator app, after the password."""
    if not request.user.is_authenticated:
        return redirect(reverse("admin:login"))
    if not _pending(request.user):
        return redirect(_next_url(request))
    if not TOTPDevice.objects.devices_for_user(request.user, confirmed=True).exists():
        query = urlencode({REDIRECT_FIELD_NAME: _next_url(request)})
        return redirect(f"{reverse('two_factor_enrol')}?{query}")
    form = CodeForm(request.POST or None)
    if form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error("code", WRONG_CODE)
    return _page(request, "two_factor/verify.html", {"form": form, "title": _("Two-step sign-in")})


@never_cache
@sensitive_post_parameters("code")
def enrol(request):
    """First sign-in of an administrator: scan the QR code, confirm with one code."""
    if not request.user.is_authenticated:
        return redirect(reverse("admin:login"))
    if not _pending(request.user):
        return redirect(_next_url(request))
    if TOTPDevice.objects.devices_for_user(request.user, confirmed=True).exists():
        # A second device needs another administrator: a stolen password alone must not
        # be enough to add one.
        return redirect(reverse("two_factor_verify"))
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(
            user=request.user, name=str(_("Authenticator app")), confirmed=False
        )
    form = CodeForm(request.POST or None)
    if form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error("code", WRONG_CODE)
    qr = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    context = {
        "form": form,
        "title": _("Set up two-step sign-in"),
        # Generated here from our own data: an SVG path, no script.
        "qr_svg": mark_safe(qr.to_string(encoding="unicode")),
        "secret": base64.b32encode(device.bin_key).decode().rstrip("="),
    }
    return _page(request, "two_factor/enrol.html", context)
