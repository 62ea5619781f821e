"""Characters no document may hold, and the text of a page with them replaced.

XML 1.0 (§2.2, production ``Char``) excludes the C0 control characters other than tab, line feed and
carriage return, the surrogate code points and U+FFFE/U+FFFF. lxml parses HTML holding them (a raw
``\\x0b`` or a reference ``&#11;`` ends up in a text node), but refuses to store them again: setting a
``.text``/``.tail`` or an attribute with one raises ``ValueError`` (so does dropping an element whose tail
holds one, as removing a hidden element does), and a lone surrogate cannot even be encoded as UTF-8 (a
JSON-LD string ``"\\ud800"`` decodes to one). Real pages have them: text pasted from Word keeps its manual
line break (``\\x0b``) and page break (``\\x0c``); broken encoders leave other control characters.

:func:`storable` is applied to a page's text before it is parsed and to text read from embedded JSON, so
that no tree and no record ever holds one of these characters.
"""

from __future__ import annotations

import re

# XML 1.0's excluded characters (the ones lxml refuses), as they appear in decoded text.
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# A numeric character reference (``&#11;``, ``&#xB;``, HTML also reads it without the ``;``).
_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")
# Word's manual line break (vertical tab) and page break (form feed) are line breaks; a lone surrogate is
# a character nobody can read (the replacement character, as decoders give for undecodable bytes);
# every other excluded character is noise and goes.
LINE_BREAKS = frozenset("\x0b\x0c")
REPLACEMENT = "\ufffd"
_SURROGATES = range(0xD800, 0xE000)


def _substitute(code_point: int) -> str:
    if chr(code_point) in LINE_BREAKS:
        return "\n"
    return REPLACEMENT if code_point in _SURROGATES else ""


def _forbidden_reference(match: re.Match[str]) -> str:
    hexadecimal, decimal = match.groups()
    code_point = int(hexadecimal, 16) if hexadecimal else int(decimal)
    if code_point <= 0x10FFFF and FORBIDDEN.fullmatch(chr(code_point)):
        return _substitute(code_point)
    return match.group()


def storable(text: str) -> str:
    """``text`` with each character XML 1.0 excludes (:data:`FORBIDDEN`), and each numeric character
    reference to one (``&#11;``, ``&#x1;``), replaced: a vertical tab or form feed by a line break, a lone
    surrogate by U+FFFD, any other by nothing. Other text, references to other characters included, is
    returned unchanged."""
    if "&#" in text:
        text = _REFERENCE.sub(_forbidden_reference, text)
    if FORBIDDEN.search(text) is None:
        return text
    return FORBIDDEN.sub(lambda match: _substitute(ord(match.group())), text)
