"""The Content-Security-Policy in a real browser: the admin and CKEditor 5 work under it."""

import pytest
from django.urls import reverse

from news.models import Article
from tests.factories import ArticleFactory, CategoryFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

# Added before any page script runs (Playwright injects it outside the page's CSP): every
# violation the browser reports is kept for the test to read.
COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", event => {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


def watch(page):
    console = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    page.add_init_script(COLLECT_VIOLATIONS)
    return console


def csp_problems(page, console):
    reported = page.evaluate("window.__cspViolations")
    logged = [line for line in console if "Content Security Policy" in line]
    return reported + logged


def test_ckeditor_loads_types_and_saves_under_the_csp(page, live_server):
    console = watch(page)
    category = CategoryFactory(name="Công tác Đoàn")
    user = UserFactory(is_staff=True, is_superuser=True)

    page.goto(live_server.url + reverse("admin:login"))
    page.fill("#id_username", user.username)
    page.fill("#id_password", "mat-khau-thu-nghiem")
    page.click("input[type=submit]")
    page.wait_for_url(live_server.url + reverse("admin:index"))

    response = page.goto(live_server.url + reverse("admin:news_article_add"))
    assert "script-src 'self'" in response.headers["content-security-policy"]
    editable = page.locator(".ck-editor__editable").first
    editable.wait_for()  # CKEditor 5 replaced the textarea: its bundle ran
    page.fill("#id_title", "Thanh niên tình nguyện dưới CSP")
    # The admin's autocomplete (select2 and its JSON requests) works under the policy too.
    page.locator("#id_category + .select2").click()
    page.fill(".select2-search__field", "Công tác")
    page.click(f".select2-results__option:has-text('{category.name}')")
    editable.click()
    page.keyboard.type("Nội dung gõ trong CKEditor 5.")
    page.keyboard.press("Control+B")
    page.keyboard.type(" Chữ đậm.")

    page.click("button[name=_action][value=publish]")
    page.wait_for_selector(".messagelist .success")
    article = Article.objects.get()
    assert article.status == Article.Status.PUBLISHED
    assert "Nội dung gõ trong CKEditor 5." in article.body
    assert "<strong>" in article.body
    assert csp_problems(page, console) == []


def test_reader_pages_run_their_scripts_under_the_csp(page, live_server):
    console = watch(page)
    article = ArticleFactory()
    page.goto(live_server.url + article.get_absolute_url())
    # head.js ran (marks the page) and site.js ran (its text-size buttons work).
    assert "js" in page.evaluate("document.documentElement.className")
    page.click("button.text-size[data-step='1']")
    assert page.evaluate("document.documentElement.style.fontSize") == "112.5%"
    assert csp_problems(page, console) == []
