"""Which role manages which further kind of content (documents, albums, videos, events, contact).

One list a role, permission by permission ("app_label.codename"), read by
organizations/roles.py: editors ("Biên tập viên") publish documents, albums, videos and events;
contact messages are personal data, so only administrators ("Quản trị viên", who have every
permission) read them.
"""


def _crud(app_label, *models):
    return [
        f"{app_label}.{action}_{model}"
        for model in models
        for action in ("add", "change", "delete", "view")
    ]


# Contact messages (contact.ContactMessage) are deliberately absent: administrators only.
EDITOR_PERMISSIONS = [
    *_crud("documents", "document", "documentfile", "documenttype", "documentsubject"),
    *_crud("galleries", "album", "photo"),
    *_crud("events", "event"),
    *_crud("videos", "video"),
]

# Contact messages are personal data: administrators only.
ADMINISTRATOR_PERMISSIONS = _crud("contact", "contactmessage")
