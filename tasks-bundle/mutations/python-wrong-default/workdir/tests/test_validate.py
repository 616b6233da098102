import unittest

from signup.validate import is_valid, validate_signup

GOOD = {"username": "alice", "email": "alice@example.com", "password": "correct horse"}
BAD = {"username": "al", "email": "nope", "password": "x"}


class ValidateSignupTest(unittest.TestCase):
    def test_valid_form(self):
        self.assertEqual(validate_signup(GOOD), [])

    def test_invalid_form(self):
        self.assertEqual(
            validate_signup(BAD),
            [
                "username must be at least 3 characters",
                "email is not valid",
                "password must be at least 8 characters",
            ],
        )

    def test_missing_username(self):
        self.assertEqual(validate_signup(dict(GOOD, username="")), ["username is required"])

    def test_valid_form_after_invalid_one(self):
        validate_signup(BAD)
        self.assertEqual(validate_signup(GOOD), [])

    def test_errors_do_not_accumulate(self):
        validate_signup(BAD)
        self.assertEqual(validate_signup(dict(GOOD, email="x@y")), ["email is not valid"])

    def test_each_call_gets_a_fresh_list(self):
        first = validate_signup(BAD)
        second = validate_signup(BAD)
        self.assertIsNot(first, second)
        self.assertEqual(len(first), 3)

    def test_caller_list_is_extended_and_returned(self):
        collected = ["row 1: duplicate"]
        result = validate_signup(dict(GOOD, password="short"), errors=collected)
        self.assertIs(result, collected)
        self.assertEqual(collected, ["row 1: duplicate", "password must be at least 8 characters"])

    def test_is_valid_after_invalid_submission(self):
        self.assertFalse(is_valid(BAD))
        self.assertTrue(is_valid(GOOD))


if __name__ == "__main__":
    unittest.main()
