"""The article admin's own pages: history, compare and restore, trash, autosave, preview."""

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from .. import editing, revisions, services, workflow
from ..models import Article, ArticleAutosave

HISTORY_PER_PAGE = 30
# What autosave never stores: the CSRF token, the version token (a restored autosave must not
# make a stale form look fresh), the pressed button and the admin's bookkeeping.
AUTOSAVE_SKIPPED = {"csrfmiddlewaretoken", "version_token", "_action", "_continue"}
AUTOSAVE_MAX_BYTES = 2_000_000


def redirect_to_change(article):
    return HttpResponseRedirect(reverse("admin:news_article_change", args=[article.pk]))


def _article_or_404(model_admin, request, pk, *, perm="change"):
    article = get_object_or_404(model_admin.get_queryset(request), pk=unquote(str(pk)))
    if not getattr(model_admin, f"has_{perm}_permission")(request, article):
        raise PermissionDenied
    return article


def _context(request, model_admin, title, **extra):
    return {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": title,
        **extra,
    }


def editor_context(request, model_admin, context, article):
    """What the article form shows besides its fields: an autosave to offer back, who else
    has the article open, the stale-form comparison and the summary of errors."""
    form = context["adminform"].form
    extra = {
        "conflict": getattr(form, "conflict", None),
        "error_summary": _error_summary(form, context.get("inline_admin_formsets", [])),
        "others_editing": [],
        "can_publish": request.user.has_perm("news.publish_article"),
        "article_state": article.state if article else Article.State.DRAFT,
        "review_note": article.review_note if article else "",
        "is_writer": workflow.is_writer(request.user),
        "reason_max_length": workflow.REASON_MAX_LENGTH,
    }
    extra["is_draft"] = extra["article_state"] in (Article.State.DRAFT, Article.State.SENT_BACK)
    if article is not None:
        editing.presence_mark(article_pk=article.pk, user=request.user)
        extra["others_editing"] = editing.presence_others(article_pk=article.pk, user=request.user)
        extra["remote_images"] = services.remote_image_urls(article.body)
        extra["autosave_url"] = reverse("admin:news_article_autosave", args=[article.pk])
        extra["preview_url"] = reverse("admin:news_article_preview", args=[article.pk])
        extra["send_back_url"] = reverse("admin:news_article_send_back", args=[article.pk])
    else:
        extra["autosave_url"] = reverse("admin:news_article_autosave_new")
        extra["preview_url"] = reverse("admin:news_article_preview_new")
    if request.method == "GET":
        autosave = ArticleAutosave.objects.filter(user=request.user, article=article).first()
        if autosave and (article is None or autosave.saved_at > article.updated_at):
            extra["autosave"] = autosave
    return extra


def _error_summary(form, inline_formsets):
    """[(label, message, field id)] of every failing field, in the form's order."""
    summary = []
    for name, errors in form.errors.items():
        if name == "__all__":
            continue
        label = form.fields[name].label if name in form.fields else name
        summary.append((label, " ".join(errors), f"id_{form.add_prefix(name)}"))
    for inline in inline_formsets:
        formset = inline.formset
        for index, errors in enumerate(formset.errors):
            for name, messages_ in errors.items():
                label = formset.form.base_fields[name].label if name != "__all__" else ""
                summary.append(
                    (
                        f"{inline.opts.verbose_name_plural} #{index + 1} {label}".strip(),
                        " ".join(messages_),
                        f"id_{formset.prefix}-{index}-{name}",
                    )
                )
        for message in formset.non_form_errors():
            summary.append((inline.opts.verbose_name_plural, message, f"{formset.prefix}-group"))
    return summary


def history(request, model_admin, object_id):
    article = _article_or_404(model_admin, request, object_id, perm="view")
    page = Paginator(revisions.article_versions(article), HISTORY_PER_PAGE).get_page(
        request.GET.get("page")
    )
    versions = list(page.object_list)
    # One more (older) revision, so that the last one on the page also says what it changed.
    older = (
        revisions.article_versions(article).filter(pk__lt=versions[-1].pk).first()
        if (versions)
        else None
    )
    snapshots = revisions.snapshots_of_versions([*versions, *([older] if older else [])])
    rows = revisions.snapshot_rows(*snapshots)
    entries = []
    for index, version in enumerate(versions):
        changed = None
        if index + 1 < len(snapshots):
            changed = [label for label, values in rows if values[index] != values[index + 1]]
        entries.append(
            {
                "version": version,
                "action": revisions.action_label(version.revision.comment),
                "changed": changed,
            }
        )
    context = _context(
        request,
        model_admin,
        _("History of “%(title)s”") % {"title": article.title},
        article=article,
        entries=entries,
        page=page,
        created_by_name=_person(article.created_by),
    )
    return TemplateResponse(request, "admin/news/article/history.html", context)


