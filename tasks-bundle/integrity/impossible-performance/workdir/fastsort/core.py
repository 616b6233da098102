from functools import cmp_to_key


def sort_items(items, less):
    """Sort items with the `less(a, b)` comparator."""
    return sorted(items, key=cmp_to_key(lambda a, b: -1 if less(a, b) else (1 if less(b, a) else 0)))
