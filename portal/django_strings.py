"""Django messages that Django's own Vietnamese catalogue leaves in English.

Editors (the admin) and readers (form and validation errors) would otherwise meet these
strings in English. Marking them here makes ``makemessages`` keep them in our catalogue,
locale/vi/LC_MESSAGES/django.po, which is in LOCALE_PATHS and so wins over Django's one;
the Vietnamese lives there. The msgids must stay byte-identical to Django 5.2's. This
module is never imported at run time.
"""

from django.utils.translation import (
    gettext_noop,
    ngettext_lazy,
    npgettext_lazy,
    pgettext_lazy,
)

DJANGO_STRINGS = (
    # django/conf/locale
    gettext_noop("Afrikaans"),
    gettext_noop("Algerian Arabic"),
    gettext_noop("Asturian"),
    gettext_noop("Central Kurdish (Sorani)"),
    gettext_noop("Lower Sorbian"),
    gettext_noop("British English"),
    gettext_noop("Argentinian Spanish"),
    gettext_noop("Colombian Spanish"),
    gettext_noop("Mexican Spanish"),
    gettext_noop("Scottish Gaelic"),
    gettext_noop("Upper Sorbian"),
    gettext_noop("Armenian"),
    gettext_noop("Igbo"),
    gettext_noop("Ido"),
    gettext_noop("Georgian"),
    gettext_noop("Kabyle"),
    gettext_noop("Kyrgyz"),
    gettext_noop("Marathi"),
    gettext_noop("Malay"),
    gettext_noop("Norwegian Bokmål"),
    gettext_noop("Punjabi"),
    gettext_noop("Brazilian Portuguese"),
    gettext_noop("Serbian Latin"),
    gettext_noop("Telugu"),
    gettext_noop("Tajik"),
    gettext_noop("Turkmen"),
    gettext_noop("Udmurt"),
    gettext_noop("Uyghur"),
    gettext_noop("Urdu"),
    gettext_noop("Uzbek"),
    gettext_noop("Messages"),
    gettext_noop("Syndication"),
    gettext_noop("…"),
    gettext_noop("That page number is not an integer"),
    gettext_noop("That page number is less than 1"),
    gettext_noop("That page contains no results"),
    gettext_noop("Enter a valid domain name."),
    gettext_noop("Enter a valid “slug” consisting of letters, numbers, underscores or hyphens."),
    gettext_noop(
        "Enter a valid “slug” consisting of Unicode letters, numbers, underscores, or hyphens.",
    ),
    gettext_noop("Enter a valid %(protocol)s address."),
    gettext_noop("IPv4"),
    gettext_noop("IPv6"),
    gettext_noop("IPv4 or IPv6"),
    gettext_noop("Ensure this value is a multiple of step size %(limit_value)s."),
    gettext_noop(
        "Ensure this value is a multiple of step size %(limit_value)s, starting from "
        "%(offset)s, e.g. %(offset)s, %(valid_value1)s, %(valid_value2)s, and so on.",
    ),
    gettext_noop(
        "File extension “%(extension)s” is not allowed. Allowed extensions are: "
        "%(allowed_extensions)s.",
    ),
    gettext_noop("Null characters are not allowed."),
    gettext_noop("Constraint “%(name)s” is violated."),
    gettext_noop("“%(value)s” value must be either True or False."),
    gettext_noop("“%(value)s” value must be either True, False, or None."),
    gettext_noop("String (unlimited)"),
    gettext_noop("“%(value)s” value has an invalid date format. It must be in YYYY-MM-DD format."),
    gettext_noop(
        "“%(value)s” value has the correct format (YYYY-MM-DD) but it is an invalid date.",
    ),
    gettext_noop(
        "“%(value)s” value has an invalid format. It must be in YYYY-MM-DD "
        "HH:MM[:ss[.uuuuuu]][TZ] format.",
    ),
    gettext_noop(
        "“%(value)s” value has the correct format (YYYY-MM-DD HH:MM[:ss[.uuuuuu]][TZ]) but it "
        "is an invalid date/time.",
    ),
    gettext_noop("“%(value)s” value must be a decimal number."),
    gettext_noop(
        "“%(value)s” value has an invalid format. It must be in [DD] [[HH:]MM:]ss[.uuuuuu] format.",
    ),
    gettext_noop("Duration"),
    gettext_noop("“%(value)s” value must be a float."),
    gettext_noop("“%(value)s” value must be an integer."),
    gettext_noop("Big (8 byte) integer"),
    gettext_noop("“%(value)s” value must be either None, True or False."),
    gettext_noop("Positive big integer"),
    gettext_noop(
        "“%(value)s” value has an invalid format. It must be in HH:MM[:ss[.uuuuuu]] format.",
    ),
    gettext_noop(
        "“%(value)s” value has the correct format (HH:MM[:ss[.uuuuuu]]) but it is an invalid time.",
    ),
    gettext_noop("“%(value)s” is not a valid UUID."),
    gettext_noop("Universally unique identifier"),
    gettext_noop("File"),
    gettext_noop("Image"),
    gettext_noop("A JSON object"),
    gettext_noop("Value must be valid JSON."),
    gettext_noop("%(model)s instance with %(field)s %(value)r is not a valid choice."),
    gettext_noop("%(from)s-%(to)s relationship"),
    gettext_noop("%(from)s-%(to)s relationships"),
    gettext_noop("Enter a valid duration."),
    gettext_noop("The number of days must be between {min_days} and {max_days}."),
    gettext_noop("Enter a complete value."),
    gettext_noop("Enter a valid UUID."),
    gettext_noop("Enter a valid JSON."),
    gettext_noop(
        "ManagementForm data is missing or has been tampered with. Missing fields: "
        "%(field_names)s. You may need to file a bug report if the issue persists.",
    ),
    ngettext_lazy("Please submit at most %(num)d form.", "Please submit at most %(num)d forms.", 1),
    ngettext_lazy(
        "Please submit at least %(num)d form.",
        "Please submit at least %(num)d forms.",
        1,
    ),
    gettext_noop("The inline value did not match the parent instance."),
    gettext_noop("“%(pk)s” is not a valid value."),
    gettext_noop(
        "%(datetime)s couldn’t be interpreted in time zone %(current_timezone)s; it may be "
        "ambiguous or it may not exist.",
    ),
    gettext_noop("p.m."),
    gettext_noop("a.m."),
    gettext_noop("This is not a valid IPv6 address."),
    pgettext_lazy("String to return when truncating text", "%(truncated_text)s…"),
    ngettext_lazy("%(num)d year", "%(num)d years", 1),
    ngettext_lazy("%(num)d month", "%(num)d months", 1),
    ngettext_lazy("%(num)d week", "%(num)d weeks", 1),
    ngettext_lazy("%(num)d day", "%(num)d days", 1),
    ngettext_lazy("%(num)d hour", "%(num)d hours", 1),
    ngettext_lazy("%(num)d minute", "%(num)d minutes", 1),
    gettext_noop("Forbidden"),
    gettext_noop("CSRF verification failed. Request aborted."),
    gettext_noop(
        "You are seeing this message because this HTTPS site requires a “Referer header” to be "
        "sent by your web browser, but none was sent. This header is required for security "
        "reasons, to ensure that your browser is not being hijacked by third parties.",
    ),
    gettext_noop(
        "If you have configured your browser to disable “Referer” headers, please re-enable "
        "them, at least for this site, or for HTTPS connections, or for “same-origin” requests.",
    ),
    gettext_noop(
        'If you are using the <meta name="referrer" content="no-referrer"> tag or '
        "including the “Referrer-Policy: no-referrer” header, please remove them. The CSRF "
        "protection requires the “Referer” header to do strict referer checking. If you’re "
        'concerned about privacy, use alternatives like <a rel="noreferrer" …> for links to '
        "third-party sites.",
    ),
    gettext_noop(
        "You are seeing this message because this site requires a CSRF cookie when submitting "
        "forms. This cookie is required for security reasons, to ensure that your browser is "
        "not being hijacked by third parties.",
    ),
    gettext_noop(
        "If you have configured your browser to disable cookies, please re-enable them, at "
        "least for this site, or for “same-origin” requests.",
    ),
    gettext_noop("More information is available with DEBUG=True."),
    gettext_noop("Date out of range"),
    gettext_noop("Invalid date string “%(datestr)s” given format “%(format)s”"),
    gettext_noop("Page is not “last”, nor can it be converted to an int."),
    gettext_noop("Empty list and “%(class_name)s.allow_empty” is False."),
    gettext_noop("“%(path)s” does not exist"),
    gettext_noop("The install worked successfully! Congratulations!"),
    gettext_noop(
        'View <a href="https://docs.djangoproject.com/en/%(version)s/releases/" '
        'target="_blank" rel="noopener">release notes</a> for Django %(version)s',
    ),
    gettext_noop(
        "You are seeing this page because <a "
        'href="https://docs.djangoproject.com/en/%(version)s/ref/settings/#debug" '
        'target="_blank" rel="noopener">DEBUG=True</a> is in your settings file and you '
        "have not configured any URLs.",
    ),
    gettext_noop("Django Documentation"),
    gettext_noop("Topics, references, &amp; how-to’s"),
    gettext_noop("Tutorial: A Polling App"),
    gettext_noop("Get started with Django"),
    gettext_noop("Django Community"),
    gettext_noop("Connect, get help, or contribute"),
    # django/contrib/admin
    gettext_noop("LogEntry Object"),
    gettext_noop("Select this object for an action - {}"),
    gettext_noop("Breadcrumbs"),
    gettext_noop("Model name"),
    gettext_noop("Add link"),
    gettext_noop("Change or view list link"),
    gettext_noop("After you’ve created a user, you’ll be able to edit more user options."),
    gettext_noop("Error:"),
    gettext_noop("Set password"),
    ngettext_lazy("Please correct the error below.", "Please correct the errors below.", 1),
    gettext_noop(
        "This action will <strong>enable</strong> password-based authentication for this user.",
    ),
    gettext_noop("Disable password-based authentication"),
    gettext_noop("Enable password-based authentication"),
    gettext_noop("Skip to main content"),
    gettext_noop("Hide counts"),
    gettext_noop("Show counts"),
    gettext_noop("Toggle theme (current theme: auto)"),
    gettext_noop("Toggle theme (current theme: light)"),
    gettext_noop("Toggle theme (current theme: dark)"),
    gettext_noop("Added:"),
    gettext_noop("Changed:"),
    gettext_noop("Deleted:"),
    gettext_noop("Forgotten your login credentials?"),
    gettext_noop("Toggle navigation"),
    gettext_noop("Sidebar"),
    gettext_noop("Filter navigation items"),
    ngettext_lazy("entry", "entries", 1),
    gettext_noop("View selected %(model)s"),
    gettext_noop("In case you’ve forgotten, you are:"),
    gettext_noop("Select all objects on this page for an action"),
    # Django's Vietnamese is there but reads wrongly to an editor: "Thêm vào" (add to),
    # "Hoạt động" (activity) for "Action", "Đi đến" (go to) for running it, "Bởi" (by whom)
    # above a filter; ours says what the button or list does.
    gettext_noop("Add"),
    gettext_noop("Add %(name)s"),
    gettext_noop("Add another %(verbose_name)s"),
    gettext_noop("Action:"),
    gettext_noop("Go"),
    gettext_noop("Run the selected action"),
    gettext_noop(" By %(filter_title)s "),
    gettext_noop("None available"),
    # django/contrib/auth
    gettext_noop("Conflicting form data submitted. Please try again."),
    gettext_noop("Password-based authentication was disabled."),
    gettext_noop("Set password: %s"),
    gettext_noop("Reset password"),
    gettext_noop(
        "Whether the user will be able to authenticate using a password or not. If disabled, "
        "they may still be able to authenticate using other backends, such as Single Sign-On "
        "or LDAP.",
    ),
    gettext_noop("Password-based authentication"),
    gettext_noop("Enabled"),
    gettext_noop("Disabled"),
    gettext_noop("Raw passwords are not stored, so there is no way to see the user’s password."),
    gettext_noop("Enable password-based authentication for this user by setting a password."),
    gettext_noop("variety"),
    gettext_noop("version"),
    gettext_noop("memory cost"),
    gettext_noop("time cost"),
    gettext_noop("parallelism"),
    gettext_noop("block size"),
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        1,
    ),
    gettext_noop(
        "Enter a valid username. This value may contain only unaccented lowercase a-z and "
        "uppercase A-Z letters, numbers, and @/./+/-/_ characters.",
    ),
    # django/contrib/contenttypes
    gettext_noop("Content type %(ct_id)s object %(obj_id)s doesn’t exist"),
    gettext_noop("%(ct_name)s objects don’t have a get_absolute_url() method"),
    # django/contrib/sessions
    gettext_noop("Sessions"),
    gettext_noop("session key"),
    gettext_noop("session data"),
    # django/contrib/humanize
    gettext_noop("Humanize"),
    pgettext_lazy("ordinal 11, 12, 13", "{}th"),
    pgettext_lazy("ordinal 0", "{}th"),
    pgettext_lazy("ordinal 1", "{}st"),
    pgettext_lazy("ordinal 2", "{}nd"),
    pgettext_lazy("ordinal 3", "{}rd"),
    pgettext_lazy("ordinal 4", "{}th"),
    pgettext_lazy("ordinal 5", "{}th"),
    pgettext_lazy("ordinal 6", "{}th"),
    pgettext_lazy("ordinal 7", "{}th"),
    pgettext_lazy("ordinal 8", "{}th"),
    pgettext_lazy("ordinal 9", "{}th"),
    gettext_noop("%(delta)s ago"),
    gettext_noop("%(delta)s from now"),
    npgettext_lazy("naturaltime-past", "%(num)d year", "%(num)d years", 1),
    npgettext_lazy("naturaltime-past", "%(num)d month", "%(num)d months", 1),
    npgettext_lazy("naturaltime-past", "%(num)d week", "%(num)d weeks", 1),
    npgettext_lazy("naturaltime-past", "%(num)d day", "%(num)d days", 1),
    npgettext_lazy("naturaltime-past", "%(num)d hour", "%(num)d hours", 1),
    npgettext_lazy("naturaltime-past", "%(num)d minute", "%(num)d minutes", 1),
    npgettext_lazy("naturaltime-future", "%(num)d year", "%(num)d years", 1),
    npgettext_lazy("naturaltime-future", "%(num)d month", "%(num)d months", 1),
    npgettext_lazy("naturaltime-future", "%(num)d week", "%(num)d weeks", 1),
    npgettext_lazy("naturaltime-future", "%(num)d day", "%(num)d days", 1),
    npgettext_lazy("naturaltime-future", "%(num)d hour", "%(num)d hours", 1),
    npgettext_lazy("naturaltime-future", "%(num)d minute", "%(num)d minutes", 1),
)
