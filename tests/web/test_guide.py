"""The guide page: the article from the knowledge base with the store's content around it."""

import gzip
import re
from html import unescape

import pytest
from django.core.management import call_command

from twitchcheck import load_knowledge
from twitchcheck.web.store.models import Announcement, FeatureImage, Product, PromoSection

pytestmark = pytest.mark.django_db
PAGE = "/guides/dog-muscle-spasms/"
BUDGET = 64 * 1024


@pytest.fixture
def starter_content():
    call_command("setup_site", verbosity=0)


@pytest.mark.parametrize("url", ["/", PAGE])
def test_guide_is_served_at_home_and_its_own_address(client, url, starter_content):
    response = client.get(url)
    assert response.status_code == 200
    assert "Dog muscle spasms" in response.content.decode()


def test_article_covers_every_section_cause_and_prevention_item(client, starter_content):
    html = unescape(client.get(PAGE).content.decode())
    knowledge = load_knowledge()
    for section in knowledge.meta.guide:
        assert f'id="{section.id}"' in html
        assert section.paragraphs[0] in html
    for cause in knowledge.causes:
        assert cause.name in html
        assert cause.how_it_shows[0] in html
        assert cause.actions[0] in html
        assert cause.see_vet_when[0] in html
    for item in knowledge.prevention:
        assert f'id="prevention-{item.id}"' in html
        assert item.text in html


def test_table_of_contents_links_to_sections_that_exist(client, starter_content):
    html = client.get(PAGE).content.decode()
    toc = html[html.index('class="toc"') : html.index("</nav>", html.index('class="toc"'))]
    anchors = re.findall(r'href="#([\w-]+)"', toc)
    assert len(anchors) >= 10
    for anchor in anchors:
        assert f'id="{anchor}"' in html


def test_store_content_is_shown(client, starter_content):
    html = client.get(PAGE).content.decode()
    assert "Free shipping in the United States" in html
    assert "<figure" in html and "<figcaption>" in html
    assert "resting-dog.svg" in html
    assert PromoSection.objects.first().title in html
    items = dict(re.findall(r'<li id="prevention-(\w+)">(.*?)\n      </li>', html, re.S))
    assert "Dog bed ramp" in items["ramp_no_jumping"]
    assert "Dog bed ramp" not in items["water_intake"]
    assert Product.objects.filter(prevention_ids__contains="water_intake").exists()
    assert "Travel water bottle" in items["water_intake"]


def test_prominent_check_my_dog_link(client, starter_content):
    html = client.get(PAGE).content.decode()
    assert html.count('href="/check/"') >= 3
    assert "button-primary button-large" in html


def test_empty_sections_show_staff_a_placeholder_and_visitors_nothing(client, staff_client):
    # no starter content at all
    visitor_html = type(client)().get(PAGE).content.decode()
    assert "only staff see this" not in visitor_html
    assert "<figure" not in visitor_html
    assert 'class="announcement' not in visitor_html
    staff_html = staff_client.get(PAGE).content.decode()
    assert staff_html.count("only staff see this") == 3
    assert "/admin/store/announcement/add/" in staff_html
    assert "/admin/store/featureimage/add/" in staff_html
    assert "/admin/store/promosection/add/" in staff_html


def test_hidden_content_is_not_shown(client, starter_content):
    Announcement.objects.update(is_shown=False)
    FeatureImage.objects.update(is_shown=False)
    html = client.get(PAGE).content.decode()
    assert "Free shipping" not in html
    assert "<figure" not in html


def test_unknown_guide_is_404(client):
    assert client.get("/guides/no-such-guide/").status_code == 404


def test_page_weight_is_within_budget_with_no_third_party_requests(client, starter_content):
    response = client.get(PAGE, HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    html = gzip.decompress(response.content).decode()
    total = len(response.content)
    assets = re.findall(r'<(?:link rel="stylesheet"|script) [^>]*(?:href|src)="([^"]+)"', html)
    assert assets, "the page links its stylesheet"
    for asset in assets:
        assert asset.startswith("/static/")
        body = b"".join(client.get(asset).streaming_content)
        total += len(gzip.compress(body))
    assert total <= BUDGET, f"{total} bytes"
    assert not re.search(r'(?:src|href)="(?:https?:)?//', html.split("Sources")[0])


def test_security_headers(client, starter_content):
    response = client.get(PAGE)
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self';" in csp
    assert "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "<script>" not in response.content.decode()
    assert " style=" not in response.content.decode()


def test_hsts_when_served_over_https(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    response = client.get("/healthz", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
