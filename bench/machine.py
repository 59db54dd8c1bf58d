"""A one-line description of the machine and software a table was measured on."""

from __future__ import annotations

import os
import platform
import resource
import sqlite3
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def ram_gib() -> float:
    try:
        return os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") / 2**30
    except (ValueError, OSError, AttributeError):
        return float("nan")


def load_average() -> str:
    try:
        return f"{os.getloadavg()[0]:.1f}"
    except OSError:
        return "n/a"


def package(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def peak_rss_mb() -> float:
    """The bench process's own high-water mark of resident memory (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def describe(neo4j_version: str) -> str:
    """CPUs, RAM, load, Python, SQLite, Neo4j and the libraries the numbers depend on."""
    return (
        f"{os.cpu_count()} CPUs ({cpu_model()}), {ram_gib():.0f} GiB RAM, "
        f"{platform.system()} {platform.release()}, load average {load_average()} at start; "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
        f"Neo4j {neo4j_version} (Java {java_version()}), neo4j driver {package('neo4j')}, "
        f"NetworkX {package('networkx')}, SciPy {package('scipy')}, pyvis {package('pyvis')}"
    )


def java_version() -> str:
    import shutil
    import subprocess

    if shutil.which("java") is None:
        return "absent"
    try:
        out = subprocess.run(
            ["java", "-version"], capture_output=True, text=True, timeout=30
        ).stderr
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    first = out.splitlines()[0] if out else ""
    return first.split('"')[1] if '"' in first else first or "unknown"
