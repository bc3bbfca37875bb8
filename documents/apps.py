from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Documents register")

    def ready(self):
        from portal.caching import register_next_change

        from . import caching
        from .models import Document, DocumentFile, DocumentType

        for model in (Document, DocumentFile, DocumentType):
            for signal in (post_save, post_delete):
                signal.connect(
                    caching.forget_documents,
                    sender=model,
                    dispatch_uid=f"documents_forget_{model.__name__}_{signal}",
                )
        register_next_change(caching.next_scheduled_document)
        m2m_changed.connect(
            caching.forget_documents,
            sender=Document.articles.through,
            dispatch_uid="documents_forget_articles",
        )
