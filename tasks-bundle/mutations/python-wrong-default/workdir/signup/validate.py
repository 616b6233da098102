"""Validation of sign-up form submissions."""

import re

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def validate_signup(form, errors=[]):
    """Check a sign-up form and return the list of error messages.

    Messages are appended to ``errors`` when the caller passes its own list
    (the batch importer collects many rows in one list); without it, every
    call starts from an empty list.
    """
    username = form.get("username", "")
    if not username:
        errors.append("username is required")
    elif len(username) < 3:
        errors.append("username must be at least 3 characters")
    if not _EMAIL.match(form.get("email", "")):
        errors.append("email is not valid")
    if len(form.get("password", "")) < 8:
        errors.append("password must be at least 8 characters")
    return errors


def is_valid(form):
    """True when the form has no validation errors."""
    return not validate_signup(form)
