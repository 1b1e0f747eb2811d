"""Free text to a case: read an owner's English description of the twitching into the
case contract, with the words behind every filled item. See docs/understand.md."""

from .reader import understand
from .text import MAX_CHARS

__all__ = ["MAX_CHARS", "understand"]
