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
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from generator.brand import Brand
from generator.language import DEFAULT_LANGUAGE, fill, load_language
from generator.localize import long_date

ATTACHED = {".pdf": ("application", "pdf"), ".ics": ("text", "calendar")}


def draft(overview: dict[str, object], files: dict[str, bytes], brand: Brand | None,
          today: dt.date) -> EmailMessage | None:
    """The draft for one candidate, with the pack's PDF and calendar from `files` (name -> bytes)
    attached; None when the profile has no e-mail address."""
    language = str(overview.get("language") or DEFAULT_LANGUAGE)
    email = str(overview.get("email") or "")
    if not email or "@" not in email:
        return None
    texts = load_language(language).texts
    name = str(overview.get("candidate") or "")
    interview = dt.date.fromisoformat(str(overview["date"])) if overview.get("date") else None
    values = {"first_name": name.split()[0] if name else "", "company": str(overview.get("company") or ""),
              "role": str(overview.get("role") or ""),
              "date": long_date(interview, load_language(language).locale) if interview else "",
              "consultant": brand.email_consultant if brand and brand.email_consultant else ""}
    subject = brand.email_subject if brand and brand.email_subject else texts("labels.email.subject")
    body = brand.email_body if brand and brand.email_body else texts("labels.email.body")
    message = EmailMessage()
    user, _, domain = email.partition("@")
    message["To"] = Address(display_name=name, username=user, domain=domain)
    message["Subject"] = " ".join(fill(subject, **values).split())
    message["Date"] = format_datetime(dt.datetime.combine(today, dt.time(9, 0), tzinfo=dt.UTC))
    message["X-Unsent"] = "1"  # Outlook and others open it as a draft to send, not as a received mail
    message.set_content(fill(body, **values), cte="quoted-printable")  # 7-bit safe, accents and all
    for name, data in sorted(files.items()):
        kind = ATTACHED.get(Path(name).suffix)
        if kind:
            message.add_attachment(data, maintype=kind[0], subtype=kind[1], filename=name)
    return message
