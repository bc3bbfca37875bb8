import logging

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from news.reads import client_address

from .models import ContactMessage

logger = logging.getLogger(__name__)


class TooManyMessages(Exception):
    pass


def sender_key_for(request):
    """A keyed hash of the sender's address: the same address gives the same key."""
    return salted_hmac("contact.sender", client_address(request)).hexdigest()


def contact_message_create(*, form, sender_key, site_url=""):
    """Store the message of a valid ``form`` and tell the administrators, unless this sender
    has reached the hourly limit (TooManyMessages)."""
    recent = ContactMessage.objects.recent_from(
        sender_key=sender_key, email=form.cleaned_data.get("email", "")
    )
    if recent.count() >= settings.CONTACT_MAX_PER_HOUR:
        raise TooManyMessages
    message = form.save(commit=False)
    message.sender_key = sender_key
    message.save()
    admin_path = reverse("admin:contact_contactmessage_change", args=[message.pk])
    contact_message_notify(message=message, admin_url=site_url.rstrip("/") + admin_path)
    return message


def contact_message_notify(*, message, admin_url=""):
    """E-mail the addresses in CONTACT_NOTIFY_EMAILS; a mail server that fails never loses the
    message, which is stored already."""
    recipients = settings.CONTACT_NOTIFY_EMAILS
    if not recipients:
        return
    body = "\n".join(
        [
            # Outside f-strings, where makemessages (xgettext) does not look.
            _("Full name") + f": {message.name}",
            _("E-mail") + f": {message.email}",
            _("Phone") + f": {message.phone}",
            "",
            message.message,
            "",
            admin_url,
        ]
    )
    try:
        send_mail(
            _("Contact: %(subject)s") % {"subject": message.subject},
            body,
            None,
            recipients,
        )
    except Exception:
        logger.exception("Contact message %s: the notification e-mail failed", message.pk)
