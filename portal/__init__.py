"""The Django project (settings, URLs, WSGI/ASGI) plus the helpers every app shares.

No models and no content live here: a change about one kind of content goes to its app
(news/, pages/, ...); a helper two or more apps need goes here (README, "Where things live").
"""