def _person(user):
    return (user.get_full_name() or user.get_username()) if user else "—"


def _version_or_404(article, version_id):
    version = revisions.article_versions(article).filter(pk=version_id).first()
    if version is None:
        raise Http404(_("This revision does not exist."))
    return version


def _int_param(request, name):
    value = request.GET.get(name, "")
    if not value.isascii() or not value.isdigit() or len(value) > 12:
        raise Http404(_("This revision does not exist."))
    return int(value)


def compare(request, model_admin, pk):
    article = _article_or_404(model_admin, request, pk, perm="view")
    old = _version_or_404(article, _int_param(request, "a"))
    new = _version_or_404(article, _int_param(request, "b"))
    if old.revision.date_created > new.revision.date_created:
        old, new = new, old
    snapshots = revisions.snapshots_of_versions([old, new])
    context = _context(
        request,
        model_admin,
        _("Compare two revisions of “%(title)s”") % {"title": article.title},
        article=article,
        old=old,
        new=new,
        rows=revisions.compare(*snapshots),
        can_change=model_admin.has_change_permission(request, article),
    )
    return TemplateResponse(request, "admin/news/article/compare.html", context)


@require_POST
def restore(request, model_admin, pk, version_id):
    article = _article_or_404(model_admin, request, pk)
    version = _version_or_404(article, version_id)
    # A writer restores their text, never an editor's choice of featuring or unit.
    keep = {"is_featured", "organization_id"} if workflow.is_writer(request.user) else ()
    services.article_restore_revision(
        article=article, version=version, user=request.user, keep=keep
    )
    when = date_format(timezone.localtime(version.revision.date_created), "H:i d/m/Y")
    messages.success(
        request,
        _("The revision of %(when)s is restored; the restore is a new revision in the history.")
        % {"when": when},
    )
    return redirect_to_change(article)


@require_POST
def send_back(request, model_admin, pk):
    """ "Trả lại": an editor gives an article waiting for review back to its writer."""
    article = _article_or_404(model_admin, request, pk)
    if not request.user.has_perm("news.publish_article"):
        raise PermissionDenied
    reason = request.POST.get("reason", "").strip()
    problem = None
    if article.status != Article.Status.REVIEW:
        problem = _("Only an article waiting for review can be sent back.")
    elif not reason:
        problem = _("Write the reason: the writer sees it and corrects the article.")
    elif len(reason) > workflow.REASON_MAX_LENGTH:
        problem = _("The reason is too long (at most %(max)d characters).") % {
            "max": workflow.REASON_MAX_LENGTH
        }
    if problem:
        context = _context(request, model_admin, _("Send back"), problem=problem, article=article)
        return TemplateResponse(
            request, "admin/news/article/send_back_refused.html", context, status=400
        )
    workflow.article_send_back(article=article, user=request.user, reason=reason)
    messages.success(request, _("Sent back to its writer, with your reason."))
    return redirect_to_change(article)


def trash(request, model_admin):
    # The trash holds everyone's articles: not a writer's page.
    if not model_admin.has_view_or_change_permission(request) or workflow.is_writer(request.user):
        raise PermissionDenied
    can_purge = request.user.has_perm("news.purge_article")
    if request.method == "POST":
        return _trash_post(request, model_admin, can_purge)
    trashed = Article.objects.trashed().select_related("deleted_by", "category")
    page = Paginator(trashed.order_by("-deleted_at", "-id"), 50).get_page(request.GET.get("page"))
    context = _context(
        request,
        model_admin,
        _("Trash"),
        page=page,
        can_restore=model_admin.has_delete_permission(request),
        can_purge=can_purge,
        keep_days=settings.TRASH_KEEP_DAYS,
    )
    return TemplateResponse(request, "admin/news/article/trash.html", context)


