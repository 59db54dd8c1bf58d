"""`python -m mapping` / `contextmap`: the command line of CONTRACTS §3.

Exit codes: 0 success, 1 user error (one line naming the field, line or argument), 2 usage.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from graphdb import GraphStore, StoreError, open_store
from mapping import audit
from mapping.cli_accounts import AccountCommandError

Handler = Callable[[argparse.Namespace, GraphStore], int]


class UserError(Exception):
    """A problem the user can fix; printed as one line, exit code 1."""


def _iso_date(value: str) -> str:
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected YYYY-MM-DD, got {value!r}") from None


def _actor(args: argparse.Namespace) -> str:
    return str(getattr(args, "as_user", None) or f"os:{getpass.getuser()}")


def cmd_init(args: argparse.Namespace, store: GraphStore) -> int:
    audit.record(store, actor=_actor(args), action="init")
    print(f"initialised the {store.name} store")
    return 0


def cmd_demo(args: argparse.Namespace, store: GraphStore) -> int:
    from mapping.io.demo import generate

    if args.if_empty and store.counts():
        print("the store already holds data; demo data not loaded")
        return 0
    started = time.perf_counter()
    nodes, links = generate(args.scale, seed=args.seed)
    generated = time.perf_counter()
    result = store.write(nodes, links, actor="demo")
    elapsed = time.perf_counter() - generated
    audit.record(store, actor=_actor(args), action="demo", detail=f"{args.scale} seed {args.seed}")
    rows = len(nodes) + len(links)
    print(
        f"demo {args.scale} (seed {args.seed}): {len(nodes):,} nodes, {len(links):,} links; "
        f"created {result.nodes.created:,} nodes and {result.links.created:,} links; "
        f"generated in {generated - started:.1f} s, written in {elapsed:.1f} s "
        f"({rows / max(elapsed, 1e-9):,.0f} rows/s)"
    )
    return 0


def cmd_import(args: argparse.Namespace, store: GraphStore) -> int:
    from mapping.io.importer import ImportFailed, import_file, stderr_progress, write_rejects

    path = Path(args.path)
    if not path.exists():
        raise UserError(f"PATH: {path} does not exist")
    try:
        result = import_file(
            store,
            path,
            actor=_actor(args),
            fmt=args.format,
            skip_invalid=args.skip_invalid is not None,
            progress=stderr_progress(),
        )
    except ImportFailed as failed:
        for item in failed.rejected:
            print(item.describe(), file=sys.stderr)
        audit.record(
            store,
            actor=_actor(args),
            action="import",
            outcome="rejected",
            detail=f"{path.name}: {len(failed.rejected)} invalid",
        )
        raise UserError(
            f"{len(failed.rejected)} invalid record(s) in {path}; nothing was imported"
        ) from None
    except (FileNotFoundError, ValueError) as exc:
        raise UserError(str(exc)) from None
    if args.skip_invalid is not None:
        write_rejects(result.rejected, Path(args.skip_invalid))
    w = result.written
    audit.record(
        store,
        actor=_actor(args),
        action="import",
        detail=f"{path.name}: {w.nodes.created + w.nodes.updated} nodes, "
        f"{w.links.created + w.links.updated} links written",
    )
    print(
        f"nodes: {w.nodes.created} created, {w.nodes.updated} updated, {w.nodes.unchanged} unchanged; "
        f"links: {w.links.created} created, {w.links.updated} updated, {w.links.unchanged} unchanged"
        + (f"; {len(result.rejected)} rejected → {args.skip_invalid}" if args.skip_invalid else "")
    )
    return 0


def cmd_export(args: argparse.Namespace, store: GraphStore) -> int:
    from mapping.io.exporter import export_store

    key = None
    if args.pseudonymise:
        from mapping.settings import AppSettings

        key = AppSettings().pseudonym_key.encode()
    path = Path(args.path)
    try:
        result = export_store(store, path, fmt=args.format, pseudonym_key=key)
    except (OSError, ValueError) as exc:
        raise UserError(f"PATH: {exc}") from None
    audit.record(
        store,
        actor=_actor(args),
        action="export",
        purpose=args.purpose,
        detail=f"{args.format}{' pseudonymised' if key else ''}: "
        f"{result.nodes} nodes, {result.links} links",
    )
    print(f"exported {result.nodes:,} nodes and {result.links:,} links to {path}")
    return 0


def cmd_analyse(args: argparse.Namespace, store: GraphStore) -> int:
    from mapping.analytics.report import analyse, summary_text

    try:
        report = analyse(
            store,
            since=args.since,
            until=args.until,
            top=args.top,
            window_days=args.window_days,
            facts_only=args.facts_only,
            min_grading=args.min_grading,
        )
    except ValueError as exc:
        raise UserError(str(exc)) from None
    audit.record(
        store,
        actor=_actor(args),
        action="analyse",
        detail=f"since {args.since} until {args.until} top {args.top}",
    )
    if args.json:
        print(json.dumps(report.model_dump(mode="json"), ensure_ascii=False, sort_keys=False))
    else:
        print(summary_text(report), end="")
    return 0


def cmd_audit(args: argparse.Namespace, store: GraphStore) -> int:
    entries = store.audit_entries(since=args.since)
    for entry in entries:
        if args.json:
            print(json.dumps(entry.model_dump(mode="json"), ensure_ascii=False))
        else:
            ids = ",".join(entry.entity_ids) or "-"
            print(
                f"{entry.at}  {entry.actor:<16} {entry.role or '-':<12} {entry.action:<24} "
                f"{entry.outcome:<8} {ids}  {entry.purpose or ''}".rstrip()
            )
    audit.record(store, actor=_actor(args), action="view_audit", detail=f"since {args.since}")
    return 0


def _quarter(value: str) -> str:
    from mapping.meetings.quarterly import parse_quarter

    try:
        return parse_quarter(value).label
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected YYYYQn such as 2026Q3, got {value!r}") from None


def cmd_report(args: argparse.Namespace, store: GraphStore) -> int:
    from mapping.meetings.governance import write_report
    from mapping.services.access import User
    from schemas.enums import Role

    # Shell access to the store already means full access; the CLI acts as an administrator.
    user = User(username=_actor(args), role=Role.ADMIN)
    try:
        path = write_report(store, user, args.quarter, args.out)
    except (OSError, ValueError) as exc:
        raise UserError(str(exc)) from None
    print(f"wrote the {args.quarter} governance report to {path}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    app = Path(__file__).resolve().parents[1] / "app.py"
    if not app.exists():
        raise UserError(f"serve: {app} not found (run from a ContextMap checkout)")
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(app),
        "--server.port",
        str(args.port),
        "--server.address",
        args.address,
    ]
    print(f"ContextMap on http://localhost:{args.port}", flush=True)
    os.execv(sys.executable, command)
    return 0  # pragma: no cover


def cmd_bench(args: argparse.Namespace) -> int:
    root = str(Path(__file__).resolve().parents[1])
    if root not in sys.path:  # bench/ sits beside mapping/ in a checkout, outside the package
        sys.path.insert(0, root)
    from bench.run import run_cli

    return int(run_cli(args.scale, args.repeat, args.only))


def _roles() -> list[Any]:
    from schemas.enums import Role

    return list(Role)


def cmd_user(args: argparse.Namespace, store: GraphStore) -> int:
    from mapping.cli_accounts import run_user

    return run_user(args, store, actor=_actor(args))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="contextmap", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--as",
        dest="as_user",
        metavar="USERNAME",
        help="audit this command as USERNAME instead of the OS user",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("init", help="create the store's schema, constraints and indexes")
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("demo", help="load the seeded synthetic demo data")
    p.add_argument("--scale", choices=["small", "borough", "county"], default="small")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--if-empty", action="store_true", help="load only into an empty store")
    p.set_defaults(handler=cmd_demo)

    p = sub.add_parser("import", help="import JSON Lines or a CSV folder (all or nothing)")
    p.add_argument("path", metavar="PATH")
    p.add_argument("--format", choices=["jsonl", "csv"])
    p.add_argument(
        "--skip-invalid",
        metavar="REJECTS_PATH",
        help="import the valid records and write the rejects with reasons here",
    )
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("export", help="export the store")
    p.add_argument("path", metavar="PATH")
    p.add_argument("--format", choices=["jsonl", "graphml", "csv"], default="jsonl")
    p.add_argument(
        "--pseudonymise",
        action="store_true",
        help="replace names, dates of birth and addresses with stable pseudonyms",
    )
    p.add_argument("--purpose", default="data transfer", help="recorded in the audit trail")
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("analyse", help="run the analytics (CONTRACTS §5)")
    p.add_argument("--json", action="store_true", help="print exactly one JSON object")
    p.add_argument("--since", type=_iso_date)
    p.add_argument("--until", type=_iso_date)
    p.add_argument("--top", type=int, default=20)
    p.add_argument(
        "--window-days", type=int, default=7, help="co-location window in days (default 7)"
    )
    p.add_argument("--facts-only", action="store_true", help="leave out opinion links")
    p.add_argument(
        "--min-grading", metavar="S-I-H", help="leave out links graded below this, e.g. 2-B-P"
    )
    p.set_defaults(handler=cmd_analyse)

    p = sub.add_parser("audit", help="print the audit trail, oldest first")
    p.add_argument("--since", type=_iso_date)
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.set_defaults(handler=cmd_audit)

    p = sub.add_parser("user", help="manage accounts")
    users = p.add_subparsers(dest="user_command", required=True, metavar="ACTION")
    q = users.add_parser(
        "add", help="add an account (password from CONTEXTMAP_PASSWORD or a prompt)"
    )
    q.add_argument("username", metavar="USERNAME")
    q.add_argument("--role", required=True, choices=[r.value for r in _roles()])
    q.add_argument("--agency", default="Other")
    users.add_parser("list", help="list accounts")
    users.add_parser("demo", help="create one demo account per role and print the passwords")
    p.set_defaults(handler=cmd_user)

    p = sub.add_parser("report", help="write the quarterly governance report (DOCX)")
    p.add_argument("--quarter", required=True, type=_quarter, metavar="YYYYQn")
    p.add_argument("--out", required=True, metavar="PATH", help="a .docx file")
    p.set_defaults(handler=cmd_report)

    p = sub.add_parser("serve", help="start the Streamlit app")
    p.add_argument("--port", type=int, default=8501)
    p.add_argument("--address", default="127.0.0.1")
    p.set_defaults(run=cmd_serve)

    p = sub.add_parser("bench", help="run the benchmarks and print the table (docs/PERFORMANCE.md)")
    p.add_argument("--scale", choices=["small", "borough", "county"], default="borough")
    p.add_argument(
        "--repeat", type=int, default=3, metavar="N", help="runs of each measure (default 3)"
    )
    p.add_argument(
        "--only",
        metavar="NAMES",
        help="comma-separated: neo4j-ingest, embedded-ingest, analyse, ego, pages, maps, "
        "betweenness-exact (opt-in: county, tens of minutes)",
    )
    p.set_defaults(run=cmd_bench)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    storeless: Callable[[argparse.Namespace], int] | None = getattr(args, "run", None)
    if storeless is not None:  # serve and bench open their own stores
        try:
            return storeless(args)
        except UserError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
    handler: Handler = args.handler
    store: GraphStore | None = None
    try:
        store = open_store()
        store.init()
        return handler(args, store)
    except (UserError, AccountCommandError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        if store is not None:
            store.close()


if __name__ == "__main__":
    sys.exit(main())
