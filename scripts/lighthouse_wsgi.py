"""The site as gunicorn serves it in production, plus its uploaded media (served in
production by the web server or object storage), for scripts/lighthouse.sh only."""

from django.conf import settings
from whitenoise import WhiteNoise

from portal.wsgi import application as site

# autorefresh: image renditions are written while the benchmark runs.
application = WhiteNoise(
    site, root=settings.MEDIA_ROOT, prefix=settings.MEDIA_URL, autorefresh=True
)
