"""The menu administrators arrange: four kinds of item, two levels, an order, only safe links;
cached and refreshed on change."""

import re

import pytest
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.forms.models import model_to_dict
from django.template import Context, Template
from django.urls import reverse

from pages.caching import MENU_KEY
from pages.models import MenuItem
from portal.caching import site_version
from tests.factories import (
    CategoryFactory,
    MenuItemFactory,
    OrganizationFactory,
    PageFactory,
)

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:pages_menuitem_add")


def menu_html():
    return re.sub(r"\s+", " ", Template("{% load pages_tags %}{% main_menu %}").render(Context()))


def menu_links(html=None):
    """``[(label, href)]`` of the menu, in order, sub-items after their parent."""
    html = menu_html() if html is None else html
    return [
        (label, href) for href, label in re.findall(r'<a href="([^"]*)"[^>]*>([^<]+)</a>', html)
    ]


def test_each_kind_of_item_leads_to_its_target():
    category = CategoryFactory(name="Công tác Đoàn")
    unit = OrganizationFactory(name="Thành đoàn Rạch Giá", short_name="TĐ Rạch Giá")
    page = PageFactory(title="Giới thiệu")
    MenuItemFactory(kind="category", category=category, order=1)
    MenuItemFactory(kind="organization", organization=unit, order=2)
    MenuItemFactory(kind="page", page=page, order=3)
    MenuItemFactory(title="Trung ương Đoàn", kind="link", url="https://doanthanhnien.vn/", order=4)
    MenuItemFactory(title="Văn bản", kind="link", url="/van-ban/", order=5)
    MenuItemFactory(title="Báo cũ", kind="link", url="http://baocu.example.vn/a?b=1&c=2", order=6)
    assert menu_links() == [
        ("Trang chủ", "/"),
        ("Công tác Đoàn", category.get_absolute_url()),
        ("TĐ Rạch Giá", unit.get_absolute_url()),
        ("Giới thiệu", page.get_absolute_url()),
        ("Trung ương Đoàn", "https://doanthanhnien.vn/"),
        ("Văn bản", "/van-ban/"),
        ("Báo cũ", "http://baocu.example.vn/a?b=1&amp;c=2"),
    ]


def test_a_title_replaces_the_targets_name():
    MenuItemFactory(title="Tin hoạt động", category=CategoryFactory(name="Tin tức - Sự kiện"))
    assert [label for label, _ in menu_links()] == ["Trang chủ", "Tin hoạt động"]


def test_two_levels_in_the_administrators_order():
    second = MenuItemFactory(title="Thứ hai", order=2)
    first = MenuItemFactory(title="Thứ nhất", order=1)
    MenuItemFactory(title="Con B", parent=first, order=2)
    MenuItemFactory(title="Con A", parent=first, order=1)
    MenuItemFactory(title="Ẩn", order=0, is_shown=False)
    MenuItemFactory(title="Con của thứ hai", parent=second)
    html = menu_html()
    labels = [label for label, _ in menu_links(html)]
    assert labels == ["Trang chủ", "Thứ nhất", "Con A", "Con B", "Thứ hai", "Con của thứ hai"]
    assert html.count('class="submenu"') == 2


def test_without_an_arranged_menu_the_categories_make_it():
    parent = CategoryFactory(name="Công tác Đoàn", order=1)
    CategoryFactory(name="Xây dựng Đoàn", parent=parent)
    CategoryFactory(name="Lưu trữ", is_in_menu=False)
    assert [label for label, _ in menu_links()] == ["Trang chủ", "Công tác Đoàn", "Xây dựng Đoàn"]


def test_the_current_page_is_marked():
    category = CategoryFactory(name="Tình nguyện")
    MenuItemFactory(category=category)
    html = Template("{% load pages_tags %}{% main_menu %}").render(
        Context({"request": type("R", (), {"path": category.get_absolute_url()})()})
    )
    assert f'<a href="{category.get_absolute_url()}" aria-current="page">' in html


def test_the_menu_drawn_once_marks_each_page_its_own_link():
    """The menu is kept drawn; each page marks its own link and no other."""
    category = CategoryFactory(name="Tình nguyện")
    MenuItemFactory(category=category)
    menu = Template("{% load pages_tags %}{% main_menu %}")

    def marked(path):
        html = menu.render(Context({"request": type("R", (), {"path": path})()}))
        return html.count('aria-current="page"'), html

    count, html = marked("/")
    assert count == 1 and '<a href="/" aria-current="page">' in html
    count, html = marked(category.get_absolute_url())
    assert count == 1 and '<a href="/" aria-current="page">' not in html
    assert marked("/tim-kiem/")[0] == 0


