from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from .forms import ContactForm, SpamSuspected, form_started_token
from .services import TooManyMessages, contact_message_create, sender_key_for


# never_cache: the form carries a CSRF token and a time stamp of its own, so neither a
# shared page cache nor a browser may keep it.
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def contact(request):
    if request.method != "POST":
        return render(request, "contact/contact.html", {"form": ContactForm()})
    form = ContactForm(request.POST)
    status, refusal = 400, ""
    try:
        form.check_not_spam()
        if form.is_valid():
            contact_message_create(
                form=form,
                sender_key=sender_key_for(request),
                site_url=request.build_absolute_uri("/"),
            )
            return redirect("contact:contact_sent")
    except SpamSuspected as error:
        refusal = error.message
        form.data = form.data.copy()
        form.data["started"] = form_started_token()  # a fresh start for the next try
    except TooManyMessages:
        status = 429
        refusal = _(
            "You have already sent several messages in the last hour. "
            "Please wait a while before writing again, or call us."
        )
    context = {"form": form, "refusal": refusal}
    return render(request, "contact/contact.html", context, status=status)


@require_safe
def contact_sent(request):
    return render(request, "contact/contact_sent.html")
