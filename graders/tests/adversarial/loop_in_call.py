# An endless loop inside every call.
# expect: did not finish


def describe_current():  # noqa: F811
    while True:
        pass


def run_in_threads(funcs):  # noqa: F811
    while True:
        pass