# --- Refused links ----------------------------------------------------------------------------

UNSAFE_LINKS = [
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//evil.example.com/",
    "/\\evil.example.com/",
    "ftp://files.example.vn/",
    "mailto:a@example.vn",
    "https://",
    "van-ban/",
    "/van ban/",
]


def _post_link(client, url, **extra):
    data = {
        "title": "Liên kết",
        "kind": "link",
        "url": url,
        "order": "1",
        "is_shown": "on",
        "children-TOTAL_FORMS": "0",
        "children-INITIAL_FORMS": "0",
        **extra,
    }
    return client.post(ADD_URL, data)


@pytest.mark.parametrize("url", UNSAFE_LINKS)
def test_an_unsafe_link_is_refused_with_a_vietnamese_message(admin_client, url):
    response = _post_link(admin_client, url)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["url"] == [
        "Hãy nhập địa chỉ web bắt đầu bằng http:// hoặc https://, hoặc địa chỉ trong "
        "website này bắt đầu bằng /."
    ]
    assert not MenuItem.objects.exists()


def test_a_javascript_link_is_refused_even_with_spaces_around_it(admin_client):
    response = _post_link(admin_client, "  javascript:alert(1)  ")
    assert "url" in response.context["adminform"].form.errors
    assert not MenuItem.objects.exists()


@pytest.mark.parametrize(
    ("url", "stored"),
    [
        ("https://doanthanhnien.vn/", "https://doanthanhnien.vn/"),
        ("HTTPS://Doanthanhnien.vn/Tin", "https://Doanthanhnien.vn/Tin"),
        ("http://kiengiang.gov.vn", "http://kiengiang.gov.vn"),
        ("/van-ban/", "/van-ban/"),
        ("/su-kien/?thang=11", "/su-kien/?thang=11"),
    ],
)
def test_http_https_and_site_links_are_accepted(admin_client, url, stored):
    response = _post_link(admin_client, url)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert MenuItem.objects.get().url == stored
    assert ("Liên kết", stored) in menu_links()


def test_an_unsafe_link_that_reached_the_database_is_never_shown():
    item = MenuItemFactory(title="An toàn", kind="link", url="https://a.example.vn/")
    MenuItem.objects.filter(pk=item.pk).update(url="javascript:alert(1)")  # a bypassed form
    cache.clear()
    html = menu_html()
    assert "javascript" not in html and "An toàn" not in html


def test_the_database_refuses_an_item_whose_target_does_not_match_its_kind():
    page = PageFactory()
    for fields in [
        {"kind": "category"},
        {"kind": "link", "url": ""},
        {"kind": "page", "page": page, "url": "https://a.example.vn/"},
        {"kind": "category", "category": CategoryFactory(), "page": page},
    ]:
        with pytest.raises(IntegrityError), transaction.atomic():
            MenuItem.objects.create(**fields)


@pytest.mark.parametrize(
    ("kind", "field", "message"),
    [
        ("category", "category", "Hãy chọn nơi mục này dẫn đến."),
        ("organization", "organization", "Hãy chọn nơi mục này dẫn đến."),
        ("page", "page", "Hãy chọn nơi mục này dẫn đến."),
        ("link", "url", "Liên kết cần có địa chỉ web."),
    ],
)
def test_an_item_without_its_target_is_refused(admin_client, kind, field, message):
    response = _post_link(admin_client, "", kind=kind)
    assert response.context["adminform"].form.errors[field] == [message]
    assert not MenuItem.objects.exists()


def test_the_other_kinds_fields_are_emptied_not_stored(admin_client):
    category, page = CategoryFactory(), PageFactory()
    response = _post_link(
        admin_client, "https://a.example.vn/", kind="page", page=page.pk, category=category.pk
    )
    assert response.status_code == 302
    item = MenuItem.objects.get()
    assert (item.page, item.category, item.url) == (page, None, "")


def test_a_third_level_is_refused(admin_client):
    top = MenuItemFactory()
    child = MenuItemFactory(parent=top)
    response = _post_link(admin_client, "/van-ban/", parent=child.pk)
    assert "parent" in response.context["adminform"].form.errors
    assert MenuItem.objects.count() == 2


