"""core.tuples.NamedTuple builds the classes typing.NamedTuple builds, without typing."""

from __future__ import annotations

import inspect
import pickle
import subprocess
import sys
import textwrap
import typing

import pytest

from ilrs_cli.core import tuples

# One class body, built with each NamedTuple: fields with and without defaults, a docstring, a
# method, a property, a class constant and a dunder.
BODY = textwrap.dedent('''
    from __future__ import annotations

    class Place(NamedTuple):
        """A place, with its code."""

        name: str
        code: str | None
        aliases: tuple[str, ...] = ()
        note: str | None = None
        KIND = "place"

        @property
        def known(self) -> bool:
            return self.code is not None

        def label(self, prefix: str = "") -> str:
            return prefix + self.name

        def __str__(self) -> str:
            return self.name
''')


def build(named_tuple: object) -> type:
    namespace: dict[str, object] = {"NamedTuple": named_tuple, "__name__": "tests.test_tuples"}
    exec(BODY, namespace)
    place = namespace["Place"]
    assert isinstance(place, type)
    return place


OURS, TYPING = build(tuples.NamedTuple), build(typing.NamedTuple)


def test_the_class_has_the_same_fields_defaults_and_body() -> None:
    for attribute in ("_fields", "_field_defaults", "__doc__", "__module__", "__qualname__",
                      "KIND", "__mro__"):  # fmt: skip
        expected = getattr(TYPING, attribute)
        if attribute == "__mro__":
            expected = tuple(OURS if base is TYPING else base for base in expected)
        assert getattr(OURS, attribute) == expected, attribute
    assert list(OURS.__annotations__) == list(TYPING.__annotations__)
    assert OURS.__annotations__["code"] == "str | None"  # as written: never evaluated


def test_instances_behave_alike() -> None:
    for make in (OURS, TYPING):
        place = make("Egypt", "EG")
        assert tuple(place) == ("Egypt", "EG", (), None)
        assert place.known and place.label("in ") == "in Egypt" and str(place) == "Egypt"
        assert repr(place) == "Place(name='Egypt', code='EG', aliases=(), note=None)"
        assert place._replace(code=None).known is False
        assert place._asdict() == {"name": "Egypt", "code": "EG", "aliases": (), "note": None}
        assert make._make(["Oman", None, ("OM",), "x"]).aliases == ("OM",)
        assert make("Egypt", "EG") == place and hash(make("Egypt", "EG")) == hash(place)
        with pytest.raises(AttributeError):
            place.name = "Chad"  # type: ignore[misc]
        with pytest.raises(TypeError):
            make("Egypt")  # code has no default


def test_a_built_class_pickles_by_name() -> None:
    assert pickle.loads(pickle.dumps(_Pickled("a", 1))) == _Pickled("a", 1)


class _Pickled(tuples.NamedTuple):
    name: str
    size: int


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ("a: int = 1\n    b: int", TypeError),  # a field without a default after one with
        ("a: int\n    def _asdict(self): return {}", AttributeError),  # a reserved name
        ("a: int\n    _b: int", ValueError),  # namedtuple refuses names with an underscore
    ],
)
def test_what_typing_refuses_is_refused(body: str, error: type[Exception]) -> None:
    source = f"class Bad(NamedTuple):\n    {body}\n"
    for named_tuple in (tuples.NamedTuple, typing.NamedTuple):
        with pytest.raises(error):
            exec(source, {"NamedTuple": named_tuple, "__name__": "bad"})


def test_a_second_base_is_refused() -> None:
    with pytest.raises(TypeError, match="only base"):
        exec("class Bad(NamedTuple, int):\n    a: int\n", {"NamedTuple": tuples.NamedTuple,
                                                          "__name__": "bad"})  # fmt: skip


def test_the_module_imports_no_typing() -> None:
    probe = "import sys, ilrs_cli.core.tuples; print('typing' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


def test_new_is_compiled_on_the_first_call_and_is_typings_after() -> None:
    """Building a class compiles nothing: `_make` (the loader's way) leaves `__new__` as it
    is; the first call compiles the same `__new__` as typing's, defaults and all."""
    fresh = build(tuples.NamedTuple)
    first = fresh.__dict__["__new__"]
    assert fresh._make(["Oman", None, (), None]).name == "Oman"
    assert fresh.__dict__["__new__"] is first
    assert fresh(name="Chad", code=None) == ("Chad", None, (), None)
    assert fresh.__dict__["__new__"] is not first
    assert [(p.name, p.default) for p in inspect.signature(fresh).parameters.values()] == [
        (p.name, p.default) for p in inspect.signature(TYPING).parameters.values()
    ]
    assert fresh("Egypt", "EG", note="x") == TYPING("Egypt", "EG", note="x")
    for bad in ((), ("a", "b", "c", "d", "e")):
        with pytest.raises(TypeError):
            fresh(*bad)
    with pytest.raises(TypeError):
        fresh("a", "b", colour="red")
