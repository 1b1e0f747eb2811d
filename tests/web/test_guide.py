"""The guide page: the article from the knowledge base with the store's content around it."""

import gzip
import re
from html import unescape

import pytest
from django.core.management import call_command

from twitchcheck import load_knowledge
from twitchcheck.web.guide.article import ARTICLE_CAUSES, GROUPS, article_build, group_of
from twitchcheck.web.store.models import (
    Announcement,
    FeatureImage,
    PoisonLine,
    Product,
    PromoSection,
    StoreSettings,
    paragraphs_of,
)

pytestmark = pytest.mark.django_db
PAGE = "/guides/dog-muscle-spasms/"
BUDGET = 64 * 1024


@pytest.fixture
def starter_content():
    call_command("setup_site", "--starter-content", verbosity=0)


@pytest.mark.parametrize("url", ["/", PAGE])
def test_guide_is_served_at_home_and_its_own_address(client, url, starter_content):
    response = client.get(url)
    assert response.status_code == 200
    assert "all an owner needs to know" in response.content.decode()


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
    start = html.index('class="toc toc-side"')
    toc = html[start : html.index("</nav>", start)]
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
    items = dict(re.findall(r'<li id="prevention-(\w+)">(.*?)\n\s*</li>', html, re.S))
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


def test_the_page_follows_the_articles_shape(client, starter_content):
    html = unescape(client.get(PAGE).content.decode())
    knowledge = load_knowledge()
    order = [
        "all an owner needs to know",
        'id="what-is-a-spasm"',
        'id="causes"',
        'id="more-causes"',
        'id="prevention"',
        'id="when-to-see-a-vet"',
        'id="final-word"',
        'id="comments"',
    ]
    positions = [html.index(marker) for marker in order]
    assert positions == sorted(positions)
    # the nine causes of the article, in its order
    names = [knowledge.cause(ids[0]).name for _, ids in ARTICLE_CAUSES]
    nine = [
        html.index(f"</span> {title or name}</h3>")
        for (title, _), name in zip(ARTICLE_CAUSES, names, strict=True)
    ]
    assert nine == sorted(nine) and len(nine) == 9
    assert html.count('class="cause-number"') == 9
    # then every further cause, under what the owner sees
    assert "More causes, by what you see" in html
    assert html.index("Nine common causes") < html.index(GROUPS["fits_and_collapse"])
    assert "Seven ways to prevent spasms" in html
    from twitchcheck.knowledge import CONTRACT_PREVENTION

    seven = html[html.index('id="prevention"') :]
    seven = seven[: seven.index("</ol>")]
    assert seven.count('<li id="prevention-') == 7
    assert all(f'id="prevention-{p}"' in seven for p in CONTRACT_PREVENTION)


def test_every_cause_has_a_place_and_groups_take_new_causes():
    article = article_build()
    placed = [s.cause.id for s in article.causes]
    knowledge = load_knowledge()
    assert sorted(placed) == sorted(c.id for c in knowledge.causes)
    assert len(placed) == len(set(placed))
    # the knowledge names each cause's group; the page groups by it
    for cause in knowledge.causes:
        assert group_of(cause) == getattr(cause, "group", group_of(cause))
    # a group the page does not know yet still shows, under its name in words
    from twitchcheck.web.guide.article import group_title

    assert group_title("odd_new_group") == "Odd new group"
    # and with no group at all, the cause's own data place it
    from types import SimpleNamespace

    seizure = knowledge.cause("seizure_disorder")
    bare = SimpleNamespace(likelihoods=seizure.likelihoods)
    assert group_of(bare) == "fits_and_collapse"
    assert group_of(SimpleNamespace(likelihoods={})) in GROUPS


def test_sticky_contents_on_desktop_and_a_back_to_top_link(client, starter_content):
    html = client.get(PAGE).content.decode()
    assert '<nav class="toc toc-side"' in html and 'class="toc toc-top"' in html
    assert '<a href="#top">Back to top</a>' in html
    css = client.get("/static/twitchcheck/css/site.css").getvalue().decode()
    assert "position: sticky" in css.split(".guide-layout > .toc")[1].split("}")[0]


def test_store_sections_go_where_staff_place_them_in_their_order(client, starter_content):
    PromoSection.objects.update(placement="below")
    second = PromoSection.objects.create(
        title="Our calming beds", body="Soft.", placement="above", position=5
    )
    first = PromoSection.objects.create(
        title="Winter coats", body="Warm.", placement="above", position=1
    )
    html = client.get(PAGE).content.decode()
    assert html.index(first.title) < html.index(second.title) < html.index('id="what-is-a-spasm"')
    starter = PromoSection.objects.get(placement="below")
    assert html.index(starter.title) > html.index('id="final-word"')
    FeatureImage.objects.update(placement="after_prevention")
    html = client.get(PAGE).content.decode()
    assert (
        html.index('id="prevention"') < html.index("<figure") < html.index('id="when-to-see-a-vet"')
    )


