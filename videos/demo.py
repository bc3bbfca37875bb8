"""Demo videos for `manage.py demo`. The thumbnails are generated here (the demo never asks
YouTube for anything). The addresses are well-known public sample videos, not the union's:
they only show how a YouTube video looks on the site."""

from .models import Video

VIDEOS = [
    (
        "Phóng sự: Tuổi trẻ Kiên Giang ra quân tình nguyện",
        "https://www.youtube.com/watch?v=ysz5S6PUM-U",
    ),
    ("Điểm tin hoạt động Đoàn tháng 11", "https://www.youtube.com/watch?v=jNQXAC9IVRw"),
    ("Clip: Ngày hội hiến máu Chủ nhật Đỏ", "https://youtu.be/aqz-KE-bpKQ"),
]

DESCRIPTION = "Video mẫu: địa chỉ YouTube là một video công khai bất kỳ, không phải của Đoàn."


def demo_create(*, rng, picture):
    if Video.objects.exists():
        return 0
    for title, url in VIDEOS:
        video = Video(
            title=title,
            youtube_url=url,
            description=DESCRIPTION,
        )
        video.thumbnail = picture(rng, title, size=(1280, 720))
        video.save()
        # The picture stands for this video: saving in the admin does not fetch another.
        Video.objects.filter(pk=video.pk).update(thumbnail_source_id=video.youtube_id)
    return len(VIDEOS)
