# An endless loop while the module is imported.
# expect: did not finish
while True:
    pass
