"""The supply chain: every Python package locked with its hashes and installed only so, the wheel
built from the locked hatchling, and CI's actions pinned by commit with the least permissions."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
_NAME = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\;]+)")


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _lock() -> dict[str, tuple[str, list[str]]]:
    """The lock: for each package, its version and hashes."""
    text = (ROOT / "requirements-dev.txt").read_text(encoding="utf-8")
    locked: dict[str, tuple[str, list[str]]] = {}
    for entry in re.split(r"\n(?=\S)", text):
        if entry.startswith("#") or not entry.strip():
            continue
        found = _NAME.match(entry)
        assert found, f"not an exact pin: {entry.splitlines()[0]}"
        locked[_normal(found.group(1))] = (found.group(2), re.findall(r"--hash=sha256:([0-9a-f]{64})", entry))
    return locked


def _pins(text: str) -> dict[str, str]:
    pins = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            found = _NAME.match(line)
            assert found, f"not an exact pin: {line}"
            pins[_normal(found.group(1))] = found.group(2)
    return pins


def test_every_locked_package_is_an_exact_pin_with_hashes() -> None:
    """Each entry of requirements-dev.txt is name==version with at least one sha256 hash."""
    locked = _lock()
    assert len(locked) > 40
    assert [name for name, (_, hashes) in locked.items() if not hashes] == []


def test_the_lock_holds_every_direct_dependency_and_the_build_backend() -> None:
    """The lock has each pin of requirements-dev.in at the same version, and the build backend
    pyproject.toml names (so the wheel builds without fetching anything)."""
    locked = {name: version for name, (version, _) in _lock().items()}
    direct = _pins((ROOT / "requirements-dev.in").read_text(encoding="utf-8"))
    assert {name: locked.get(name) for name in direct} == direct
    backend = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["build-system"]["requires"]
    assert backend
    for requirement in backend:
        assert "==" in requirement, f"build requirement not pinned: {requirement}"
        name, version = requirement.split("==")
        assert locked.get(_normal(name)) == version, requirement


def test_make_installs_only_hashed_wheels_and_builds_without_isolation() -> None:
    """The Makefile installs the lock with --require-hashes and builds the wheel with --no-isolation."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    installs = [line for line in makefile.splitlines() if "pip install" in line and "-r requirements" in line]
    assert installs
    for line in installs:
        assert "--require-hashes" in line, line
        assert "--only-binary :all:" in line, line
    builds = [line for line in makefile.splitlines() if "-m build" in line]
    assert builds
    assert all("--no-isolation" in line for line in builds), builds


def _workflows() -> dict[str, dict[str, Any]]:
    return {path.name: yaml.safe_load(path.read_text(encoding="utf-8")) for path in WORKFLOWS}


def test_every_action_is_pinned_by_commit_with_its_tag() -> None:
    """Every `uses:` names a full 40-hex commit, with the release tag in a comment beside it."""
    assert WORKFLOWS
    uses = [
        line.strip()
        for path in WORKFLOWS
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip().removeprefix("- ").startswith("uses:")
    ]
    assert uses
    pinned = re.compile(r"^(- )?uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")
    assert [line for line in uses if not pinned.match(line)] == []


def test_the_token_gets_nothing_by_default_and_checkouts_keep_no_credentials() -> None:
    """`permissions: {}` at the top, each job names its own, and no checkout leaves the token on disk."""
    for name, workflow in _workflows().items():
        assert workflow.get("permissions") == {}, name
        for job_name, job in workflow["jobs"].items():
            assert isinstance(job.get("permissions"), dict), f"{name}: {job_name}"
            for step in job.get("steps", []):
                if str(step.get("uses", "")).startswith("actions/checkout@"):
                    assert step.get("with", {}).get("persist-credentials") is False, f"{name}: {job_name}"
            writes = {k for k, v in job["permissions"].items() if v == "write"}
            if writes:
                assert not any("run" in step for step in job.get("steps", [])), (
                    f"{name}: {job_name} runs code with {writes}"
                )


def test_pages_deploy_only_after_the_tests_pass_on_the_same_commit() -> None:
    """The jobs that deploy need, directly or through the build, the job that runs `make test`, in
    the same run; nothing else deploys."""
    deployers = []
    for name, workflow in _workflows().items():
        jobs = workflow["jobs"]
        testing = {
            job_name for job_name, job in jobs.items() if any(step.get("run") == "make test" for step in job["steps"])
        }

        def needs(job_name: str, jobs: dict[str, Any] = jobs) -> set[str]:
            direct = jobs[job_name].get("needs", [])
            direct = [direct] if isinstance(direct, str) else direct
            return set(direct).union(*(needs(n) for n in direct))

        for job_name, job in jobs.items():
            if any(str(step.get("uses", "")).startswith("actions/deploy-pages@") for step in job["steps"]):
                deployers.append(job_name)
                assert needs(job_name) & testing, f"{name}: {job_name} does not wait for make test"
    assert deployers
