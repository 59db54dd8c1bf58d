"""Start a throw-away Neo4j 5.26 community server for the tests (CONTRACTS §6).

Order: NEO4J_TEST_URI if set; else `docker compose` where a Docker engine answers; else the
in-process server in tools/neo4j-test-server built with Maven and run on the local JDK.
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SERVER_DIR = ROOT / "tools" / "neo4j-test-server"
READY = "CONTEXTMAP-NEO4J-READY"
JVM_FLAGS = [
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Xmx1g",
]


@dataclass(frozen=True)
class Neo4jServer:
    uri: str
    user: str
    password: str
    process: subprocess.Popen[str] | None = None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def build_server() -> None:
    """Compile the tiny Java main and copy its jars (cached in ~/.m2 after the first run)."""
    if (SERVER_DIR / "target" / "classes" / "contextmap" / "TestServer.class").exists() and (
        SERVER_DIR / "target" / "dependency"
    ).is_dir():
        return
    if shutil.which("mvn") is None or shutil.which("java") is None:
        raise RuntimeError("Java 17 and Maven are needed to start the Neo4j test server")
    subprocess.run(
        ["mvn", "-q", "-B", "compile", "dependency:copy-dependencies"],
        cwd=SERVER_DIR,
        check=True,
        timeout=900,
    )


def _launch(port: int, data_dir: Path, password: str) -> subprocess.Popen[str]:
    classpath = f"{SERVER_DIR / 'target' / 'classes'}:{SERVER_DIR / 'target' / 'dependency'}/*"
    return subprocess.Popen(
        [
            "java",
            *JVM_FLAGS,
            "-cp",
            classpath,
            "contextmap.TestServer",
            str(port),
            str(data_dir),
            password,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def start_server(timeout: float = 180) -> tuple[Neo4jServer, Path]:
    build_server()
    password = secrets.token_urlsafe(16)
    port = free_port()
    data_dir = Path(tempfile.mkdtemp(prefix="contextmap-neo4j-"))
    process = _launch(port, data_dir, password)
    lines: list[str] = []
    ready = threading.Event()

    def pump() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.append(line)
            if READY in line:
                ready.set()

    threading.Thread(target=pump, daemon=True).start()
    deadline = time.monotonic() + timeout
    while not ready.is_set():
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            tail = "".join(lines[-30:])
            raise RuntimeError(f"the Neo4j test server did not start:\n{tail}")
        time.sleep(0.2)
    return Neo4jServer(f"bolt://127.0.0.1:{port}", "neo4j", password, process), data_dir


def stop_server(server: Neo4jServer, data_dir: Path | None) -> None:
    if server.process is not None and server.process.poll() is None:
        server.process.terminate()
        try:
            server.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.process.kill()
    if data_dir is not None:
        shutil.rmtree(data_dir, ignore_errors=True)


def _docker_available() -> bool:
    if shutil.which("docker") is None:
        return False
    probe = subprocess.run(["docker", "info"], capture_output=True, timeout=20)
    return probe.returncode == 0


@contextmanager
def neo4j_for_tests() -> Iterator[Neo4jServer]:
    uri = os.environ.get("NEO4J_TEST_URI")
    if uri:
        yield Neo4jServer(
            uri,
            os.environ.get("NEO4J_TEST_USER", "neo4j"),
            os.environ.get("NEO4J_TEST_PASSWORD", "contextmap-test"),
        )
        return
    if os.environ.get("CONTEXTMAP_TEST_DOCKER") == "1" and _docker_available():
        subprocess.run(["docker", "compose", "up", "-d", "--wait", "neo4j"], cwd=ROOT, check=True)
        try:
            yield Neo4jServer(
                "bolt://127.0.0.1:7687",
                "neo4j",
                os.environ.get("NEO4J_PASSWORD", "contextmap-dev"),
            )
        finally:
            subprocess.run(["docker", "compose", "down"], cwd=ROOT, check=False)
        return
    server, data_dir = start_server()
    try:
        yield server
    finally:
        stop_server(server, data_dir)
