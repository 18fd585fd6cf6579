"""Named partials: render one ``{% block %}`` of a page template for an htmx response.

A wizard page and its htmx fragments are the same template; the fragment is a
named block of it, so markup is never duplicated between the full page and
the partial.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.template.base import Template
from django.template.context import make_context
from django.template.loader_tags import BlockNode
from django.template.response import TemplateResponse


class BlockNotFound(LookupError):
    pass


def _find_block(template: Template, name: str) -> BlockNode:
    for node in template.nodelist.get_nodes_by_type(BlockNode):
        if isinstance(node, BlockNode) and node.name == name:
            return node
    raise BlockNotFound(f"no block {name!r} in {template.origin.template_name!s}")


def render_block(
    backend_template: Any, name: str, context: dict[str, Any] | None, request: HttpRequest
) -> str:
    """The block ``name`` of a template, rendered with the same context processors as a page."""
    template: Template = backend_template.template
    ctx = make_context(
        context or {}, request, autoescape=backend_template.backend.engine.autoescape
    )
    with ctx.render_context.push_state(template), ctx.bind_template(template):
        return str(_find_block(template, name).render(ctx))


class PartialResponse(TemplateResponse):
    """A TemplateResponse that renders only the named block of its template."""

    def __init__(
        self,
        request: HttpRequest,
        template: str,
        context: dict[str, Any],
        *,
        block: str,
        **kwargs: Any,
    ) -> None:
        super().__init__(request, template, context, **kwargs)
        self.block = block

    @property
    def rendered_content(self) -> str:
        template = self.resolve_template(self.template_name)
        context = self.resolve_context(self.context_data)
        return render_block(template, self.block, context, self._request)


def page_or_partial(
    request: HttpRequest,
    template: str,
    context: dict[str, Any],
    *,
    block: str | None,
    status: int = 200,
) -> TemplateResponse:
    if block is None:
        return TemplateResponse(request, template, context, status=status)
    return PartialResponse(request, template, context, block=block, status=status)
