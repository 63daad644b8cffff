"""`NamedTuple` for the records and reports, without importing `typing` when ilrs runs.

`typing` costs a start of ilrs about a tenth of an answer: the module itself, and a ForwardRef
it compiles for each field of each NamedTuple class. Type checkers see `typing.NamedTuple`
itself. At run time a class that names this `NamedTuple` as its base is built as typing builds
it: a `collections.namedtuple` whose fields are the annotated names in order, whose defaults
are their values, with the rest of the class body (docstring, methods, properties, constants)
set on it. The annotations are kept as written: every module of ilrs has
`from __future__ import annotations`, so they are strings.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple
else:
    import collections

    # What typing refuses to let a class body set, and what namedtuple sets itself.
    _RESERVED = frozenset(
        {"__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults",
         "_make", "_replace", "_asdict", "_source"}
    )  # fmt: skip
    _OWN = frozenset({"__module__", "__annotations__"})

    class _NamedTupleBuilder(type):
        def __new__(mcs, name, bases, namespace):
            if bases != (NamedTuple,):
                raise TypeError(f"{name}: a NamedTuple class has NamedTuple as its only base")
            annotations = namespace.get("__annotations__", {})
            defaults = []
            for field in annotations:
                if field in namespace:
                    defaults.append(namespace[field])
                elif defaults:
                    raise TypeError(
                        f"{name}: field {field} without a default follows a field with one"
                    )
            built = collections.namedtuple(
                name, list(annotations), defaults=defaults, module=namespace["__module__"]
            )
            built.__annotations__ = dict(annotations)
            for key, value in namespace.items():
                if key in _RESERVED:
                    raise AttributeError(f"{name}: cannot overwrite NamedTuple attribute {key}")
                if key not in _OWN and key not in annotations:
                    setattr(built, key, value)
            return built

    NamedTuple = type.__new__(_NamedTupleBuilder, "NamedTuple", (), {})
