import reversion
from django.contrib import admin, messages
from django.http import Http404, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.formats import date_format, number_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from portal.admin_tools import SafeModelAdmin

from .. import editing, services, workflow
from ..admin_statistics import statistics_view
from ..models import Article, ArticleAutosave, ArticleImage
from . import views
from .filters import AuthorFilter, StateFilter
from .forms import (
    ACTION_DRAFT,
    ACTION_PUBLISH,
    ACTION_SAVE,
    ACTION_SCHEDULE,
    ACTION_SUBMIT,
    ACTIONS,
    ArticleAdminForm,
    CoverPictureWidget,
)


class ArticleImageInline(admin.TabularInline):
    model = ArticleImage
    extra = 0
    fields = ["image", "caption", "alt_text", "order"]


def article_choice_label(article):
    """How an article is offered in a lookup: its title, date and state."""
    when = date_format(article.published_at, "SHORT_DATE_FORMAT") if article.published_at else ""
    return f"{article.title} ({when} · {article.get_state_display()})"


def _action_of(request):
    action = request.POST.get("_action", ACTION_SAVE)
    return action if action in ACTIONS else ACTION_SAVE


@admin.register(Article)
class ArticleAdmin(SafeModelAdmin):
    form = ArticleAdminForm
    change_form_template = "admin/news/article/change_form.html"
    delete_confirmation_template = "admin/news/article/delete_confirmation.html"
    list_display = [
        "title",
        "category",
        "state",
        "published_at",
        "is_featured",
        "reads",
        "updated_by",
    ]
    list_filter = [
        StateFilter,
        AuthorFilter,
        "is_featured",
        "category",
        "source",
        "organization",
        "published_at",
    ]
    list_select_related = ["category", "category__parent", "updated_by"]
    search_fields = ["title", "lead"]
    folded_search_fields = ["search_title", "search_text"]
    date_hierarchy = "published_at"
    autocomplete_fields = [
        "category",
        "organization",
        "source",
        "tags",
        "related_articles",
        "cover_picture",
    ]
    readonly_fields = [
        "read_count",
        "created_by",
        "created_at",
        "updated_by",
        "updated_at",
        "legacy_id",
        "wordpress_id",
        "wordpress_slug",
        "legacy_read_count",
        "body_preview",  # in place of the body for whoever may only view it (get_fieldsets)
    ]
    inlines = [ArticleImageInline]
    actions = ["publish_selected", "withdraw_selected", "trash_selected"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "lead", "body", "version_token"]}),
        (
            gettext_lazy("Publication"),
            {"fields": ["published_at", "is_featured", "category", "organization"]},
        ),
        (
            gettext_lazy("Cover image"),
            {"fields": ["cover_picture", "cover_image", "cover_caption", "cover_alt"]},
        ),
        (
            gettext_lazy("Source"),
            {
                "fields": [
                    "source",
                    "byline",
                    "original_url",
                    "original_author",
                    "original_published_at",
                ]
            },
        ),
        (gettext_lazy("Tags and related news"), {"fields": ["tags", "related_articles"]}),
        (
            gettext_lazy("Old site"),
            {
                "description": gettext_lazy(
                    "Set by the import from the old site; its old addresses lead to this article."
                ),
                "fields": ["legacy_id", "wordpress_id", "wordpress_slug", "legacy_read_count"],
            },
        ),
        (
            gettext_lazy("History"),
            {
                "classes": ["collapse"],
                "fields": [
                    "read_count",
                    "created_by",
                    "created_at",
                    "updated_by",
                    "updated_at",
                ],
            },
        ),
    ]

    class Media:
        css = {"all": ["css/admin.css"]}
        js = ["js/article_editor.js"]

    def get_queryset(self, request):
        articles = super().get_queryset(request).live()
        if workflow.is_writer(request.user):
            articles = articles.written_by(request.user)
        return articles

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is None and workflow.is_writer(request.user):
            # Someone else's article is "not found", never "deleted?" with its id kept.
            raise Http404(_("This article does not exist or is not yours."))
        return obj

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if allowed and obj is not None and workflow.is_writer(request.user):
            # A writer's own drafts (sent back included); once sent, the editors have it.
            return obj.created_by_id == request.user.pk and obj.status == Article.Status.DRAFT
        return allowed

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        if allowed and obj is not None and workflow.is_writer(request.user):
            return self.has_change_permission(request, obj)
        return allowed

    def has_publish_permission(self, request):
        return request.user.has_perm("news.publish_article")

    def get_ordering(self, request):
        if request.GET.get(StateFilter.parameter_name) == Article.State.REVIEW:
            return ["submitted_at", "id"]  # the review queue: who waited longest first
        return super().get_ordering(request)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None and not self.has_change_permission(request, obj):
            # Only viewed (a writer's article once sent): the body as readers will see it,
            # not its HTML source.
            fieldsets = [
                (name, {**options, "fields": [_body_preview(f) for f in options["fields"]]})
                for name, options in fieldsets
            ]
        if not workflow.is_writer(request.user):
            return fieldsets
        hidden = {"published_at", "is_featured"}  # an editor's choice, when publishing
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f not in hidden]})
            for name, options in fieldsets
        ]

    @admin.display(description=gettext_lazy("body"))
    def body_preview(self, obj):
        # body_html is the body sanitised when it was saved (Article.save(), portal's one
        # sanitiser), the very HTML the public page shows.
        return mark_safe(obj.body_html)

    def get_autocomplete_fields(self, request):
        fields = super().get_autocomplete_fields(request)
        if workflow.is_writer(request.user):
            return [f for f in fields if f != "organization"]  # a list of their own units
        return fields

    @admin.display(description=gettext_lazy("state"), ordering="status")
    def state(self, obj):
        return format_html('<span class="state state-{}">{}</span>', obj.state, obj.state.label)

    @admin.display(description=gettext_lazy("Read count"), ordering="read_count")
    def reads(self, obj):
        # Shown, never edited: the count changes only in SQL (Article.count_read).
        url = reverse("admin:news_article_statistics") + f"?article={obj.pk}"
        return format_html(
            '<a href="{}">{}</a>', url, number_format(obj.read_count, force_grouping=True)
        )

    def autocomplete_label(self, obj):
        return article_choice_label(obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "cover_picture":
            kwargs["widget"] = CoverPictureWidget(db_field, self.admin_site)
        if db_field.name == "organization" and workflow.is_writer(request.user):
            kwargs["queryset"] = workflow.writer_units(request.user)
            kwargs["required"] = True
            kwargs["error_messages"] = {
                "invalid_choice": _(
                    "You write for your own units only: choose one of the list. The "
                    "administrators add a unit to your account."
                )
            }
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name == "related_articles":
            field.label_from_instance = article_choice_label
            field.queryset = field.queryset.live()
        return field

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        return type(
            form.__name__,
            (form,),
            {"user": request.user, "action": _action_of(request)},
        )

    def get_urls(self):
        def wrap(view, **kwargs):
            return self.admin_site.admin_view(
                lambda request, *args, **kw: view(request, self, *args, **kw), **kwargs
            )

        statistics = self.admin_site.admin_view(
            lambda request: statistics_view(request, self), cacheable=False
        )
        return [
            path("thong-ke/", statistics, name="news_article_statistics"),
            path("thung-rac/", wrap(views.trash), name="news_article_trash"),
            path("tu-dong-luu/", wrap(views.autosave), name="news_article_autosave_new"),
            path("xem-truoc/", wrap(views.preview), name="news_article_preview_new"),
            path("<int:pk>/tu-dong-luu/", wrap(views.autosave), name="news_article_autosave"),
            path("<int:pk>/xem-truoc/", wrap(views.preview), name="news_article_preview"),
            path("<int:pk>/tra-lai/", wrap(views.send_back), name="news_article_send_back"),
            path("<int:pk>/lich-su/so-sanh/", wrap(views.compare), name="news_article_compare"),
            path(
                "<int:pk>/lich-su/<int:version_id>/khoi-phuc/",
                wrap(views.restore),
                name="news_article_restore",
            ),
            path(
                "<int:pk>/lay-anh-ngoai/",
                wrap(views.import_remote_images),
                name="news_article_import_images",
            ),
            *super().get_urls(),
        ]

    def history_view(self, request, object_id, extra_context=None):
        return views.history(request, self, object_id)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        with reversion.create_revision():
            reversion.set_user(request.user)
            reversion.set_comment(_action_of(request))
            return super().changeform_view(request, object_id, form_url, extra_context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context.update(views.editor_context(request, self, context, obj))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        action = form.action
        before = Article.objects.get(pk=obj.pk).state if change else Article.State.DRAFT
        if action == ACTION_DRAFT:
            obj.status = Article.Status.DRAFT
        elif action == ACTION_SUBMIT:
            workflow.submit_fields(obj)
        elif action == ACTION_PUBLISH:
            services.publish_now_fields(obj, explicit_time="published_at" in form.changed_data)
        elif action == ACTION_SCHEDULE:
            obj.status = Article.Status.PUBLISHED
        if action in (ACTION_PUBLISH, ACTION_SCHEDULE):
            obj.review_note = ""
        super().save_model(request, obj, form, change)
        transition = workflow.article_after_save(article=obj, user=request.user, before=before)
        if transition:
            reversion.set_comment(transition)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        ArticleAutosave.objects.filter(user=request.user, article=form.instance).delete()
        if not change:
            ArticleAutosave.objects.filter(user=request.user, article=None).delete()

    def response_add(self, request, obj, post_url_continue=None):
        return self._stay_on_form(request, obj) or super().response_add(request, obj)

    def response_change(self, request, obj):
        return self._stay_on_form(request, obj) or super().response_change(request, obj)

    def _stay_on_form(self, request, obj):
        """After a publishing button the editor stays on the article, told what happened."""
        if "_action" not in request.POST:
            return None
        message = {
            ACTION_DRAFT: _("Saved as a draft: readers cannot see it."),
            ACTION_SUBMIT: _("Sent for review: the editors are told. You can no longer change it."),
            ACTION_PUBLISH: _("Published: readers see it now."),
            ACTION_SCHEDULE: _("Scheduled: readers will see it from %(when)s."),
            ACTION_SAVE: _("Saved."),
        }[_action_of(request)]
        when = date_format(obj.published_at, "H:i d/m/Y")
        self.message_user(request, message % {"when": when}, messages.SUCCESS)
        editing.presence_clear(article_pk=obj.pk, user=request.user)
        return views.redirect_to_change(obj)

    def response_delete(self, request, obj_display, obj_id):
        self.message_user(
            request,
            _("“%(title)s” is in the trash: it can be restored from there.")
            % {"title": obj_display},
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:news_article_changelist"))

    def delete_model(self, request, obj):
        obj.move_to_trash(user=request.user)

    def delete_queryset(self, request, queryset):
        for article in queryset:
            article.move_to_trash(user=request.user)

    def get_deleted_objects(self, objs, request):
        # Moving to the trash deletes nothing: only the article itself is listed.
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        return [str(obj) for obj in objs], model_count, set(), []

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        if not request.user.has_perm("news.publish_article"):
            actions.pop("publish_selected", None)
        return actions

    @admin.action(description=gettext_lazy("Publish the selected articles"))
    def publish_selected(self, request, queryset):
        count = services.articles_publish(articles=queryset, user=request.user)
        self.message_user(
            request,
            ngettext("%(count)d article published.", "%(count)d articles published.", count)
            % {"count": count},
        )

    @admin.action(
        description=gettext_lazy("Withdraw the selected articles (back to draft)"),
        permissions=["publish"],
    )
    def withdraw_selected(self, request, queryset):
        count = services.articles_withdraw(articles=queryset, user=request.user)
        self.message_user(
            request,
            ngettext("%(count)d article withdrawn.", "%(count)d articles withdrawn.", count)
            % {"count": count},
        )

    @admin.action(
        description=gettext_lazy("Move the selected articles to the trash"), permissions=["delete"]
    )
    def trash_selected(self, request, queryset):
        count = 0
        for article in queryset:
            article.move_to_trash(user=request.user)
            count += 1
        self.message_user(
            request,
            ngettext(
                "%(count)d article moved to the trash.",
                "%(count)d articles moved to the trash.",
                count,
            )
            % {"count": count},
        )


def _body_preview(field):
    return "body_preview" if field == "body" else field
