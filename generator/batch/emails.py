"""Delivery drafts for a batch (`--emails`): one `.eml` beside each pack, never sent.

Each draft is an RFC 5322 message built with the standard library's `email` package (names and
subjects with accents encoded as the standard says), addressed to the candidate, with the PDF
(and the calendar file, when made) attached. Subject and body come from the brand file's
`email:` block, or from the language's own words; `{first_name}`, `{date}`, `{company}`,
`{role}` and `{consultant}` are filled in by plain replacement (never run as a template). The
consultant opens the draft in a mail client, reads it and sends it.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from generator.brand import Brand
from generator.fieldtypes import EMAIL_PATTERN
from generator.language import DEFAULT_LANGUAGE, fill, load_language
from generator.localize import long_date

ATTACHED = {".pdf": ("application", "pdf"), ".ics": ("text", "calendar")}
SAFE_ADDRESS = re.compile(EMAIL_PATTERN)


def _one_line(text: object) -> str:
    """Text for a header: control characters and line breaks become spaces, so a name can never
    start a header of its own (`Bcc:`)."""
    return " ".join("".join(" " if unicodedata.category(c).startswith("C") else c for c in str(text)).split())


def _attachments_text(texts: Callable[[str], str], suffixes: set[str]) -> str:
    """The body's sentence about what is attached, true to what really is."""
    if {".pdf", ".ics"} <= suffixes:
        return texts("labels.email.attached.pdf_calendar")
    if ".pdf" in suffixes:
        return texts("labels.email.attached.pdf")
    if ".ics" in suffixes:
        return texts("labels.email.attached.calendar")
    return texts("labels.email.attached.none")


def draft(overview: dict[str, object], files: dict[str, bytes], brand: Brand | None,
          today: dt.date, templates: Path | None = None) -> EmailMessage | None:
    """The draft for one candidate, with the pack's PDF and calendar from `files` (name -> bytes)
    attached; None when the profile has no usable e-mail address (one plain address, nothing else)."""
    email = str(overview.get("email") or "").strip()
    if not SAFE_ADDRESS.fullmatch(email):
        return None
    language = load_language(str(overview.get("language") or DEFAULT_LANGUAGE), templates)
    texts = language.texts
    name = _one_line(overview.get("candidate") or "")
    attached = {file: ATTACHED[Path(file).suffix] for file in sorted(files) if Path(file).suffix in ATTACHED}
    interview = dt.date.fromisoformat(str(overview["date"])) if overview.get("date") else None
    values = {"first_name": name.split()[0] if name else "", "company": _one_line(overview.get("company") or ""),
              "role": _one_line(overview.get("role") or ""),
              "date": long_date(interview, language.locale) if interview else "",
              "consultant": brand.email_consultant if brand and brand.email_consultant else "",
              "attachments": _attachments_text(texts, {Path(file).suffix for file in attached})}
    subject = brand.email_subject if brand and brand.email_subject else texts("labels.email.subject")
    body = brand.email_body if brand and brand.email_body else texts("labels.email.body")
    message = EmailMessage()
    message["To"] = Address(display_name=name, addr_spec=email)
    message["Subject"] = _one_line(fill(subject, **values))
    message["Date"] = format_datetime(dt.datetime.combine(today, dt.time(9, 0), tzinfo=dt.UTC))
    message["X-Unsent"] = "1"  # Outlook and others open it as a draft to send, not as a received mail
    message.set_content(fill(body, **values), cte="quoted-printable")  # 7-bit safe, accents and all
    for file, (maintype, subtype) in attached.items():
        message.add_attachment(files[file], maintype=maintype, subtype=subtype, filename=file)
    return message
