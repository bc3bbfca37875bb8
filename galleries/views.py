from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from portal.caching import cache_for_readers
from portal.pagination import paginate
from portal.publishing import visible_to

from .models import Album

ALBUMS_PER_PAGE = 12


@require_safe
@cache_for_readers(params=["page"])
def album_list(request):
    context = paginate(request, Album.objects.published().for_listing(), ALBUMS_PER_PAGE)
    return render(request, "galleries/album_list.html", context)


@require_safe
@cache_for_readers
def album_detail(request, slug, pk):
    album = get_object_or_404(visible_to(request.user, Album.objects.all()).for_detail(), pk=pk)
    if slug != album.slug:  # old or mistyped slug: one canonical URL
        return redirect(album, permanent=True)
    return render(request, "galleries/album_detail.html", {"album": album})


@require_safe
@cache_for_readers
def photo_detail(request, slug, album_pk, pk):
    """One photo with links to the previous and next: the album works without JavaScript."""
    album = get_object_or_404(
        visible_to(request.user, Album.objects.all()).for_detail(), pk=album_pk
    )
    photos = list(album.photos.all())
    index = next((i for i, photo in enumerate(photos) if photo.pk == int(pk)), None)
    if index is None:
        raise Http404(_("This photo is not in the album."))
    photo = photos[index]
    if slug != album.slug:
        return redirect(photo, permanent=True)
    context = {
        "album": album,
        "photo": photo,
        "position": index + 1,
        "previous": photos[index - 1] if index > 0 else None,
        "next": photos[index + 1] if index + 1 < len(photos) else None,
    }
    return render(request, "galleries/photo_detail.html", context)