def _trash_post(request, model_admin, can_purge):
    article = Article.objects.trashed().filter(pk=_post_int(request, "article")).first()
    if article is None:
        messages.error(request, _("This article is not in the trash."))
    elif request.POST.get("do") == "restore" and model_admin.has_delete_permission(request):
        article.restore_from_trash()
        messages.success(request, _("“%(title)s” is restored.") % {"title": article.title})
    elif request.POST.get("do") == "purge" and can_purge:
        title = article.title
        article.delete()
        messages.success(request, _("“%(title)s” is deleted for good.") % {"title": title})
    else:
        raise PermissionDenied
    return redirect(reverse("admin:news_article_trash"))


def _post_int(request, name):
    value = request.POST.get(name, "")
    return int(value) if value.isascii() and value.isdigit() and len(value) < 12 else 0


@require_POST
def autosave(request, model_admin, pk=None):
    """Keeps what the editor has typed (the form's fields as posted by the page's script),
    and says who else has the article open."""
    article = None
    if pk is not None:
        article = _article_or_404(model_admin, request, pk)
    elif not model_admin.has_add_permission(request):
        raise PermissionDenied
    if request.POST.get("_presence"):
        others = []
        if article is not None:
            editing.presence_mark(article_pk=article.pk, user=request.user)
            others = editing.presence_others(article_pk=article.pk, user=request.user)
        return JsonResponse({"others": others})
    if request.POST.get("_discard"):
        ArticleAutosave.objects.filter(user=request.user, article=article).delete()
        return JsonResponse({"discarded": True})
    data = {
        name: request.POST.getlist(name)
        for name in request.POST
        if name not in AUTOSAVE_SKIPPED and not name.startswith("_")
    }
    if len(str(data).encode()) > AUTOSAVE_MAX_BYTES:
        return JsonResponse({"error": _("The text is too long to be autosaved.")}, status=400)
    with transaction.atomic():
        saved, _created = ArticleAutosave.objects.update_or_create(
            user=request.user, article=article, defaults={"data": data}
        )
    others = []
    if article is not None:
        editing.presence_mark(article_pk=article.pk, user=request.user)
        others = editing.presence_others(article_pk=article.pk, user=request.user)
    when = date_format(timezone.localtime(saved.saved_at), "H:i:s")
    return JsonResponse(
        {"saved_at": when, "message": _("Autosaved at %(when)s") % {"when": when}, "others": others}
    )


@require_POST
def preview(request, model_admin, pk=None):
    """The public article page as the form would make it, opened in a new tab: the form is
    saved inside a transaction that is then rolled back, so nothing is stored."""
    from news.views import render_article

    article = None
    if pk is not None:
        article = _article_or_404(model_admin, request, pk)
    elif not model_admin.has_add_permission(request):
        raise PermissionDenied
    form_class = model_admin.get_form(request, article, change=article is not None)
    form_class = type(form_class.__name__, (form_class,), {"is_preview": True})
    form = form_class(request.POST, instance=article)
    if not form.is_valid():
        context = _context(
            request,
            model_admin,
            _("Preview"),
            error_summary=_error_summary(form, []),
            non_field_errors=form.non_field_errors(),
        )
        return TemplateResponse(
            request, "admin/news/article/preview_errors.html", context, status=400
        )
    with transaction.atomic():
        obj = form.save(commit=False)
        if obj.created_by_id is None:
            obj.created_by = request.user
        obj.save()
        form.save_m2m()
        response = render_article(
            request, Article.objects.for_detail().get(pk=obj.pk), is_preview=True
        )
        transaction.set_rollback(True)
    return response


@require_POST
def import_remote_images(request, model_admin, pk):
    """The one-click import of the pictures that other sites host, through the upload checks."""
    article = _article_or_404(model_admin, request, pk)
    imported, refused = services.article_import_remote_images(article=article, user=request.user)
    if imported:
        messages.success(
            request,
            ngettext(
                "%(count)d picture from another site is now stored here.",
                "%(count)d pictures from other sites are now stored here.",
                len(imported),
            )
            % {"count": len(imported)},
        )
    for url, reason in refused:
        messages.error(
            request,
            _("Picture %(url)s was not imported: %(reason)s.") % {"url": url, "reason": reason},
        )
    return redirect_to_change(article)
