"""Which role manages which further kind of content (documents, albums, videos, events, contact).

One list a role, permission by permission ("app_label.codename"), read by
organizations/roles.py: editors ("Biên tập viên") publish documents, albums, videos and events;
administrators ("Quản trị viên") may do all that too, and they alone read contact messages,
which are personal data.
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
    # The media library: every editor uploads, describes, reuses and deletes unused pictures.
    *_crud("library", "picture"),
]

# Contact messages are personal data: administrators only. They read them, mark them handled
# and delete them; nobody adds one in the admin (messages come from readers).
ADMINISTRATOR_PERMISSIONS = [
    "visits.view_sitedailyvisit",  # counted by the site: seen, never changed
    "contact.view_contactmessage",
    "contact.change_contactmessage",
    "contact.delete_contactmessage",
]
