"""Shared field types and the base model every ContextMap schema extends."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

GRADING_PATTERN = re.compile(r"^[1-3]-[A-E]-[PC]$")


def _check_grading(value: str) -> str:
    if not GRADING_PATTERN.match(value):
        raise ValueError(
            "must be S-I-H from the 3x5x2 scale, e.g. 2-B-P "
            "(source 1-3, intelligence A-E, handling P or C)"
        )
    return value


def _check_text(value: str) -> str:
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    return value


Grading = Annotated[str, AfterValidator(_check_grading)]
Name = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_check_text)]
Text = Annotated[str, Field(max_length=20_000), AfterValidator(_check_text)]
ShortText = Annotated[str, Field(max_length=500), AfterValidator(_check_text)]
Identifier = Annotated[
    str, Field(min_length=1, max_length=120, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:\-]*$")
]


def field_errors(exc: ValidationError) -> dict[str, str]:
    """Field name → reason, for showing each error beside its field.

    Model-level errors written as "field: reason" are filed under that field.
    """
    found: dict[str, str] = {}
    for err in exc.errors():
        loc = ".".join(str(p) for p in err["loc"])
        message = err["msg"].removeprefix("Value error, ")
        if not loc and ": " in message:
            loc, message = message.split(": ", 1)
        found.setdefault(loc or "form", message)
    return found


class Model(BaseModel):
    """Strict base: unknown fields are errors, values are validated on assignment."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, str_strip_whitespace=True)


__all__ = ["Model", "Grading", "Name", "Text", "ShortText", "Identifier", "date", "datetime"]
