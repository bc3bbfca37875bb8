import pytest
from hypothesis import given
from hypothesis import strategies as st

from portal.text import fold_vi, slugify_vi


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Đoàn Thanh niên Cộng sản Hồ Chí Minh", "doan-thanh-nien-cong-san-ho-chi-minh"),
        ("Đỗ Thanh Bình phát biểu", "do-thanh-binh-phat-bieu"),
        ("Đội TNTP Hồ Chí Minh tỉnh Kiên Giang", "doi-tntp-ho-chi-minh-tinh-kien-giang"),
        ("Hội LHTN Việt Nam: Đại hội lần thứ VIII!", "hoi-lhtn-viet-nam-dai-hoi-lan-thu-viii"),
        (
            "Dân vận khéo – “Chiến dịch” Mùa hè xanh 2026",
            "dan-van-kheo-chien-dich-mua-he-xanh-2026",
        ),
        ("  ĐƯỜNG   ĐÊ  ", "duong-de"),
        ("Ưu tiên ở Ấp Ông Đồ", "uu-tien-o-ap-ong-do"),
    ],
)
def test_slugify_vi_folds_vietnamese_to_ascii(title, slug):
    assert slugify_vi(title) == slug


def test_slugify_vi_of_symbols_only_is_empty():
    assert slugify_vi("!!! ??? ***") == ""


def test_fold_vi_makes_case_and_diacritics_equal():
    assert fold_vi("Dân vận khéo") == fold_vi("DÂN VẬN KHÉO") == "dan van kheo"
    assert fold_vi("Đoàn") == "doan"


@given(st.text(max_size=300))
def test_slugify_vi_always_gives_a_url_safe_ascii_slug(text):
    slug = slugify_vi(text)
    assert slug == slug.strip("-")
    assert all(ch.isascii() and (ch.isalnum() or ch in "-_") for ch in slug)
    assert len(slug) <= 200
