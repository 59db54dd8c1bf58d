"""`contextmap user add|list|demo`: account management from the command line."""

from __future__ import annotations

import argparse
import getpass
import os
from pathlib import Path

from graphdb import GraphStore
from mapping import audit


class AccountCommandError(Exception):
    """A bad account request; the CLI prints it as one line and exits 1."""


def run_user(args: argparse.Namespace, store: GraphStore, *, actor: str) -> int:
    """`user add|list|demo`."""
    from mapping.services.accounts import (
        AccountError,
        add_account,
        ensure_demo_accounts,
        list_accounts,
    )
    from schemas.enums import Role

    if args.user_command == "list":
        audit.record(store, actor=actor, action="user_list")
        for account in list_accounts(store):
            print(f"{account.username}\t{account.role.value}\t{account.agency}")
        return 0
    if args.user_command == "demo":
        created = ensure_demo_accounts(store)
        notes = Path("data") / "demo-accounts.txt"
        notes.parent.mkdir(parents=True, exist_ok=True)
        known = (
            dict(line.split("\t", 1) for line in notes.read_text().splitlines() if "\t" in line)
            if notes.exists()
            else {}
        )
        known.update(created)
        notes.write_text("".join(f"{u}\t{p}\n" for u, p in sorted(known.items())))
        notes.chmod(0o600)
        print("Demo accounts (synthetic data only; passwords kept in data/demo-accounts.txt):")
        for username, password in sorted(known.items()):
            print(f"  {username:<20} {password}")
        return 0
    password = os.environ.get("CONTEXTMAP_PASSWORD") or getpass.getpass("Password: ")
    try:
        add_account(
            store, args.username, password, Role(args.role), agency=args.agency, actor=actor
        )
    except AccountError as exc:
        raise AccountCommandError(str(exc)) from None
    print(f"added {args.username} ({args.role})")
    return 0
