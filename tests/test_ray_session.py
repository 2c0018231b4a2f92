"""How ``roqa code --engine ray`` starts, reaches and stops Ray: the address it is given, the
local Ray it starts (on this machine, in a private folder removed after the run) and the user's
settings it leaves as they were.

Ray's ``init`` and ``shutdown`` are recorded instead of run (``fake_ray``), but for one real local
Ray in a fresh process. No test here runs in another's Ray: none is grouped with test_engines',
so they run on any worker.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.install_hints import install_package

pytestmark = pytest.mark.slow

#: the line a ray:// address's hint says, as roqa is installed here (a clone's .venv/bin/pip)
CLIENT = install_package("'ray[client]'")


def test_ray_that_cannot_start_or_be_reached_is_a_one_line_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """RAY_ADDRESS=auto with no cluster printed a traceback; a ray:// address without
    ray[client] an 'internal error' (session 27)."""
    ray = pytest.importorskip("ray", reason="the ray engine needs `pip install roqa_nlp[ray]`")
    from roqa_nlp.errors import RoqaError
    from roqa_nlp.ray_engine import init_ray

    def refuse(**kwargs: object) -> None:
        raise ConnectionError("Could not find any running Ray instance.")

    monkeypatch.setattr(ray, "is_initialized", lambda: False)
    monkeypatch.setattr(ray, "init", refuse)
    monkeypatch.setenv("RAY_ADDRESS", "auto")
    with pytest.raises(RoqaError) as caught:
        init_ray()
    assert str(caught.value) == (
        "could not start or reach the Ray cluster at RAY_ADDRESS=auto (Could not find any "
        "running Ray instance.) (start the cluster (`ray start --head`) or unset RAY_ADDRESS; a "
        f"ray:// address needs {CLIENT}; or use --engine local)"
    )
    seen: dict[str, object] = {}
    monkeypatch.delenv("RAY_ADDRESS")
    monkeypatch.setattr(ray, "init", lambda **kwargs: seen.update(kwargs))
    init_ray(num_cpus=2)
    assert (seen["address"], seen["num_cpus"]) == ("local", 2)  # never a cluster left running


def test_an_address_where_nothing_listens_is_named_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ray retries an unreachable RAY_ADDRESS for a long while before it gives up; a refused
    connection is said at once, and Ray is never asked."""
    import socket

    ray = pytest.importorskip("ray", reason="the ray engine needs `pip install roqa_nlp[ray]`")
    from roqa_nlp.errors import RoqaError
    from roqa_nlp.ray_engine import init_ray

    with socket.socket() as s:  # a port that was free a moment ago: nothing listens there
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    asked: list[object] = []
    monkeypatch.setattr(ray, "is_initialized", lambda: False)
    monkeypatch.setattr(ray, "init", lambda **kwargs: asked.append(kwargs))
    for address in (f"127.0.0.1:{port}", f"ray://127.0.0.1:{port}"):
        monkeypatch.setenv("RAY_ADDRESS", address)
        with pytest.raises(RoqaError) as caught:
            init_ray()
        assert str(caught.value).startswith(
            f"no Ray cluster answers at RAY_ADDRESS={address} (Connection refused) (start the "
            "cluster (`ray start --head`), check the address and port, or unset RAY_ADDRESS"
        )
    assert asked == []
    with socket.socket() as listening:  # an address that answers is left to Ray
        listening.bind(("127.0.0.1", 0))
        listening.listen()
        monkeypatch.setenv("RAY_ADDRESS", f"127.0.0.1:{listening.getsockname()[1]}")
        init_ray()
    assert len(asked) == 1


