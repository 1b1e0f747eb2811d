import logging

from django.http import Http404
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from twitchcheck.web import pagecache
from twitchcheck.web.comments.selectors import comments_approved_page
from twitchcheck.web.guide import prebuilt
from twitchcheck.web.guide.article import article_build, causes_html
from twitchcheck.web.store.selectors import products_by_prevention, store_sections_by_place

log = logging.getLogger(__name__)
GUIDE_SLUG = "dog-muscle-spasms"
MAX_COMMENT_PAGE = 10_000
NOT_FOUND = "<404>"
LIVE_NOTICES = "<!--live:notices-->"
LIVE = "<live>"  # the bare page used a CSRF token outside the form: made per visit instead


def guide_exists(page: str) -> bool:
    return page == GUIDE_SLUG


def _comment_page_number(raw: str | None) -> int:
    """?comments=N: a whole number from 1; anything else is a 404."""
    if raw is None:
        return 1
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_COMMENT_PAGE:
        raise Http404("No such page of comments")
    return int(raw)


def _body_html(page: str, number: int, request=None) -> str:
    """The article, the store's content and one page of comments. Without a request (what
    is cached) it has nothing of any visitor's; with one (staff), their placeholders."""
    comments_page = comments_approved_page(page=page, number=number)
    if comments_page is None:
        return NOT_FOUND
    article = article_build()
    products = products_by_prevention()
    sections = store_sections_by_place()
    placed = [kind for items in sections.values() for kind, _ in items]
    context = {
        "page": page,
        "article": article,
        "causes_html": causes_html(),
        "prevention": [(item, products.get(item.id, [])) for item in article.prevention],
        "more_prevention": [(item, products.get(item.id, [])) for item in article.more_prevention],
        "sections": sections,
        "has_image": "image" in placed,
        "has_promo": "promo" in placed,
        "comments_page": comments_page,
        "comment_page_range": list(
            comments_page.paginator.get_elided_page_range(number, on_each_side=2, on_ends=1)
        ),
    }
    return render_to_string("guide/body.html", context, request=request)


def guide_page(request, page: str = GUIDE_SLUG):
    """The guide article with the store's content where staff placed it, and a page of
    its comments. The shared part comes from the cache (pagecache); the visitor's own
    part (notices, the header) is made for each request. The comment form is on a page
    of its own (comments.views.comment_page), so the guide holds no CSRF token and no
    form stamp: a visitor without cookies gets bytes made once, as they are."""
    if not guide_exists(page):
        raise Http404("No such guide")
    number = _comment_page_number(request.GET.get("comments"))
    if prebuilt.applies(request):
        whole = pagecache.remember(
            f"guide-page:{request.path}:{number}", lambda: _bare_page(request.path, page, number)
        )
        if whole == NOT_FOUND:
            raise Http404("No such page of comments")
        if whole != LIVE:
            return whole.response(request)
    if request.user.is_staff:
        body = _body_html(page, number, request=request)
    else:
        body = pagecache.remember(f"guide:{page}:{number}", lambda: _body_html(page, number))
    if body == NOT_FOUND:
        raise Http404("No such page of comments")
    notices = render_to_string("comments/notices.html", request=request)
    return _page(request, page, body.replace(LIVE_NOTICES, notices, 1))


def sources_page(request, page: str):
    """Every cause's sources, each under its own anchor: the guide links to them."""
    if not guide_exists(page):
        raise Http404("No such guide")
    return render(request, "guide/sources.html", {"page": page, "article": article_build()})


def _page(request, page: str, html: str, status: int = 200):
    context = {"page": page, "article": article_build(), "guide_html": mark_safe(html)}
    return render(request, "guide/article.html", context, status=status)


def _bare_page(path: str, page: str, number: int):
    """The whole page for a visitor without cookies, made from a bare request: the same
    bytes for every such visitor (prebuilt.Prebuilt)."""
    body = pagecache.remember(f"guide:{page}:{number}", lambda: _body_html(page, number))
    if body == NOT_FOUND:
        return NOT_FOUND
    bare = prebuilt.bare_request(path)
    html = _page(bare, page, body.replace(LIVE_NOTICES, "", 1))
    if "CSRF_COOKIE" in bare.META:  # a template asked for a token: never share it
        log.error("the guide's page uses a CSRF token; it is made per visit, uncached")
        return LIVE
    return prebuilt.Prebuilt.make(html.content)
