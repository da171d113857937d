"""Community Cloud deploys the repository as is: its dependency file agrees with pyproject.toml."""

from __future__ import annotations

import tomllib
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent


def requirements(lines: list[str]) -> dict[str, str]:
    found = {}
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith("-"):
            requirement = Requirement(line)
            found[requirement.name.lower()] = str(requirement.specifier)
    return found


def test_requirements_txt_pins_exactly_what_pyproject_declares():
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    listed = (ROOT / "requirements.txt").read_text().splitlines()
    assert requirements(listed) == requirements(declared)


def test_the_python_version_is_stated_for_the_deployment():
    stated = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    assert stated.startswith(">=3.11")
    assert "Python 3.11" in (ROOT / "README.md").read_text()


def test_the_secrets_example_is_not_a_real_secrets_file():
    assert (ROOT / ".streamlit" / "secrets.toml.example").exists()
    assert ".streamlit/secrets.toml" in (ROOT / ".gitignore").read_text()


def test_the_server_skips_streamlits_per_run_garbage_collection_and_per_session_file_watching(monkeypatch):
    """Both hold the interpreter while browsers wait: each click for the collection, each new tab for the watcher."""
    from streamlit import config

    monkeypatch.chdir(ROOT)
    try:
        config.get_config_options(force_reparse=True)
        assert config.get_option("runner.postScriptGC") is False  # raises if this Streamlit no longer has it
        assert config.get_option("server.fileWatcherType") == "none"
    finally:
        monkeypatch.undo()
        config.get_config_options(force_reparse=True)


def test_only_community_cloud_may_send_commands_to_an_embedded_workbook(monkeypatch):
    """Streamlit's own test and staging hosts are not on the list: each entry costs every click a check."""
    from streamlit import config

    monkeypatch.chdir(ROOT)
    try:
        config.get_config_options(force_reparse=True)
        assert config.get_option("client.allowedOrigins") == ["https://*.streamlit.app", "https://share.streamlit.io"]
    finally:
        monkeypatch.undo()
        config.get_config_options(force_reparse=True)
