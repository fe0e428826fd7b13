"""The JSON Schemas of the profile and of a YAML notes file, made to agree with the program.

They come from the pydantic models (`generator/models.py`), then three things are added that
pydantic cannot know:
- a description on every block and key, in the default language and in English
  (`blocks:` and `fields:` in each messages.yaml), for editors that show them while you type;
- the other languages' words for the options of an enumeration (`kantine` for `canteen`), so an
  editor accepts what prep-pack accepts;
- text may also be a number or true/false: prep-pack reads every value as text, so
  `phone: 0612345678` keeps its zero, while an editor reading YAML sees a number there.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from generator.fieldtypes import ALIAS_KINDS
from generator.language import DEFAULT_LANGUAGE, aliases
from generator.messages import FALLBACK, lookup
from generator.models import Notes, Profile

BASE_ID = "https://prep-pack.invalid/"
SCHEMA_FILES = {"profile": "prep-pack.schema.json", "notes": "prep-pack.notes.schema.json"}
_TEXT_TYPES = ["string", "number", "boolean"]
_MODELS: dict[str, type[BaseModel]] = {"profile": Profile, "notes": Notes}


def bilingual(key: str) -> str | None:
    """'Dutch text. — English text.' from the catalogue (only one part when the languages are the same)."""
    parts: list[str] = []
    for code in dict.fromkeys((DEFAULT_LANGUAGE, FALLBACK)):
        try:
            parts.append(str(lookup(key, code)))
        except KeyError:
            return None
    return " — ".join(dict.fromkeys(parts))


def _describe(block: dict[str, Any], name: str) -> None:
    """Descriptions for one block (a model) and each of its keys."""
    description = bilingual(f"blocks.{name}")
    if description:
        block["description"] = description
    for key, prop in block.get("properties", {}).items():
        text = bilingual(f"fields.{name}.{key}")
        if text:
            prop["description"] = text


def _with_aliases(node: dict[str, Any]) -> None:
    """An enumeration that has words in other languages accepts them too, listed apart from the options."""
    kind = ALIAS_KINDS.get(tuple(node.get("enum", ())))
    if kind is None:
        return
    options = node.pop("enum")
    node.pop("type", None)
    words = sorted(word for word in aliases(kind) if word not in options)
    node["anyOf"] = [{"type": "string", "enum": options},
                     {"type": "string", "enum": words, "description": bilingual("schema.aliases")}]


def _loosen_text(node: dict[str, Any]) -> None:
    """Free text (no options, form or pattern) may be written so that YAML reads a number or a switch."""
    if node.get("type") == "string" and not {"enum", "pattern", "format", "const"} & set(node):
        node["type"] = list(_TEXT_TYPES)


def _walk(node: Any) -> None:
    """Adjust every sub-schema, the inner ones first (so the branches added here are not visited)."""
    if isinstance(node, dict):
        for value in list(node.values()):
            _walk(value)
        _with_aliases(node)
        _loosen_text(node)
    elif isinstance(node, list):
        for value in node:
            _walk(value)


def schema(kind: str = "profile") -> dict[str, Any]:
    """The JSON Schema (Draft 2020-12) of a profile or of a YAML notes file."""
    model = _MODELS[kind]
    body = model.model_json_schema()
    for name, block in body.get("$defs", {}).items():
        _describe(block, name)
    _describe(body, model.__name__)
    _walk(body)
    body["title"] = f"prep-pack {kind}"
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": BASE_ID + SCHEMA_FILES[kind], **body}


def json_schema(kind: str = "profile") -> str:
    """The schema as the text `prep-pack schema` prints and `prep-pack init` writes."""
    return json.dumps(schema(kind), indent=2, ensure_ascii=False)
