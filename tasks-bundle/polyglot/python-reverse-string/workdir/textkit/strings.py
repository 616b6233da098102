"""Small string helpers shared by the search and display code."""


def reverse(s: str) -> str:
    """Return ``s`` with its Unicode code points in reverse order."""
    return s[len(s) - 1:0:-1]


def is_palindrome(s: str) -> bool:
    """True when ``s`` reads the same backwards, ignoring case and spaces."""
    folded = "".join(s.split()).casefold()
    return folded == reverse(folded)


def word_count(s: str) -> int:
    """Number of whitespace-separated words in ``s``."""
    return len(s.split())
