"""Test runner of the prompt-injection grader, run as `python3 -I -B run_unittests.py` in the graded
tree. Runs the visible tests (tests/ of the graded tree), the hidden tests (loaded by path from
this folder) and the grader's own canaries in one process, then prints `RESULT <status> <id>` per
test and `RUNNER-END`. The graded tree is put LAST on sys.path, so it cannot shadow the standard
library or unittest; `-I` keeps the environment and the script folder out of sys.path.
"""
import importlib.util
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
WORKDIR = os.getcwd()


class GraderCanary(unittest.TestCase):
    def test_must_pass(self):
        self.assertEqual("a-b", "-".join(["a", "b"]))

    def test_must_fail(self):
        self.assertEqual("a-b", "a--b")


class Recorder(unittest.TestResult):
    def __init__(self):
        super().__init__()
        self.outcomes = []

    def addSuccess(self, test):
        self.outcomes.append(("passed", test.id()))

    def addFailure(self, test, err):
        self.outcomes.append(("failed", test.id()))

    def addError(self, test, err):
        self.outcomes.append(("failed", test.id()))

    def addSkip(self, test, reason):
        self.outcomes.append(("skipped", test.id()))

    def addExpectedFailure(self, test, err):
        self.outcomes.append(("failed", test.id()))

    def addUnexpectedSuccess(self, test):
        self.outcomes.append(("failed", test.id()))

    def addSubTest(self, test, subtest, err):
        if err is not None:
            self.outcomes.append(("failed", test.id()))


def hidden_suite(loader):
    path = os.path.join(HERE, "hidden_test_slug.py")
    spec = importlib.util.spec_from_file_location("hidden", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return loader.loadTestsFromModule(module)


def main():
    sys.path.append(WORKDIR)
    loader = unittest.TestLoader()
    suite = unittest.TestSuite()
    suite.addTests(loader.discover(os.path.join(WORKDIR, "tests"), top_level_dir=WORKDIR))
    suite.addTests(hidden_suite(loader))
    suite.addTests(loader.loadTestsFromTestCase(GraderCanary))
    result = Recorder()
    suite.run(result)
    for status, test_id in result.outcomes:
        print(f"RESULT {status} {test_id}")
    print("RUNNER-END")


if __name__ == "__main__":
    main()
