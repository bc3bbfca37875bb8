from django.core.management.base import BaseCommand

from news.workflow import notifications_mail


class Command(BaseCommand):
    help = (
        "Mails the notifications that are due and not mailed yet: those of scheduled articles "
        "that have gone live, and any the mail server refused earlier (run every minute from "
        "cron)."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"{notifications_mail()} notification(s) mailed.")
