from django.conf import settings
from django.core.management.base import BaseCommand

from news.models import Article


class Command(BaseCommand):
    help = (
        "Deletes for good the articles that have been in the trash longer than "
        "TRASH_KEEP_DAYS days (run daily from cron)."
    )

    def handle(self, *args, **options):
        purgeable = Article.objects.trashed().purgeable()
        count = 0
        for article in purgeable.iterator():
            article.delete()
            count += 1
        self.stdout.write(
            f"{count} article(s) deleted from the trash (kept {settings.TRASH_KEEP_DAYS} days)."
        )
