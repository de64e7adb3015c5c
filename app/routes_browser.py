"""The Neo4j Browser's style (GraSS) and guide, served so Browser can load them from the API's URL
(`browser.post_connect_cmd` in graph/server.py asks it to at every connection)."""

from importlib import resources

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, PlainTextResponse

router = APIRouter(tags=["browser"])


def _text(name: str) -> str:
    return resources.files("graph").joinpath(f"browser/{name}").read_text(encoding="utf-8")


@router.get(
    "/browser/style.grass",
    response_class=PlainTextResponse,
    responses={200: {"content": {"text/plain": {"schema": {"type": "string"}}}}},
)
async def style() -> PlainTextResponse:
    """The Browser style: Person by name, Meeting by date and topic, Country by code, distinct colours.
    In Browser: `:style http://127.0.0.1:8000/browser/style.grass`."""
    return PlainTextResponse(_text("style.grass"))


@router.get(
    "/browser/guide.html",
    response_class=HTMLResponse,
    responses={200: {"content": {"text/html": {"schema": {"type": "string"}}}}},
)
async def guide() -> HTMLResponse:
    """The Browser guide with ready queries. In Browser: `:guide http://127.0.0.1:8000/browser/guide.html`."""
    return HTMLResponse(_text("guide.html"))
