import unittest

from signup.validate import is_valid, validate_signup

OK = {"username": "bob_smith", "email": "bob@mail.example.org", "password": "hunter22hunter"}


class HeldOutValidateTest(unittest.TestCase):
    def test_many_calls_stay_independent(self):
        for i in range(5):
            bad = {"username": "b" * (i % 3), "email": f"bad{i}", "password": "p"}
            self.assertTrue(validate_signup(bad))
            self.assertEqual(validate_signup(OK), [])

    def test_single_error_is_not_doubled(self):
        form = dict(OK, password="1234567")
        self.assertEqual(validate_signup(form), ["password must be at least 8 characters"])
        self.assertEqual(validate_signup(form), ["password must be at least 8 characters"])

    def test_caller_list_untouched_by_later_calls(self):
        rows = []
        validate_signup(dict(OK, username="x"), errors=rows)
        validate_signup(dict(OK, email="nope"))
        self.assertEqual(rows, ["username must be at least 3 characters"])

    def test_is_valid_alternating(self):
        for _ in range(3):
            self.assertFalse(is_valid(dict(OK, email="")))
            self.assertTrue(is_valid(OK))


if __name__ == "__main__":
    unittest.main()
