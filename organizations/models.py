from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.html import html_for_readers, sanitize_html
from portal.images import DatedUploadTo, SafeImageField
from portal.renditions import fit_box
from portal.text import unique_slug

http_url_validator = URLValidator(
    schemes=["http", "https"],
    message=_("Enter a web address starting with http:// or https://."),
)


class OrganizationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def for_detail(self):
        """The organisation page: its parent, and its active sub-units as ``active_children``."""
        return self.select_related("parent").prefetch_related(
            models.Prefetch(
                "children",
                queryset=Organization.objects.active().only(
                    "id", "name", "short_name", "slug", "parent_id", "order"
                ),
                to_attr="active_children",
            )
        )


class Organization(models.Model):
    class Kind(models.TextChoices):
        UNION = "doan", _("Youth Union (Đoàn)")
        ASSOCIATION = "hoi", _("Youth Association (Hội)")
        PIONEERS = "doi", _("Young Pioneers (Đội)")
        DISTRICT_UNION = "huyen_doan", _("District or city union")
        AFFILIATED_UNION = "doan_truc_thuoc", _("Affiliated union")
        OTHER = "khac", _("Other")

    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    slug = models.SlugField(
        _("slug"),
        max_length=255,
        unique=True,
        blank=True,
        help_text=_("Part of the page address. Left empty, it is made from the name."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.OTHER)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    logo = SafeImageField(
        _("logo"),
        srcset_copies=False,
        upload_to=DatedUploadTo("organizations"),
        blank=True,
        width_field="logo_width",
        height_field="logo_height",
    )
    logo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    introduction = models.TextField(_("introduction"), blank=True)
    # The introduction as readers get it (lazy pictures, srcset), made by save().
    introduction_html = models.TextField(editable=False, default="")
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.short_name or self.name, fallback="to-chuc")
        self.introduction = sanitize_html(self.introduction)
        self.introduction_html = html_for_readers(self.introduction)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("organizations:organization_detail", kwargs={"slug": self.slug})

    def clean(self):
        # The tree has the provincial union at its root: no organisation under itself.
        ancestor, seen = self.parent, set()
        while ancestor is not None and ancestor.pk not in seen:
            if self.pk is not None and ancestor.pk == self.pk:
                raise ValidationError(
                    {"parent": _("An organisation cannot be placed under itself or its sub-units.")}
                )
            seen.add(ancestor.pk)
            ancestor = ancestor.parent


class SiteIdentity(models.Model):
    """The one record that names the site: header, footer and social links."""

    site_name = models.CharField(_("site name"), max_length=255, default="Tỉnh đoàn")
    tagline = models.CharField(
        _("tagline"),
        max_length=255,
        blank=True,
        help_text=_("Shown under the site name in the header of every page."),
    )
    logo = SafeImageField(
        _("logo"),
        srcset_copies=False,
        upload_to=DatedUploadTo("site"),
        blank=True,
        width_field="logo_width",
        height_field="logo_height",
    )
    logo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    favicon = SafeImageField(
        _("favicon"), upload_to=DatedUploadTo("site"), blank=True, srcset_copies=False
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    content_responsible = models.CharField(
        _("responsible for the content"),
        max_length=255,
        blank=True,
        help_text=_("The person legally responsible for the content, shown in the footer."),
    )
    licence = models.CharField(_("licence line"), max_length=500, blank=True)
    facebook_url = models.URLField(_("Facebook page"), blank=True, validators=[http_url_validator])
    zalo_url = models.URLField(
        _("Zalo official account"), blank=True, validators=[http_url_validator]
    )
    youtube_url = models.URLField(_("YouTube channel"), blank=True, validators=[http_url_validator])
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("site identity")
        verbose_name_plural = _("site identity")

    def __str__(self):
        return self.site_name

    def save(self, *args, **kwargs):
        self.pk = 1  # there is only ever one
        super().save(*args, **kwargs)

    @classmethod
    def load(cls):
        """The one record, or its defaults while none is saved: never writes (a reader's GET
        calls this). The admin creates the record when it is first opened."""
        return cls.objects.filter(pk=1).first() or cls(pk=1)


# The size, in CSS pixels, at which every sponsor logo is shown.
LOGO_BOX = (160, 80)


class SponsorQuerySet(models.QuerySet):
    def current(self, today=None):
        """Active sponsors whose sponsorship window includes ``today``."""
        today = today or timezone.localdate()
        return (
            self.filter(is_active=True)
            .filter(models.Q(starts_on__isnull=True) | models.Q(starts_on__lte=today))
            .filter(models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=today))
        )

    def clickable(self):
        """Sponsors whose click may be redirected: current, with an http(s) website."""
        return self.current().filter(
            models.Q(website__istartswith="http://") | models.Q(website__istartswith="https://")
        )


