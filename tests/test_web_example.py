"""The example web service (examples/web/app.py), as an integrator would build it from
docs/python.md: JSON in, .docx out, 422 with the problems, safe under threads, and no
traceback for any payload."""

from __future__ import annotations

import copy
import importlib.util
import io
import json
import sys
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import docx
import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chithi_gen import Renderer
from support import EXAMPLES, MINIMAL

_spec = importlib.util.spec_from_file_location("web_app", EXAMPLES / "web" / "app.py")
assert _spec and _spec.loader
web = importlib.util.module_from_spec(_spec)
sys.modules["web_app"] = web
_spec.loader.exec_module(web)


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(web.app, raise_server_exceptions=False)


def _post(client: TestClient, path: str, payload: Any) -> Any:
    body = payload if isinstance(payload, bytes) else json.dumps(payload, default=str).encode()
    return client.post(path, content=body, headers={"content-type": "application/json"})


def test_a_campaign_becomes_a_docx(client: TestClient) -> None:
    answer = _post(client, "/van-ban", MINIMAL)
    assert answer.status_code == 200
    assert answer.headers["content-type"] == web.DOCX
    assert answer.content == Renderer(environ={}).render(copy.deepcopy(MINIMAL)).docx
    assert docx.Document(io.BytesIO(answer.content)).tables[0].cell(1, 0).text == "Số: 05/CT-UBND"
    assert answer.headers["x-chithi-warnings"] == "0"


def test_problems_come_back_as_422_with_codes_and_pointers(client: TestClient) -> None:
    bad = copy.deepcopy(MINIMAL)
    bad["so"] = "năm"
    bad["phan"] = {"muc_tieu_sai": ["x"]}
    del bad["luu"]
    answer = _post(client, "/van-ban", bad)
    assert answer.status_code == 422
    problems = {p["pointer"]: p for p in answer.json()["loi"]}
    assert problems["/so"]["code"] == "int-parsing" and problems["/so"]["input"] == "năm"
    assert problems["/luu"]["code"] == "missing"
    assert problems["/phan/muc_tieu_sai"]["code"] == "unknown-section"
    assert all(p["message_vi"] and p["message_en"] for p in problems.values())


def test_validation_only(client: TestClient) -> None:
    data = copy.deepcopy(MINIMAL)
    data["noi_dung"].append({"phan_cong": {"chu_tri": "Phòng Y tế", "nhiem_vu": "làm"}})
    answer = _post(client, "/kiem-tra", data)
    assert answer.status_code == 200 and answer.json()["hop_le"] is True
    [warning] = answer.json()["canh_bao"]
    assert warning["code"] == "recipient-missing" and warning["severity"] == "warning"


@pytest.mark.parametrize(
    "body", [b"", b"{", b"[1, 2]", b'"text"', b"\xff\xfe", b"null", b"1e999999"]
)
def test_not_a_campaign_object(client: TestClient, body: bytes) -> None:
    answer = client.post("/van-ban", content=body, headers={"content-type": "application/json"})
    assert answer.status_code == 422
    assert answer.json()["loi"][0]["code"] == "bad-request"


def test_threads_share_the_renderer(client: TestClient) -> None:
    campaigns = [json.loads(json.dumps(MINIMAL))]
    for name in ("chuong-trinh-kem-quyet-dinh.yaml", "ke-hoach-hoi-nghi.yaml"):
        from chithi_gen.source import read

        campaigns.append(json.loads(json.dumps(read(EXAMPLES / name).data, default=str)))
    expected = [Renderer(environ={}).render(c).docx for c in campaigns]
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda i: _post(client, "/van-ban", campaigns[i % 3]), range(24)))
    assert [a.content for a in answers] == [expected[i % 3] for i in range(24)]


_scalar = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=30)
)
_json = st.recursive(
    _scalar,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=20,
)
_keys = st.sampled_from([*sorted(MINIMAL), "phan", "quyet_dinh", "bien", "dan_chieu", "khung"])


@st.composite
def _mutations(draw: st.DrawFn) -> dict[str, Any]:
    """A valid campaign with some fields replaced by arbitrary JSON, or removed."""
    data: dict[str, Any] = json.loads(json.dumps(MINIMAL))
    for key in draw(st.lists(_keys, max_size=4)):
        if draw(st.booleans()):
            data[key] = draw(_json)
        else:
            data.pop(key, None)
    return data


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_mutations(), st.dictionaries(st.text(max_size=10), _json, max_size=6)))
def test_a_thousand_malformed_payloads_get_structured_answers(payload: dict[str, Any]) -> None:
    client = TestClient(web.app, raise_server_exceptions=True)
    answer = _post(client, "/kiem-tra", payload)
    assert answer.status_code in (200, 422), answer.text
    body = answer.json()
    if answer.status_code == 422:
        assert body["loi"] and all(p["code"] and p["message_en"] for p in body["loi"])
