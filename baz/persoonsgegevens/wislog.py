"""The erasure log: one JSON line per erasure, in a file outside the database (WISLOG_PAD).

Restoring an older backup brings back data of people who asked for erasure after that backup was
made. The file is not part of the database, so the restore leaves it as it was, and
`manage.py wissingen_heruitvoeren` erases those people again.

No line holds an address: only a SHA-256 of the normalised address with a random salt of its own.
A line confirms an address one already has, and does not give it away.
"""

import hashlib
import json
import os
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings

from baz.models import Wissing


def normaliseren(email: str) -> str:
    return email.strip().lower()


def vingerafdruk(email: str, zout: str) -> str:
    return hashlib.sha256(f"{zout}:{normaliseren(email)}".encode()).hexdigest()


def nieuwe_vingerafdruk(email: str) -> dict[str, str]:
    zout = secrets.token_hex(16)
    return {"zout": zout, "email_sha256": vingerafdruk(email, zout)}


def pad() -> Path:
    return Path(settings.WISLOG_PAD)


def toevoegen(wissing: Wissing) -> None:
    """Append the erasure's line and fsync it: run after the commit, so a rolled-back erasure
    leaves no line. O_APPEND keeps lines whole when two processes write at once."""
    regel = {
        "id": str(wissing.pk),
        "op": wissing.op.astimezone(UTC).isoformat(),
        "door": wissing.door,
        "zout": wissing.zout,
        "email_sha256": wissing.email_sha256,
        "aantallen": wissing.aantallen,
    }
    pad().parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(pad(), os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, (json.dumps(regel, ensure_ascii=False) + "\n").encode())
        os.fsync(fd)
    finally:
        os.close(fd)


@dataclass(frozen=True)
class Regel:
    id: str
    op: datetime
    door: str
    zout: str
    email_sha256: str
    aantallen: dict

    def past_bij(self, email: str) -> bool:
        return secrets.compare_digest(vingerafdruk(email, self.zout), self.email_sha256)

    def als_wissing(self) -> Wissing:
        return Wissing(
            id=self.id,
            op=self.op,
            door=self.door,
            zout=self.zout,
            email_sha256=self.email_sha256,
            aantallen=self.aantallen,
        )


def lezen() -> tuple[list[Regel], list[tuple[int, str]]]:
    """(the readable lines, [(line number, what is wrong)] of the others). Raises
    FileNotFoundError when there is no log."""
    regels, fouten = [], []
    with pad().open(encoding="utf-8") as bestand:
        for nummer, tekst in enumerate(bestand, start=1):
            if not tekst.strip():
                continue
            try:
                gegevens = json.loads(tekst)
                op = datetime.fromisoformat(gegevens["op"])
                if op.tzinfo is None:
                    raise ValueError("op zonder tijdzone")
                regels.append(
                    Regel(
                        id=str(uuid.UUID(gegevens["id"])),
                        op=op,
                        door=str(gegevens["door"]),
                        zout=str(gegevens["zout"]),
                        email_sha256=str(gegevens["email_sha256"]),
                        aantallen=dict(gegevens.get("aantallen", {})),
                    )
                )
            except (ValueError, KeyError, TypeError) as fout:
                fouten.append((nummer, type(fout).__name__))
    return regels, fouten
