//! The simulated `dataclasses` module against CPython 3.11: each test runs a
//! small program and compares with what python3 printed for it (pasted
//! below). Covers the generated
//! __init__/__repr__/__eq__/order/__hash__/frozen methods and their errors,
//! field options, fields/asdict/astuple/replace, inheritance, KW_ONLY,
//! InitVar, make_dataclass.

use interleave::run::{run, RunOptions};

/// Runs `program`; its stdout must be `stdout` and it must exit 0.
fn check(program: &str, stdout: &str) {
    let out = run(program, &RunOptions::default());
    assert_eq!(out.stdout, stdout, "stderr: {}", out.stderr);
    assert_eq!(out.exit_code, 0, "stderr: {}", out.stderr);
}

/// Runs `program`, which must print `stdout`, then fail with status 1
/// and a last stderr line `error`.
fn check_uncaught(program: &str, stdout: &str, error: &str) {
    let out = run(program, &RunOptions::default());
    assert_eq!(out.stdout, stdout, "stderr: {}", out.stderr);
    assert_eq!(out.exit_code, 1, "stderr: {}", out.stderr);
    let last = out.stderr.lines().rev().find(|l| !l.trim().is_empty());
    assert_eq!(last, Some(error), "stderr: {}", out.stderr);
}

#[test]
fn field_reprs() {
    check(
        r#"from dataclasses import dataclass, field, fields, MISSING

@dataclass
class C:
    a: int
    b: list = field(default_factory=list, metadata={"unit": "m"})
    c: str = field(default="x", repr=False, compare=False, hash=True)

f = fields(C)
print([(x.name, x.type, x.default is MISSING, x.default_factory is MISSING, x.init, x.repr, x.hash, x.compare, x.kw_only) for x in f])
print(f[1].metadata, f[1].metadata["unit"], len(f[1].metadata), f[2].default)
print(C.__dataclass_params__)
print(C.__init__.__annotations__, C.__init__.__defaults__)
print(C(1), C(1) == C(1, [], "y"))
"#,
        r#"[('a', <class 'int'>, True, True, True, True, None, True, False), ('b', <class 'list'>, True, False, True, True, None, True, False), ('c', <class 'str'>, False, True, True, False, True, False, False)]
{'unit': 'm'} m 1 x
_DataclassParams(init=True,repr=True,eq=True,order=False,unsafe_hash=False,frozen=False)
{'a': <class 'int'>, 'b': <class 'list'>, 'c': <class 'str'>, 'return': None} (<factory>, 'x')
C(a=1, b=[]) True
"#,
    );
}

