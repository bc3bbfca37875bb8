import re

from django import forms
from django.conf import settings
from django.core import signing
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import ContactMessage

PHONE = re.compile(r"^(\+84|0)[0-9]{8,10}$")
STARTED_SALT = "contact.form.started"


def form_started_token():
    """A signed time stamp the form carries: when the reader opened it."""
    return signing.dumps(timezone.now().timestamp(), salt=STARTED_SALT)


class SpamSuspected(Exception):
    """The form was filled by a program: the message is refused, with ``message`` to show."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class ContactForm(forms.ModelForm):
    # Hidden from people by CSS and from screen readers; programs fill every field they see.
    website = forms.CharField(required=False, label=_("Leave this field empty"))
    started = forms.CharField(widget=forms.HiddenInput)

    class Meta:
        model = ContactMessage
        fields = ["name", "email", "phone", "subject", "message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["started"].initial = form_started_token()
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["phone"].widget.attrs.update({"autocomplete": "tel", "inputmode": "tel"})
        self.fields["name"].widget.attrs["autocomplete"] = "name"

    def check_not_spam(self):
        """Raise SpamSuspected for the honeypot and for a form sent too fast or too late."""
        if self.data.get("website"):
            raise SpamSuspected(_("Your message could not be sent. Please try again."))
        try:
            started = float(signing.loads(self.data.get("started", ""), salt=STARTED_SALT))
        except (signing.BadSignature, TypeError, ValueError) as error:
            raise SpamSuspected(_("Please reload the page and send the form again.")) from error
        elapsed = timezone.now().timestamp() - started
        if elapsed > settings.CONTACT_FORM_MAX_AGE_SECONDS:
            raise SpamSuspected(
                _("The form was open for too long. Please reload the page and send it again.")
            )
        if elapsed < settings.CONTACT_FORM_MIN_SECONDS:
            raise SpamSuspected(
                _("The form was sent too fast. Please wait a few seconds and send it again.")
            )

    def clean_phone(self):
        phone = re.sub(r"[\s.\-()]", "", self.cleaned_data["phone"])
        if phone and not PHONE.match(phone):
            raise forms.ValidationError(
                _("Enter a Vietnamese phone number, such as 0912 345 678 or +84 912 345 678.")
            )
        return phone

    def clean(self):
        data = super().clean()
        if not data.get("email") and not data.get("phone") and not self.has_error("email"):
            if not self.has_error("phone"):
                raise forms.ValidationError(
                    _("Give an e-mail address or a phone number so that we can answer you.")
                )
        return data