def fake_ray(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """Ray's init and shutdown recorded instead of run; what init was given is returned."""
    import os

    ray = pytest.importorskip("ray", reason="the ray engine needs `pip install roqa_nlp[ray]`")
    seen: dict[str, object] = {"shutdown": 0}
    running: list[bool] = []
    monkeypatch.setattr(ray, "is_initialized", lambda: bool(running))

    def init(**kwargs: object) -> None:
        seen.update(kwargs, proxy=os.environ.get("http_proxy"))
        running.append(True)

    monkeypatch.setattr(ray, "init", init)

    def shutdown() -> None:
        seen["shutdown"] = int(seen["shutdown"]) + 1  # type: ignore[call-overload]
        running.clear()

    monkeypatch.setattr(ray, "shutdown", shutdown)
    return seen


def test_a_local_ray_stays_on_this_machine_in_a_private_folder_removed_after_the_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Session 44's audit: the local Ray bound its GCS to the machine's network address, asked
    169.254.169.254 and DNS for its usage statistics, and left world-readable session logs
    naming participants in $TMPDIR/ray, never deleted."""
    import os
    import stat

    from roqa_nlp.ray_engine import ray_session

    for name in ("RAY_ADDRESS", "RAY_TMPDIR", "RAY_USAGE_STATS_ENABLED"):
        monkeypatch.setenv(name, "")  # restored after the test
        monkeypatch.delenv(name)
    monkeypatch.setenv("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "")
    monkeypatch.delenv("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER")
    proxy = os.environ.get("http_proxy")
    seen = fake_ray(monkeypatch)
    with ray_session() as ray:
        assert ray.is_initialized()
        temp = Path(str(seen["_temp_dir"])).parent  # Ray makes its own temp dir 0777
        assert stat.S_IMODE(temp.stat().st_mode) == 0o700
        assert (
            len(str(seen["_temp_dir"])) <= 46
        )  # Ray's socket paths under it stay within 107 bytes
    assert not temp.exists() and seen["shutdown"] == 1
    assert os.environ["RAY_USAGE_STATS_ENABLED"] == "0"
    assert os.environ["RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"] == "0"  # node address 127.0.0.1
    # Ray's processes ask the cloud metadata servers through a proxy where nothing listens
    assert seen["proxy"] == "http://127.0.0.1:9" and os.environ.get("http_proxy") == proxy
    with pytest.raises(KeyboardInterrupt), ray_session():  # Ctrl-C: shut down, removed too
        temp = Path(str(seen["_temp_dir"])).parent
        raise KeyboardInterrupt
    assert not temp.exists() and seen["shutdown"] == 2


@pytest.mark.parametrize(
    "failure",
    [RuntimeError("Failed to start the GCS"), KeyboardInterrupt()],
    ids=["ray-fails", "ctrl-c"],
)
def test_the_users_proxies_are_given_back_when_a_local_ray_fails_to_start(
    monkeypatch: pytest.MonkeyPatch, failure: BaseException
) -> None:
    """The proxy where nothing listens is in the whole process's environment while ray.init
    starts Ray's processes: whether Ray starts, fails or is interrupted, the user's proxy
    settings are as they were after it (one set, the others unset)."""
    import os

    from roqa_nlp.errors import RoqaError
    from roqa_nlp.ray_engine import NO_WAY_OUT, ray_session

    monkeypatch.delenv("RAY_ADDRESS", raising=False)
    monkeypatch.delenv("RAY_TMPDIR", raising=False)
    for name in NO_WAY_OUT:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("https_proxy", "http://proxy.example:3128")
    seen = fake_ray(monkeypatch)
    ray = pytest.importorskip("ray")

    def init(**kwargs: object) -> None:
        seen["during"] = {name: os.environ.get(name) for name in NO_WAY_OUT}
        raise failure

    monkeypatch.setattr(ray, "init", init)
    expected: type[BaseException] = RoqaError if isinstance(failure, Exception) else type(failure)
    with pytest.raises(expected) as caught, ray_session():
        pass
    if expected is RoqaError:
        assert str(caught.value).startswith(
            "could not start or reach a local Ray (Failed to start the GCS)"
        )
    assert seen["during"] == NO_WAY_OUT
    after = {name: os.environ.get(name) for name in NO_WAY_OUT}
    assert after == {name: None for name in NO_WAY_OUT} | {
        "https_proxy": "http://proxy.example:3128"
    }


def test_a_ray_the_user_chose_is_left_as_they_set_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import os

    from roqa_nlp.ray_engine import ray_session

    monkeypatch.delenv("RAY_ADDRESS", raising=False)
    monkeypatch.setenv("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "1")
    monkeypatch.setenv("RAY_TMPDIR", str(tmp_path))
    monkeypatch.setenv("RAY_USAGE_STATS_ENABLED", "1")
    seen = fake_ray(monkeypatch)
    with ray_session():
        pass
    assert "_temp_dir" not in seen and seen["shutdown"] == 1
    assert os.environ["RAY_USAGE_STATS_ENABLED"] == "1"
    ray = pytest.importorskip("ray")
    monkeypatch.setattr(ray, "is_initialized", lambda: True)  # a Ray of the caller's: kept
    with ray_session():
        pass
    assert seen["shutdown"] == 1


def test_a_real_local_ray_listens_on_loopback_and_leaves_no_session_behind(
    tmp_path: Path,
) -> None:
    """In a fresh process (Ray reads its node address setting at import): the GCS address is
    127.0.0.1 and the session folder, under a private 0700 folder, is gone after the run."""
    import os
    import subprocess
    import sys

    pytest.importorskip("ray", reason="the ray engine needs `pip install roqa_nlp[ray]`")
    script = (
        "import os, stat\n"
        "from roqa_nlp.ray_engine import ray_session\n"
        "with ray_session(num_cpus=1) as ray:\n"
        "    session = ray._private.worker._global_node.get_session_dir_path()\n"
        "    parent = os.path.dirname(os.path.dirname(session))\n"
        "    print(ray.get_runtime_context().gcs_address.rsplit(':', 1)[0])\n"
        "    print(oct(stat.S_IMODE(os.stat(parent).st_mode)))\n"
        "print(os.path.exists(session), os.path.exists(parent))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAY_")}
    env["PYTHONPATH"] = str(Path(__file__).parents[1] / "src")
    env["TMPDIR"] = str(tmp_path)
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.stdout.split("\n") == ["127.0.0.1", "0o700", "False False", ""], done.stderr


def test_a_dashboard_address_is_named_as_such_before_any_connection(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """RAY_ADDRESS=http://127.0.0.1:8265, the dashboard's web address (which `ray job submit`
    takes), was read as the host 'http': 'no Ray cluster answers ... (Name or service not
    known)' (engines tester s63, 5). It is said to be the dashboard's, with the addresses to
    give, before Ray is asked or a connection tried."""
    import socket

    ray = pytest.importorskip("ray", reason="the ray engine needs `pip install roqa_nlp[ray]`")
    from roqa_nlp.errors import RoqaError
    from roqa_nlp.ray_engine import init_ray

    asked: list[object] = []
    monkeypatch.setattr(ray, "is_initialized", lambda: False)
    monkeypatch.setattr(ray, "init", lambda **kwargs: asked.append(kwargs))

    def connect(*args: object, **kwargs: object) -> None:
        asked.append(args)
        raise ConnectionRefusedError(111, "Connection refused")

    monkeypatch.setattr(socket, "create_connection", connect)
    said = {}
    for address in ("http://127.0.0.1:8265", "https://head.example.org:8265/", "HTTP://[::1]"):
        monkeypatch.setenv("RAY_ADDRESS", address)
        with pytest.raises(RoqaError) as caught:
            init_ray()
        said[address] = str(caught.value)
    assert said["http://127.0.0.1:8265"] == (
        "RAY_ADDRESS=http://127.0.0.1:8265 is a web address, as of the Ray dashboard, not a Ray "
        "cluster's (give the cluster's: 127.0.0.1:6379 on one of its nodes, or "
        f"ray://127.0.0.1:10001 for Ray Client, which needs {CLIENT}; or unset "
        "RAY_ADDRESS)"
    )
    assert (
        "head.example.org:6379 on one of its nodes, or ray://head.example.org:10001"
        in (said["https://head.example.org:8265/"])
    )
    assert "[::1]:6379 on one of its nodes, or ray://[::1]:10001" in said["HTTP://[::1]"]
    assert asked == []


def test_a_user_or_password_in_the_ray_address_is_refused_and_never_printed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """RAY_ADDRESS=Http://user:pw@10.0.0.5:8265 printed the password back in the one-line error
    (hunt s63, D3), and ann@HOST:PORT with a port that answers was sent to Ray, which retried it
    for ever (hunt s64: still waiting after 590 s). A Ray cluster's address holds no user name or
    password: one is refused before any connection or lookup, whatever the scheme, and whatever
    comes before the last '@' is shown as *** (a password may hold '@', ':' or '://')."""
    import socket

    ray = pytest.importorskip("ray", reason="the ray engine needs `pip install roqa_nlp[ray]`")
    from roqa_nlp.errors import RoqaError
    from roqa_nlp.ray_engine import init_ray

    monkeypatch.setattr(ray, "is_initialized", lambda: False)

    def never(**kwargs: object) -> None:
        raise AssertionError("ray.init was asked")

    monkeypatch.setattr(ray, "init", never)
    monkeypatch.setattr(socket, "create_connection", never)
    monkeypatch.setattr(socket, "getaddrinfo", never)
    said = {}
    for address in (
        "Http://ann:s3cret@10.0.0.5:8265",
        "ray://ann:s3cret@127.0.0.1:10001",
        "ann:s3c:ret@127.0.0.1:6379",
        "ann@127.0.0.1:6379",
        "ann:s3c://x@127.0.0.1:6379",
        "ray://ann:s3c@t@[::1]:10001",
    ):
        monkeypatch.setenv("RAY_ADDRESS", address)
        with pytest.raises(RoqaError) as caught:
            init_ray()
        said[address] = str(caught.value)
    assert said["Http://ann:s3cret@10.0.0.5:8265"] == (
        "RAY_ADDRESS=Http://***@10.0.0.5:8265 is a web address, as of the Ray dashboard, not "
        "a Ray cluster's (give the cluster's: 10.0.0.5:6379 on one of its nodes, or "
        f"ray://10.0.0.5:10001 for Ray Client, which needs {CLIENT}; or unset "
        "RAY_ADDRESS)"
    )
    refused = (
        " holds a user name or password, which no Ray cluster's address does (give the "
        "cluster's address alone: HOST:6379 on one of its nodes, or ray://HOST:10001 for Ray "
        "Client; or unset RAY_ADDRESS)"
    )
    assert said["ray://ann:s3cret@127.0.0.1:10001"] == (
        f"RAY_ADDRESS=ray://***@127.0.0.1:10001{refused}"
    )
    assert said["ann:s3c:ret@127.0.0.1:6379"] == f"RAY_ADDRESS=***@127.0.0.1:6379{refused}"
    assert said["ann@127.0.0.1:6379"] == f"RAY_ADDRESS=***@127.0.0.1:6379{refused}"
    assert said["ann:s3c://x@127.0.0.1:6379"] == f"RAY_ADDRESS=***@127.0.0.1:6379{refused}"
    assert said["ray://ann:s3c@t@[::1]:10001"] == f"RAY_ADDRESS=ray://***@[::1]:10001{refused}"
    assert not any("s3c" in message or "ann" in message for message in said.values())