#[test]
fn generated_methods() {
    check(
        r#"from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass, FrozenInstanceError, KW_ONLY, MISSING, make_dataclass, InitVar
import dataclasses

@dataclass
class P:
    x: int
    y: int = 0

print(P(1), P(1, 2) == P(1, 2), P(1) == (1, 0), P.__doc__, P.__match_args__)
try:
    P()
except TypeError as e:
    print(e)
try:
    P(1, 2, 3)
except TypeError as e:
    print(e)
try:
    P(1, z=3)
except TypeError as e:
    print(e)
try:
    P(1, x=3)
except TypeError as e:
    print(e)
print(P.__init__.__qualname__, P.__repr__.__qualname__, P.__eq__.__name__, P.__hash__)
try:
    hash(P(1))
except TypeError as e:
    print("TypeError:", e)

@dataclass(unsafe_hash=True)
class H:
    a: int
    b: str = field(default="x", hash=False)
print(hash(H(1)) == hash(H(1, "y")), H(1) == H(1, "y"))

@dataclass(frozen=True)
class F:
    a: int
    b: tuple = (1, 2)
f = F(3)
for action in (lambda: setattr(f, "a", 1), lambda: delattr(f, "b"), lambda: setattr(f, "c", 1)):
    try:
        action()
    except FrozenInstanceError as e:
        print(type(e).__name__, e, isinstance(e, AttributeError))
print(f, hash(f) == hash(F(3)), replace(f, b=(9,)))

@dataclass
class K:
    a: int
    _: KW_ONLY
    b: int = 2
    c: int = field(default=3, kw_only=False)
print(K(1, 5), K(1, 5, b=7), K.__doc__)
try:
    K(1, 2, 3)
except TypeError as e:
    print(e)

@dataclass
class Node:
    val: int
    children: list = field(default_factory=list)
n = Node(1)
n.children.append(n)
print(n)

@dataclass
class Box:
    items: dict = field(default_factory=dict)
    size: int = field(default=1, init=False)
    secret: str = field(default="s", repr=False, compare=False)
b = Box({"a": [1, 2]})
print(b, asdict(b), astuple(b), Box() == Box(secret="t"))
try:
    replace(b, size=3)
except ValueError as e:
    print(e)
print([ (f.name, f.init, f.repr, f.compare) for f in fields(b)])
print(is_dataclass(P), is_dataclass(P(1)), is_dataclass(3), MISSING is dataclasses.MISSING)
try:
    fields(3)
except TypeError as e:
    print(e)
try:
    asdict(P)
except TypeError as e:
    print(e)

@dataclass
class Outer:
    p: P
    ps: list
    d: dict
o = Outer(P(1), [P(2), (P(3),)], {"k": P(4)})
print(asdict(o))
print(astuple(o))
print(asdict(o)["ps"][0] is o.ps[0])

try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError:", e)
try:
    @dataclass(order=True, eq=False)
    class Bad2:
        a: int
except ValueError as e:
    print("ValueError:", e)
try:
    @dataclass
    class Bad3:
        a: int
        b = field(default=1)
except TypeError as e:
    print("TypeError:", e)
try:
    field(default=1, default_factory=list)
except ValueError as e:
    print("ValueError:", e)
try:
    @dataclass(order=True)
    class Bad4:
        a: int
        def __lt__(self, o): return True
except TypeError as e:
    print("TypeError:", e)

@dataclass
class Base:
    a: int
    b: int = 1
@dataclass
class Child(Base):
    c: int = 2
    a: int = 9
print(Child(), Child(1, 2, 3), fields(Child)[0].name)

@dataclass(repr=False, eq=False)
class Plain:
    a: int
print(Plain(1) == Plain(1), "object at" in repr(Plain(1)))

@dataclass
class WithPost:
    a: int
    b: int = field(init=False)
    scale: InitVar[int] = 10
    def __post_init__(self, scale):
        self.b = self.a * scale
w = WithPost(2)
print(w, WithPost(2, 3), [f.name for f in fields(w)])

C = make_dataclass("C", ["x", ("y", int), ("z", int, field(default=5))], order=True)
print(C(1, 2), C(1, 2) < C(1, 3), C.__name__)

@dataclass(order=True)
class V:
    a: int
    b: str
print(sorted([V(2, "a"), V(1, "b"), V(1, "a")]), V(1, "a") <= V(1, "a"), V(2, "a") > V(1, "z"))
try:
    V(1, "a") < 3
except TypeError as e:
    print(e)

@dataclass
class Self:
    self: int
print(Self(3), Self(self=4))

class Meta:
    pass
@dataclass
class Ann:
    m: Meta
    t: "list[int]"
    q: float = 1.5
print(Ann.__doc__)
@dataclass
class Empty:
    pass
print(Empty(), Empty() == Empty(), Empty.__doc__)
@dataclass
class Doc:
    "My doc."
    a: int
print(Doc.__doc__)
@dataclass(eq=True, frozen=True)
class FH:
    a: int
    def __hash__(self): return 42
print(hash(FH(1)))
try:
    @dataclass(frozen=True)
    class FChild(Base):
        pass
except TypeError as e:
    print("TypeError:", e)
"#,
        r#"P(x=1, y=0) True False P(x: int, y: int = 0) ('x', 'y')
P.__init__() missing 1 required positional argument: 'x'
P.__init__() takes from 2 to 3 positional arguments but 4 were given
P.__init__() got an unexpected keyword argument 'z'
P.__init__() got multiple values for argument 'x'
P.__init__ P.__repr__ __eq__ None
TypeError: unhashable type: 'P'
True False
FrozenInstanceError cannot assign to field 'a' True
FrozenInstanceError cannot delete field 'b' True
FrozenInstanceError cannot assign to field 'c' True
F(a=3, b=(1, 2)) True F(a=3, b=(9,))
K(a=1, b=2, c=5) K(a=1, b=7, c=5) K(a: int, c: int = 3, *, b: int = 2)
K.__init__() takes from 2 to 3 positional arguments but 4 were given
Node(val=1, children=[...])
Box(items={'a': [1, 2]}, size=1) {'items': {'a': [1, 2]}, 'size': 1, 'secret': 's'} ({'a': [1, 2]}, 1, 's') True
field size is declared with init=False, it cannot be specified with replace()
[('items', True, True, True), ('size', False, True, True), ('secret', True, False, False)]
True True False True
must be called with a dataclass type or instance
asdict() should be called on dataclass instances
{'p': {'x': 1, 'y': 0}, 'ps': [{'x': 2, 'y': 0}, ({'x': 3, 'y': 0},)], 'd': {'k': {'x': 4, 'y': 0}}}
((1, 0), [(2, 0), ((3, 0),)], {'k': (4, 0)})
False
TypeError: non-default argument 'b' follows default argument
ValueError: eq must be true if order is true
TypeError: 'b' is a field but has no type annotation
ValueError: cannot specify both default and default_factory
TypeError: Cannot overwrite attribute __lt__ in class Bad4. Consider using functools.total_ordering
Child(a=9, b=1, c=2) Child(a=1, b=2, c=3) a
False True
WithPost(a=2, b=20) WithPost(a=2, b=6) ['a', 'b']
C(x=1, y=2, z=5) True C
[V(a=1, b='a'), V(a=1, b='b'), V(a=2, b='a')] True True
'<' not supported between instances of 'V' and 'int'
Self(self=3) Self(self=4)
Ann(m: __main__.Meta, t: 'list[int]', q: float = 1.5)
Empty() True Empty()
My doc.
42
TypeError: cannot inherit frozen dataclass from a non-frozen one
"#,
    );
}

#[test]
fn uncaught_frozen_assignment() {
    check_uncaught(
        r#"from dataclasses import dataclass


@dataclass(frozen=True)
class P:
    x: int


p = P(1)
print(p)
p.x = 2
"#,
        r#"P(x=1)
"#,
        r#"dataclasses.FrozenInstanceError: cannot assign to field 'x'"#,
    );
}

#[test]
fn uncaught_dataclass_missing_argument() {
    check_uncaught(
        r#"from dataclasses import dataclass


@dataclass
class P:
    x: int
    y: int


P(1)
"#,
        r#""#,
        r#"TypeError: P.__init__() missing 1 required positional argument: 'y'"#,
    );
}
