"""Shared helper of the project: the one CKEditor 5 configuration (settings.CKEDITOR_5_CONFIGS).

One toolbar for news. No source editing, HTML embed or general HTML support: the server keeps
only what portal/html.py allows, and the toolbar offers nothing more.
"""

CKEDITOR_TOOLBAR = {
    "language": "vi",
    "toolbar": [
        "heading",
        "|",
        "bold",
        "italic",
        "link",
        "bulletedList",
        "numberedList",
        "blockQuote",
        "|",
        "insertImage",
        "insertTable",
        "|",
        "undo",
        "redo",
    ],
    "heading": {
        "options": [
            {"model": "paragraph", "title": "Paragraph", "class": "ck-heading_paragraph"},
            {
                "model": "heading2",
                "view": "h2",
                "title": "Heading 2",
                "class": "ck-heading_heading2",
            },
            {
                "model": "heading3",
                "view": "h3",
                "title": "Heading 3",
                "class": "ck-heading_heading3",
            },
        ]
    },
    "image": {
        "toolbar": [
            "imageTextAlternative",
            "toggleImageCaption",
            "|",
            "imageStyle:alignLeft",
            "imageStyle:alignCenter",
            "imageStyle:alignRight",
        ],
        "styles": ["alignLeft", "alignCenter", "alignRight"],
    },
    "table": {"contentToolbar": ["tableColumn", "tableRow", "mergeTableCells"]},
    "link": {"defaultProtocol": "https://"},
}
