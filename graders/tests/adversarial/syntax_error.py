# Does not compile: the whole module replaces the solution.
# expect: SyntaxError
# replace
def run_in_threads(funcs:
    return [f() for f in funcs]
