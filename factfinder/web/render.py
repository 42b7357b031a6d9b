"""Templates: one Jinja2 environment with autoescaping always on, and the page helper.

Every page gets the user, the CSRF token for its forms and the navigation;
values from reports are only ever inserted as escaped text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from factfinder.model import COUNT_CATEGORIES, INCIDENT_TYPES, VERIFICATIONS
from factfinder.values.numbers import whole

# One colour per incident type, shared by the map, the timeline and the badges.
TYPE_COLOURS = {
    "killing": "#b2182b", "attack": "#d6604d", "armed_clash": "#8c510a", "arrest": "#2166ac",
    "disappearance": "#542788", "torture": "#762a83", "displacement": "#1b7837", "humanitarian": "#5aae61",
    "property_destruction": "#bf812d", "surveillance": "#35978f", "restriction": "#4393c3",
    "designation": "#9970ab", "transnational_repression": "#c51b7d", "protest": "#f46d43",
    "legal_proceeding": "#01665e", "legislation": "#80cdc1", "sanction": "#de77ae", "statement": "#878787",
    "other": "#4d4d4d",
}


def make_templates(folder: Path) -> Any:
    import jinja2
    from starlette.templating import Jinja2Templates

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["number"] = number
    env.globals.update(INCIDENT_TYPES=INCIDENT_TYPES, VERIFICATIONS=VERIFICATIONS,
                       COUNT_CATEGORIES=COUNT_CATEGORIES, TYPE_COLOURS=TYPE_COLOURS)
    return Jinja2Templates(env=env)


def number(value: Any) -> str:
    """Counts print as whole numbers when they are whole (1,200 not 1200.0)."""
    if value is None:
        return ""
    if isinstance(value, float):
        value = whole(value)
    return f"{value:,}" if isinstance(value, int) else str(value)


def page(request: Any, template: str, values: dict[str, Any], *, status: int = 200) -> Any:
    ctx = request.app.state.ctx
    user = getattr(request.state, "user", None)
    session = getattr(request.state, "session", None)
    base = {"user": user, "csrf": session.csrf if session else "", "open_access": ctx.open_access,
            "path": request.url.path, "can_edit": bool(user and user.can("editor"))}
    return ctx.templates.TemplateResponse(request, template, {**base, **values}, status_code=status)
