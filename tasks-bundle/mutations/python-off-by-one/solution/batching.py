"""Batching for the uploader."""


def chunks(items, size):
    """Split items into lists of at most `size`, in order, none empty."""
    if size < 1:
        raise ValueError("size must be at least 1")
    return [items[i:i + size] for i in range(0, len(items), size)]


def page(items, number, size):
    """Page `number` (1-based) of `items`; [] past the end."""
    all_pages = chunks(items, size)
    return all_pages[number - 1] if 1 <= number <= len(all_pages) else []