class Sponsor(models.Model):
    class Placement(models.TextChoices):
        SIDEBAR = "sidebar", _("Sidebar")
        FOOTER = "footer", _("Footer")

    name = models.CharField(_("name"), max_length=255)
    logo = SafeImageField(
        _("logo"),
        srcset_copies=False,
        upload_to=DatedUploadTo("sponsors"),
        width_field="logo_width",
        height_field="logo_height",
    )
    logo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    # Renditions of the logo at the block's fixed size and at twice that size (for
    # high-density phone screens), made by save() from whichever logo was uploaded.
    logo_1x = models.ImageField(
        upload_to=DatedUploadTo("sponsors/renditions"),
        blank=True,
        editable=False,
        width_field="logo_1x_width",
        height_field="logo_1x_height",
    )
    logo_1x_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_1x_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_2x = models.ImageField(
        upload_to=DatedUploadTo("sponsors/renditions"), blank=True, editable=False
    )
    logo_rendered_from = models.CharField(max_length=255, blank=True, editable=False)
    website = models.URLField(
        _("website"),
        blank=True,
        validators=[http_url_validator],
        help_text=_("Readers who click the logo are sent here. Empty: the logo is not a link."),
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    starts_on = models.DateField(
        _("sponsorship starts"), null=True, blank=True, help_text=_("Empty: shown from now on.")
    )
    ends_on = models.DateField(
        _("sponsorship ends"), null=True, blank=True, help_text=_("Empty: shown until removed.")
    )
    placement = models.CharField(
        _("placement"), max_length=20, choices=Placement, default=Placement.SIDEBAR
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = SponsorQuerySet.as_manager()

    class Meta:
        verbose_name = _("sponsor")
        verbose_name_plural = _("sponsors")
        ordering = ["order", "name"]
        constraints = [
            # Either date may be empty; SQL and Django's validation both let NULL through.
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="sponsor_ends_on_or_after_start",
                violation_error_message=_("The end date must not be before the start date."),
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # The renditions are made before the row is written, so the row is written once and
        # every cached page is made old once, with the new renditions already in place.
        logo = self.logo
        if logo and not logo._committed:
            logo.save(logo.name, logo.file, save=False)  # stores the upload, as save() would
        old = []
        if logo and logo.name != self.logo_rendered_from:
            old = [f.name for f in (self.logo_1x, self.logo_2x) if f]
            self.make_logo_renditions()
        super().save(*args, **kwargs)
        for name in old:
            self.logo.storage.delete(name)

    def get_absolute_url(self):
        return reverse("organizations:sponsor_click", kwargs={"pk": self.pk})

    def make_logo_renditions(self):
        """Store the 1x and 2x renditions of the current logo (portal/renditions.py)."""
        self.logo.open("rb")
        try:
            small = fit_box(self.logo, LOGO_BOX)
            self.logo.seek(0)
            large = fit_box(self.logo, (LOGO_BOX[0] * 2, LOGO_BOX[1] * 2))
        finally:
            self.logo.close()
        self.logo_1x.save(small.name, small, save=False)
        self.logo_2x.save(large.name, large, save=False)
        self.logo_rendered_from = self.logo.name

    def count_click(self, today=None):
        """Add one click to this month's count, in SQL, safe under concurrent clicks."""
        month = (today or timezone.localdate()).replace(day=1)
        clicks = SponsorClick.objects.filter(sponsor=self, month=month)
        if clicks.update(count=models.F("count") + 1):
            return
        try:
            with transaction.atomic():
                SponsorClick.objects.create(sponsor=self, month=month, count=1)
        except IntegrityError:  # another click created this month's row first
            clicks.update(count=models.F("count") + 1)


class SponsorClick(models.Model):
    """Clicks on one sponsor in one month, counted in SQL."""

    sponsor = models.ForeignKey(
        Sponsor, verbose_name=_("sponsor"), on_delete=models.CASCADE, related_name="clicks"
    )
    month = models.DateField(_("month"))
    count = models.PositiveBigIntegerField(_("clicks"), default=0)

    class Meta:
        verbose_name = _("sponsor clicks")
        verbose_name_plural = _("sponsor clicks")
        ordering = ["-month", "sponsor"]
        constraints = [
            models.UniqueConstraint(fields=["sponsor", "month"], name="unique_sponsor_month")
        ]

    def __str__(self):
        return f"{self.sponsor} {self.month:%m/%Y}: {self.count}"


class PartnerLinkQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class PartnerLink(models.Model):
    class Group(models.TextChoices):
        CENTRAL = "trung_uong", _("Central")
        PROVINCE = "tinh", _("Province")
        DISTRICT = "huyen", _("District or city")
        OTHER = "khac", _("Other")

    name = models.CharField(_("name"), max_length=255)
    url = models.URLField(_("web address"), validators=[http_url_validator])
    group = models.CharField(_("group"), max_length=20, choices=Group, default=Group.OTHER)
    order = models.PositiveIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = PartnerLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("partner link")
        verbose_name_plural = _("partner links")
        ordering = ["group", "order", "name"]

    def __str__(self):
        return self.name


class StaffMembership(models.Model):
    """A staff account's unit: a contributor ("Cộng tác viên") writes for their units only."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )

    class Meta:
        verbose_name = _("unit of the account")
        verbose_name_plural = _("units of the account")
        ordering = ["organization__name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "organization"], name="membership_unique")
        ]

    def __str__(self):
        return f"{self.user} · {self.organization}"
