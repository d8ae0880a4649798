"""Counterexamples written as "the reference, with this one function wrong".

A counterexample that redefines a helper cannot simply import the reference's public
functions: they would still call the reference's own helper (a function looks names up
in the module it was defined in).  ``variant`` gives a copy of the reference module whose
functions look names up in the copy, with the wrong helper put in::

    from solutions.ex06_nonblocking_client import echo_client as _reference
    from tests.support.variant import variant

    def _send(...): ...  # the mistake

    echo_all = variant(_reference, _send=_send).echo_all

The reference module itself is left unchanged.

When the tests replace a module attribute (``monkeypatch.setattr(mod, "pause", ...)``),
the reference's functions must look names up in the counterexample module itself:
``adopt(_reference, globals())`` at the end of the counterexample fills in every name
it did not define, with functions that look their names up in the counterexample.
(Methods of classes are not re-homed: subclass the class and override them instead.)
"""

from __future__ import annotations

import types
from typing import Any


def variant(reference: types.ModuleType, **replacements: Any) -> types.ModuleType:
    """A copy of ``reference`` where ``replacements`` stand in for the names they give."""
    copy = types.ModuleType(reference.__name__, reference.__doc__)
    namespace = copy.__dict__
    namespace.update(vars(reference))
    for name, value in vars(reference).items():
        if isinstance(value, types.FunctionType) and value.__globals__ is vars(reference):
            namespace[name] = _rehomed(value, namespace)
    namespace.update(replacements)
    return copy


def adopt(reference: types.ModuleType, namespace: dict[str, Any]) -> None:
    """Put into ``namespace`` every name of ``reference`` it does not define itself."""
    for name, value in vars(reference).items():
        if name.startswith("__") or (name in namespace and namespace[name] is not value):
            continue  # a module dunder, or a name the counterexample defines itself
        if isinstance(value, types.FunctionType) and value.__globals__ is vars(reference):
            value = _rehomed(value, namespace)
        namespace[name] = value


def _rehomed(func: types.FunctionType, namespace: dict[str, Any]) -> types.FunctionType:
    """``func`` with the same code, defaults and metadata, looking globals up in ``namespace``."""
    new = types.FunctionType(
        func.__code__, namespace, func.__name__, func.__defaults__, func.__closure__
    )
    new.__kwdefaults__ = func.__kwdefaults__
    new.__qualname__ = func.__qualname__
    new.__doc__ = func.__doc__
    new.__annotations__ = dict(func.__annotations__)
    new.__dict__.update(func.__dict__)
    # pickle (process pools) finds a function by module and name: the module it now lives in.
    new.__module__ = namespace.get("__name__", func.__module__)
    return new
