from django.http import Http404
from django.shortcuts import render

from twitchcheck.web.comments.forms import CommentForm
from twitchcheck.web.comments.selectors import comments_approved
from twitchcheck.web.guide.article import article_build, causes_html
from twitchcheck.web.store.selectors import products_by_prevention, store_sections_by_place

GUIDE_SLUG = "dog-muscle-spasms"


def guide_exists(page: str) -> bool:
    return page == GUIDE_SLUG


def guide_page(request, page: str = GUIDE_SLUG, comment_form=None, status: int = 200):
    """The guide article with the store's content where staff placed it, and its
    comments. The comment view calls it too, to show a form with its errors."""
    if not guide_exists(page):
        raise Http404("No such guide")
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
        "comments": comments_approved(page=page),
        "comment_form": comment_form or CommentForm(),
    }
    return render(request, "guide/article.html", context, status=status)
