"""Text from outside (a link's names and values, a file's name or content) as it
may appear inside the app's own messages: as that text, never as markup.

Streamlit renders a message's body as Markdown: CommonMark with GitHub's
extensions, LaTeX between dollars, colour directives, emoji and icon shortcodes.
Two things keep an outside text a text there:

- every ASCII punctuation character is backslash-escaped, which CommonMark defines
  to show the character itself, so that no link, image, HTML tag, directive or
  formula can begin;
- Streamlit's renderer then searches the plain text, its escapes read, for web
  and e-mail addresses (``www.``, ``http://``, ``a@b.c``), for ``:shortcodes:``
  (emoji, icons, ``:streamlit:``'s logo, an image) and for arrows (`` -> `` becomes
  →); an invisible word joiner (U+2060) breaks each of those patterns where one
  could begin, and shows nothing: after a ``:`` that a word follows (``http:``,
  ``:smile:``), after each ``@``, before the ``.`` of ``www.``, and between two
  arrow characters (``-> <- => ~>``). Elsewhere the text is left as it reads, so
  that it can be found and copied as it is ("line 3: x1", "n1 = -5").

Control characters, line breaks and bidirectional overrides become spaces, lone
surrogates (which Streamlit cannot send) become U+FFFD, the ends are trimmed, and
a long text is cut with an ellipsis so that it cannot push the page off the screen.
"""

from __future__ import annotations

import re

LIMIT = 60  # characters of an untrusted text shown, before the ellipsis
JOINER = "\u2060"  # WORD JOINER: no width, no glyph, no line break

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]+")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# on the escaped text: a colon before a word, an at sign, an arrow's first character
_JOIN_AFTER = re.compile(r"(\\:(?=[^\s])|\\@|\\[-<>=~](?=\\[-<>=~]))")
_JOIN_BEFORE = re.compile(r"(?i)(?<=www)(\\\.)")


def shown(text: object, limit: int = LIMIT) -> str:
    """``text`` as Markdown that renders as exactly that text, cut to ``limit``
    characters (then an ellipsis)."""
    text = _CONTROL.sub(" ", str(text)).replace(JOINER, "")
    text = _SURROGATE.sub("\ufffd", text).strip()
    if len(text) > limit:
        text = text[:limit].rstrip() + "…"
    text = _PUNCTUATION.sub(r"\\\1", text)
    text = _JOIN_AFTER.sub(r"\1" + JOINER, text)
    return _JOIN_BEFORE.sub(JOINER + r"\1", text)


def plain(markdown: str) -> str:
    """What ``shown(...)`` reads as: its escapes and word joiners taken out (for tests
    and logs, which compare texts)."""
    return re.sub(r"\\(.)", r"\1", markdown.replace(JOINER, ""))
