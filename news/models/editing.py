"""What editors keep while they work: the text autosaved as it is typed."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ArticleAutosave(models.Model):
    """The last autosaved state of one editor's form for one article (none: a new article).

    Kept on the server rather than in the browser: it survives a crash, a closed tab or a
    change of computer, and nothing of a draft stays behind on a shared office computer.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="article_autosaves",
    )
    article = models.ForeignKey(
        "news.Article",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="autosaves",
    )
    data = models.JSONField(_("form contents"), default=dict)
    saved_at = models.DateTimeField(_("saved at"), auto_now=True)

    class Meta:
        verbose_name = _("autosaved draft")
        verbose_name_plural = _("autosaved drafts")
        ordering = ["-saved_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "article"], name="autosave_user_article"),
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(article__isnull=True),
                name="autosave_user_new_article",
            ),
        ]

    def __str__(self):
        return f"{self.user} · {self.article or '-'}"
