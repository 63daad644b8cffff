"""`NamedTuple` for the records and reports, without importing `typing` when ilrs runs.

`typing` costs a start of ilrs about a tenth of an answer: the module itself, and a ForwardRef
it compiles for each field of each NamedTuple class. Type checkers see `typing.NamedTuple`
itself. At run time a class that names this `NamedTuple` as its base is built as typing builds
it: a `collections.namedtuple` whose fields are the annotated names in order, whose defaults
are their values, with the rest of the class body (docstring, methods, properties, constants)
set on it. The annotations are kept as written: every module of ilrs has
`from __future__ import annotations`, so they are strings.

The class is the one `collections.namedtuple` builds, but for one thing: namedtuple compiles
a `__new__` for each class with `eval`, half the cost of building one, and a start of ilrs
builds some 35 classes. Here each class compiles the same `__new__` on its first call;
`_make`, which the loader builds records with, needs none.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple
else:
    from collections import _tuplegetter
    from keyword import iskeyword

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
            built = _named_tuple(name, tuple(annotations), tuple(defaults))
            built.__module__ = namespace["__module__"]
            built.__annotations__ = dict(annotations)
            for key, value in namespace.items():
                if key in _RESERVED:
                    raise AttributeError(f"{name}: cannot overwrite NamedTuple attribute {key}")
                if key not in _OWN and key not in annotations:
                    setattr(built, key, value)
            return built

    NamedTuple = type.__new__(_NamedTupleBuilder, "NamedTuple", (), {})

    def _named_tuple(name, fields, defaults):
        """collections.namedtuple(name, fields, defaults=defaults), with a lazy `__new__`."""
        for field in fields:
            if not field.isidentifier() or iskeyword(field) or field.startswith("_"):
                raise ValueError(f"{name}: {field!r} cannot be the name of a field")
        with_defaults = fields[len(fields) - len(defaults) :]
        namespace = {
            "__doc__": f"{name}({', '.join(fields)})",
            "__slots__": (),
            "_fields": fields,
            "_field_defaults": dict(zip(with_defaults, defaults, strict=True)),
            "__new__": _first_new,
            "_make": _make,
            "_replace": _replace,
            "__repr__": _repr,
            "_asdict": _asdict,
            "__getnewargs__": _getnewargs,
            "__match_args__": fields,
        }
        for index, field in enumerate(fields):
            namespace[field] = _tuplegetter(index, f"Alias for field number {index}")
        return type(name, (tuple,), namespace)

    def _first_new(cls, *args, **kwargs):
        """Compiles the class's `__new__` as namedtuple does, puts it in its place, calls it."""
        arguments = ", ".join(cls._fields) + ("," if len(cls._fields) == 1 else "")
        scope = {"_tuple_new": tuple.__new__, "__builtins__": {}, "__name__": cls.__module__}
        new = eval(f"lambda _cls, {arguments}: _tuple_new(_cls, ({arguments}))", scope)
        new.__name__, new.__qualname__ = "__new__", f"{cls.__name__}.__new__"
        new.__defaults__ = tuple(cls._field_defaults.values()) or None
        cls.__new__ = staticmethod(new)
        return new(cls, *args, **kwargs)

    @classmethod
    def _make(cls, iterable):
        result = tuple.__new__(cls, iterable)
        if len(result) != len(cls._fields):
            raise TypeError(f"Expected {len(cls._fields)} arguments, got {len(result)}")
        return result

    def _replace(self, /, **changes):
        result = self._make(map(changes.pop, self._fields, self))
        if changes:
            raise ValueError(f"Got unexpected field names: {list(changes)!r}")
        return result

    def _repr(self):
        pairs = ", ".join(
            f"{field}={value!r}" for field, value in zip(self._fields, self, strict=True)
        )
        return f"{type(self).__name__}({pairs})"

    def _asdict(self):
        return dict(zip(self._fields, self, strict=True))

    def _getnewargs(self):
        return tuple(self)
