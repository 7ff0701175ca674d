"""The temporary Prefect API that ``warta run`` boots while the flow modules import."""

from __future__ import annotations

import urllib.request

from flows.prefect_api import TemporaryApi, booting_api, needs_temporary_api


def test_temporary_api_answers_and_stops():
    api = TemporaryApi()
    try:
        api.wait_ready(120)
        with urllib.request.urlopen(f"{api.url}/health", timeout=5) as response:
            assert response.status == 200
    finally:
        api.stop()
    assert api.process.poll() is not None


def test_a_configured_api_is_left_alone(prefect_harness):
    # The harness configures an API URL: no temporary server, and the flow keeps that URL.
    from prefect.settings import PREFECT_API_URL

    assert not needs_temporary_api()
    before = PREFECT_API_URL.value()
    with booting_api(5) as ready, ready():
        assert PREFECT_API_URL.value() == before
