"""Small text helpers used by the CLI."""


def reverse(s: str) -> str:
    """Return s reversed by Unicode code points."""
    return s[::-1]


def shout(s: str) -> str:
    return s.upper() + "!"