def test_an_item_with_sub_items_cannot_become_one(admin_client):
    top, other = MenuItemFactory(), MenuItemFactory()
    MenuItemFactory(parent=top)
    url = reverse("admin:pages_menuitem_change", args=[top.pk])
    before = model_to_dict(MenuItem.objects.get(pk=top.pk))
    data = {
        "title": "",
        "kind": "category",
        "category": top.category_id,
        "parent": other.pk,
        "order": "0",
        "is_shown": "on",
        "children-TOTAL_FORMS": "0",
        "children-INITIAL_FORMS": "0",
    }
    response = admin_client.post(url, data)
    assert response.context["adminform"].form.errors["parent"] == [
        "Mục này đang có mục con nên không thể trở thành mục con."
    ]
    assert model_to_dict(MenuItem.objects.get(pk=top.pk)) == before


def test_sub_items_are_arranged_in_their_parents_form(admin_client):
    top = MenuItemFactory(title="Giới thiệu")
    page = PageFactory(title="Cơ cấu tổ chức")
    url = reverse("admin:pages_menuitem_change", args=[top.pk])
    data = {
        "title": "Giới thiệu",
        "kind": "category",
        "category": top.category_id,
        "order": "0",
        "is_shown": "on",
        "children-TOTAL_FORMS": "2",
        "children-INITIAL_FORMS": "0",
        "children-0-kind": "page",
        "children-0-page": page.pk,
        "children-0-order": "2",
        "children-0-is_shown": "on",
        "children-1-title": "Thư viện",
        "children-1-kind": "link",
        "children-1-url": "javascript:alert(1)",
        "children-1-order": "1",
        "children-1-is_shown": "on",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 200  # the javascript: sub-item is refused, nothing stored
    assert not top.children.exists()
    data["children-1-url"] = "https://thuvien.example.vn/"
    assert admin_client.post(url, data).status_code == 302
    assert [str(c) for c in top.children.order_by("order")] == ["Thư viện", "Cơ cấu tổ chức"]


# --- Cache ------------------------------------------------------------------------------------


def test_the_menu_is_cached_and_refreshed_on_every_change(django_assert_num_queries):
    category = CategoryFactory(name="Tin tức")
    item = MenuItemFactory(category=category)
    page = PageFactory(title="Liên hệ")
    html = menu_html()
    with django_assert_num_queries(0):
        assert menu_html() == html
    category.name = "Tin tức - Sự kiện"
    category.save()  # a category's new name
    assert "Tin tức - Sự kiện" in menu_html()
    MenuItemFactory(kind="page", page=page, order=5)  # a new item
    assert "Liên hệ" in menu_html()
    page.delete()  # its item goes with it
    assert "Liên hệ" not in menu_html()
    item.is_shown = False
    item.save()
    assert "Tin tức" not in menu_html()
    kept_version, _items, _until = cache.get(MENU_KEY)
    item.delete()
    # The entry is kept under the old site version, which no page reads any more.
    assert site_version() != kept_version
    assert cache.get(MENU_KEY)[0] == kept_version


def test_an_organisation_renamed_shows_in_the_menu():
    unit = OrganizationFactory(name="Huyện đoàn Châu Thành")
    MenuItemFactory(kind="organization", organization=unit, category=None)
    assert "Huyện đoàn Châu Thành" in menu_html()
    unit.name = "Huyện đoàn Châu Thành mới"
    unit.save()
    assert "Huyện đoàn Châu Thành mới" in menu_html()


def test_a_cache_that_is_down_costs_a_query_not_the_page(settings, client):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing answers here
        }
    }
    MenuItemFactory(title="Vẫn hiện")
    from pages.caching import menu_items

    assert [item["label"] for item in menu_items()] == ["Vẫn hiện"]


@pytest.mark.parametrize("rows", [5, 50])
def test_the_menu_costs_one_query_whatever_its_size(rows, django_assert_num_queries):
    for n in range(rows):
        top = MenuItemFactory(kind="page", page=PageFactory(), category=None, order=n)
        MenuItemFactory(kind="organization", organization=OrganizationFactory(), parent=top)
    with django_assert_num_queries(1):
        html = menu_html()
    assert html.count('class="submenu"') == rows


@pytest.mark.parametrize("rows", [5, 50])
def test_the_admin_list_of_menu_items_does_not_grow_with_rows(
    admin_client, rows, django_assert_max_num_queries
):
    for n in range(rows):
        top = MenuItemFactory(kind="page", page=PageFactory(), category=None, order=n)
        MenuItemFactory(kind="organization", organization=OrganizationFactory(), parent=top)
    with django_assert_max_num_queries(12):
        response = admin_client.get(reverse("admin:pages_menuitem_changelist"))
    assert response.status_code == 200
    assert response.content.decode().count('class="action-select"') == 2 * rows
