"""A web service that drafts documents: campaign JSON in, .docx out, 422 with the problems.

Run it (FastAPI and an ASGI server are the service's dependencies, not chithi_gen's)::

    pip install chithi-gen fastapi uvicorn
    uvicorn app:app --port 8000      # from examples/web/

    curl -X POST localhost:8000/van-ban -H 'content-type: application/json' \\
         --data @campaign.json -o van-ban.docx

Endpoints:

* ``POST /van-ban`` — the campaign as a JSON object (the fields of a campaign file);
  answers the .docx, with the number of warnings in ``X-Chithi-Warnings``;
* ``POST /kiem-tra`` — validates only; answers ``{"hop_le": true, "canh_bao": [...]}``;
* either answers **422** ``{"loi": [...]}`` for a campaign that cannot be drafted, each
  problem with its stable ``code``, ``pointer`` (JSON Pointer into the request),
  ``input`` and both messages — and never a traceback.

One :class:`chithi_gen.Renderer` serves every request, from a pool of threads (rendering
is CPU work and must not block the event loop): it is safe to share between threads, and
it compiles each layout once. Its template
folders are read when it is made (here: the bundled ones only).
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from chithi_gen import CampaignError, ChithiError, Problem, Renderer

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
#: Largest request body accepted (bytes); a real campaign is < 100 kB.
MAX_BODY = 2_000_000

app = FastAPI(title="chithi_gen", summary="Soạn văn bản theo Nghị định 30/2020/NĐ-CP")
renderer = Renderer(environ={})


def problem_json(problem: Problem) -> dict[str, Any]:
    """A problem as the service answers it."""
    return {
        "code": problem.code,
        "severity": problem.severity,
        "pointer": problem.pointer,
        "field": problem.field_path or None,
        "input": problem.input,
        "message_vi": problem.message_vi,
        "message_en": problem.message_en,
    }


def problems_response(problems: tuple[Problem, ...] | list[Problem], status: int) -> JSONResponse:
    return JSONResponse({"loi": [problem_json(p) for p in problems]}, status_code=status)


def not_json(message_vi: str, message_en: str) -> JSONResponse:
    return problems_response([Problem(message_vi, message_en, code="bad-request")], 422)


async def campaign_of(request: Request) -> dict[str, Any] | JSONResponse:
    """The request's JSON object, or the 422 answer saying why it is not one."""
    body = await request.body()
    if len(body) > MAX_BODY:
        return not_json("nội dung yêu cầu quá lớn", "the request body is too large")
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return not_json("nội dung yêu cầu không phải JSON", "the request body is not JSON")
    if not isinstance(data, dict):
        return not_json(
            "tệp chiến dịch phải là một đối tượng JSON", "a campaign must be a JSON object"
        )
    return data


@app.post("/van-ban", response_class=Response)
async def van_ban(request: Request) -> Response:
    """Draft the document of the campaign in the request body."""
    data = await campaign_of(request)
    if isinstance(data, JSONResponse):
        return data
    try:
        result = await run_in_threadpool(renderer.render, data)
    except CampaignError as exc:
        return problems_response(exc.problems, 422)
    except ChithiError as exc:  # a layout or template problem on the server's side
        return problems_response(exc.problems, 500)
    headers = {
        "Content-Disposition": 'attachment; filename="van-ban.docx"',
        "X-Chithi-Warnings": str(len(result.warnings)),
    }
    return Response(result.docx, media_type=DOCX, headers=headers)


@app.post("/kiem-tra")
async def kiem_tra(request: Request) -> JSONResponse:
    """Validate the campaign in the request body without drafting it."""
    data = await campaign_of(request)
    if isinstance(data, JSONResponse):
        return data
    try:
        draft = await run_in_threadpool(renderer.prepare, data)
    except CampaignError as exc:
        return problems_response(exc.problems, 422)
    return JSONResponse({"hop_le": True, "canh_bao": [problem_json(w) for w in draft.warnings]})
