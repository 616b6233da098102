def round_half(x):
    """Round to the nearest integer, halves to even (banker's rounding)."""
    return round(x)
