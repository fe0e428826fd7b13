"""Pack file names (README: output names): `<candidate>_<company>`, folded to safe ASCII."""

from __future__ import annotations

import re

import pytest

from generator.slug import pack_slug, slug_part

SAFE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*_[a-z0-9]+(?:-[a-z0-9]+)*$")


def test_spec_examples() -> None:
    assert pack_slug("Sanne de Vries", "Zorggroep Noord") == "sanne-de-vries_zorggroep-noord"
    assert pack_slug("Liam O'Connor", "Kestrel & Finch B.V.") == "liam-o-connor_kestrel-finch-b-v"


@pytest.mark.parametrize("text, expected", [
    ("Zoë Ångström", "zoe-angstrom"),
    ("Noël Müller-Lüdenscheidt", "noel-muller-ludenscheidt"),
    ("Ahmet Yılmaz", "ahmet-yilmaz"),
    ("Çağla Öztürk", "cagla-ozturk"),
    ("Straße", "strasse"),
    ("Søren Kierkegaard", "soren-kierkegaard"),
    ("Łódź Ærø Œuvre", "lodz-aero-oeuvre"),
    ("IJsselmeer Bĳl", "ijsselmeer-bijl"),
    ("Café  --  Crème!", "cafe-creme"),
    ("ﬁnance Ｇｒｏｕｐ", "finance-group"),  # ligature and full-width letters (NFKD)
    ("  -- leading and trailing --  ", "leading-and-trailing"),
])
def test_accents_fold_to_ascii(text: str, expected: str) -> None:
    assert slug_part(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "!!!", "---", "..", "/", "\x00"])
def test_a_part_that_folds_to_nothing_becomes_pack(text: str) -> None:
    assert slug_part(text) == "pack"


@pytest.mark.parametrize("text, expected", [("李小龍", "lixiaolong"), ("محمد", "mhmd"), ("Ελένη", "eleni"),
                                            ("Лев Толстой", "lev-tolstoy"), ("😀🎉", "grinning-tada")])
def test_every_script_is_transliterated(text: str, expected: str) -> None:
    """Names in Chinese, Arabic, Greek or Cyrillic letters get their own file names, not all 'pack'."""
    assert slug_part(text) == expected


def test_two_candidates_in_other_scripts_at_one_company_do_not_share_a_file() -> None:
    assert pack_slug("李小龍", "Acme") != pack_slug("王小明", "Acme")
    assert pack_slug("محمد علي", "Acme") != pack_slug("فاطمة", "Acme")
    assert pack_slug("Anna", "株式会社") == "anna_zhushihuishe"
    assert pack_slug("", "") == "pack_pack"


@pytest.mark.parametrize("candidate, company", [
    ("../../etc", "passwd"),
    ("..", ".."),
    ("/abs/path", "/etc/cron.d"),
    ("C:\\Windows\\System32", "D:\\evil"),
    ("CON", "NUL"),
    ("name\x00.pdf", "x/../../y"),
    ("~root", "$HOME"),
    (".hidden", "..."),
    ("a" * 500, "b/" * 500),
    ("\u2215fake-slash", "\u2024\u2024"),  # division slash and one-dot leader
])
def test_path_tricks_never_escape(candidate: str, company: str) -> None:
    slug = pack_slug(candidate, company)
    assert "/" not in slug and "\\" not in slug
    assert ".." not in slug
    assert SAFE.match(slug), slug
    assert len(slug) <= 2 * 60 + 1


def test_slug_is_stable() -> None:
    assert pack_slug("Sanne de Vries", "Zorggroep Noord") == pack_slug("SANNE  DE VRIES", "zorggroep-noord")
