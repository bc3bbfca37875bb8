from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_safe

from portal.caching import cache_for_readers
from portal.pagination import paginate
from portal.publishing import visible_to

from .models import Video

VIDEOS_PER_PAGE = 12


@require_safe
@cache_for_readers(params=["page"])
def video_list(request):
    context = paginate(request, Video.objects.published(), VIDEOS_PER_PAGE)
    return render(request, "videos/video_list.html", context)


@require_safe
@cache_for_readers
def video_detail(request, slug, pk):
    # Editors may preview unpublished videos.
    video = get_object_or_404(visible_to(request.user, Video.objects.all()), pk=pk)
    if slug != video.slug:  # old or mistyped slug: one canonical URL
        return redirect(video, permanent=True)
    return render(request, "videos/video_detail.html", {"video": video})
