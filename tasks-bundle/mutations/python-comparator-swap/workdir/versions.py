"""Version ordering for the release tool."""

from functools import cmp_to_key


def _parts(version):
    return [int(p) for p in version.split(".")]


def compare_versions(a, b):
    """-1 when a < b, 0 when equal, 1 when a > b (numeric, part by part)."""
    pa, pb = _parts(a), _parts(b)
    width = max(len(pa), len(pb))
    pa += [0] * (width - len(pa))
    pb += [0] * (width - len(pb))
    for x, y in zip(pa, pb):
        if x != y:
            return -1 if x > y else 1
    return 0


def sort_versions(versions):
    """Oldest first."""
    return sorted(versions, key=cmp_to_key(compare_versions))


def latest(versions):
    return sort_versions(versions)[-1]