def test_nothing_is_sold_next_to_the_dreaming_dog_and_the_ramp_sits_with_the_ramp_advice(
    client, starter_content
):
    html = client.get(PAGE).content.decode()
    dreaming = html[html.index('id="cause-rem-sleep"') : html.index('id="cause-overexertion')]
    assert 'class="products"' not in dreaming and 'class="promo"' not in dreaming
    ramp = html[html.index('id="prevention-ramp_no_jumping"') :]
    ramp = ramp[: ramp.index("</li>\n")] if "</li>\n" in ramp else ramp
    assert "Dog bed ramp" in ramp
    assert 'href="https://shop.example.com/products/dog-bed-ramp"' in ramp
    assert 'class="product-image"' in ramp and 'alt="A carpeted ramp' in ramp


def test_admin_paragraphs_show_as_paragraphs_whatever_the_line_endings():
    assert paragraphs_of("One.\r\n\r\nTwo\r\nlines.\r\n  \r\nThree.") == [
        "One.",
        "Two lines.",
        "Three.",
    ]
    assert paragraphs_of("Old Mac.\r\rNext.") == ["Old Mac.", "Next."]
    assert paragraphs_of("\n\n") == []


def test_every_store_field_has_help_text():
    from django.apps import apps

    for model in apps.get_app_config("store").get_models():
        for field in model._meta.get_fields():
            if getattr(field, "auto_created", False) or not getattr(field, "editable", False):
                continue
            if field.name in ("id", "updated_at"):
                continue
            assert field.help_text, f"{model.__name__}.{field.name} has no help text"


def test_captions_and_alt_texts_have_room_in_the_admin(staff_client, starter_content):
    image = FeatureImage.objects.first()
    html = staff_client.get(f"/admin/store/featureimage/{image.pk}/change/").content.decode()
    assert '<textarea name="alt_text"' in html and '<textarea name="caption"' in html
    assert FeatureImage._meta.get_field("alt_text").max_length >= 300
    assert "Where on the guide page" in html


def test_store_settings_and_poison_lines_in_the_admin(staff_client, starter_content):
    assert StoreSettings.objects.count() == 1
    assert staff_client.get("/admin/store/storesettings/").status_code == 200
    assert staff_client.get("/admin/store/storesettings/add/").status_code == 403
    assert PoisonLine.objects.filter(country="GB", phone="01202 509000").exists()
    html = staff_client.get("/admin/store/poisonline/").content.decode()
    assert "Animal PoisonLine" in html


def test_uploaded_images_are_served_in_development(client, settings, tmp_path):
    from django.test import override_settings
    from django.urls import clear_url_caches

    settings.MEDIA_ROOT = str(tmp_path)
    (tmp_path / "store").mkdir()
    (tmp_path / "store" / "dog.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    import importlib

    import twitchcheck.web.urls as urls

    with override_settings(DEBUG=True):
        importlib.reload(urls)
        clear_url_caches()
        try:
            response = client.get("/media/store/dog.png")
            assert response.status_code == 200
        finally:
            pass
    importlib.reload(urls)
    clear_url_caches()


def test_contacts_in_the_guide_are_tap_to_call(client, starter_content):
    html = client.get(PAGE).content.decode()
    assert 'href="tel:8884264435"' in html


def test_each_cause_links_to_its_sources_on_the_sources_page(client, starter_content):
    html = client.get(PAGE).content.decode()
    links = re.findall(
        r'href="/guides/dog-muscle-spasms/sources/#(sources-[^"]+)">Sources \((\d+)\)', html
    )
    assert len(links) >= 20
    assert "https://doi.org/" not in html and "pubmed.ncbi" not in html  # not in the guide
    sources = client.get("/guides/dog-muscle-spasms/sources/")
    assert sources.status_code == 200
    page = sources.content.decode()
    for anchor, count in links:
        section = re.search(rf'<section id="{anchor}".*?</section>', page, re.S)
        assert section, anchor
        assert section.group(0).count("<li>") == int(count)
        back = re.search(r'href="/guides/dog-muscle-spasms/#([^"]+)"', section.group(0)).group(1)
        assert f'id="{back}"' in html  # and back to the cause
    assert client.get("/guides/no-such-guide/sources/").status_code == 404
