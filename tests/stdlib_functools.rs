//! `functools` against CPython 3.11: each program's expected output is what
//! `python3` (3.11.7) printed for the same program (pasted, not written by
//! hand).

use interleave::run::{run, RunOptions};

fn check(program: &str, expected: &str) {
    let out = run(program, &RunOptions::default());
    assert_eq!(out.stdout, expected, "stderr:\n{}", out.stderr);
    assert_eq!(out.exit_code, 0, "stderr:\n{}", out.stderr);
}

#[test]
fn partial_binds_and_flattens() {
    check(
        r##"from functools import partial
def f(a, b, c=3, *, d=4):
    return (a, b, c, d)
p = partial(f, 1, d=5)
print(p(2), p(2, 3, d=6), p.func is f, p.args, p.keywords, repr(p).split(' at ')[0], type(p).__name__)
pp = partial(p, 2)
print(pp(), pp.args, pp.keywords, pp.func is f)
try:
    partial(5)
except TypeError as e:
    print("TypeError:", e)
print(repr(partial(len, 'ab')), partial(int, base=2)('101'))
"##,
        r##"(1, 2, 3, 5) (1, 2, 3, 6) True (1,) {'d': 5} functools.partial(<function f partial
(1, 2, 3, 5) (1, 2) {'d': 5} True
TypeError: the first argument must be callable
functools.partial(<built-in function len>, 'ab') 5
"##,
    );
}

#[test]
fn reduce_with_and_without_initial() {
    check(
        r##"from functools import reduce
print(reduce(lambda a, b: a + b, 'abc'), reduce(max, [3, 1, 4], 10), reduce(lambda a, b: a * b, range(1, 6)))
for args in [(max, 5), (max, [])]:
    try:
        reduce(*args)
    except TypeError as e:
        print("TypeError:", e)
"##,
        r##"abc 10 120
TypeError: reduce() arg 2 must support iteration
TypeError: reduce() of empty iterable with no initial value
"##,
    );
}

#[test]
fn lru_cache_counts_and_evicts() {
    check(
        r##"from functools import lru_cache
@lru_cache(maxsize=2, typed=True)
def sq(x):
    return x * x
print(sq(2), sq(2.0), sq(2), sq.cache_info(), sq.cache_parameters())
print(sq(3), sq(4), sq(2), sq.cache_info())
@lru_cache(maxsize=0)
def zero(x):
    return x
print(zero(1), zero(1), zero.cache_info())
@lru_cache()
def kw(a, b=1):
    return a + b
print(kw(1), kw(1, b=1), kw(a=1), kw(1), kw.cache_info())
@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info(), fib.__wrapped__(10), fib.__name__)
fib.cache_clear()
print(fib.cache_info())
try:
    lru_cache('x')
except TypeError as e:
    print("TypeError:", e)
try:
    fib([1])
except TypeError as e:
    print("TypeError:", e)
"##,
        r##"4 4.0 4 CacheInfo(hits=1, misses=2, maxsize=2, currsize=2) {'maxsize': 2, 'typed': True}
9 16 4 CacheInfo(hits=1, misses=5, maxsize=2, currsize=2)
1 1 CacheInfo(hits=0, misses=2, maxsize=0, currsize=0)
2 2 2 2 CacheInfo(hits=1, misses=3, maxsize=128, currsize=3)
23416728348467685 CacheInfo(hits=78, misses=81, maxsize=None, currsize=81) 55 fib
CacheInfo(hits=0, misses=0, maxsize=None, currsize=0)
TypeError: Expected first argument to be an integer, a callable, or None
TypeError: unhashable type: 'list'
"##,
    );
}

#[test]
fn lru_cache_and_cache_on_methods() {
    check(
        r##"from functools import lru_cache, cache
class C:
    @lru_cache
    def m(self, x):
        return x * 2
    @cache
    def n(self):
        return 'n'
c = C()
print(c.m(3), c.m(3), C.m.cache_info(), c.n(), c.n.__name__)
"##,
        r##"6 6 CacheInfo(hits=1, misses=1, maxsize=128, currsize=1) n n
"##,
    );
}

#[test]
fn wraps_copies_metadata() {
    check(
        r##"from functools import wraps, update_wrapper, WRAPPER_ASSIGNMENTS, WRAPPER_UPDATES
def deco(fn):
    @wraps(fn)
    def inner(*a):
        return fn(*a)
    return inner
@deco
def documented(x: int) -> int:
    """Doc."""
    return x
print(documented.__name__, documented.__doc__, documented.__annotations__, documented.__wrapped__.__name__, documented(4))
def tagged(fn):
    fn.tag = 'T'
    return fn
@deco
@tagged
def g():
    pass
print(g.tag, g.__qualname__, WRAPPER_ASSIGNMENTS, WRAPPER_UPDATES)
def plain():
    pass
print(update_wrapper(plain, g).__name__, plain.__wrapped__ is g)
"##,
        r##"documented Doc. {'x': <class 'int'>, 'return': <class 'int'>} documented 4
T g ('__module__', '__name__', '__qualname__', '__doc__', '__annotations__') ('__dict__',)
g True
"##,
    );
}

#[test]
fn total_ordering_and_cmp_to_key() {
    check(
        r##"from functools import total_ordering, cmp_to_key
@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __gt__(self, o): return self.v > o.v
print(V(1) < V(2), V(1) <= V(1), V(2) >= V(3), V(3) > V(2), V.__lt__.__name__)
try:
    total_ordering(type('Z', (), {}))
except ValueError as e:
    print("ValueError:", e)
key = cmp_to_key(lambda a, b: (a > b) - (a < b))
print(sorted([3, 1, 2], key=key), key(1) == key(1), key(2) > key(1), key(1) <= key(1), type(key(1)).__name__)
print(sorted(['b', 'A', 'c'], key=cmp_to_key(lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower()))))
"##,
        r##"True True False True __lt__
ValueError: must define at least one ordering operation: < > <= >=
[1, 2, 3] True True True KeyWrapper
['A', 'b', 'c']
"##,
    );
}

#[test]
fn singledispatch_by_type_and_annotation() {
    check(
        r##"from functools import singledispatch
@singledispatch
def show(x):
    return 'obj'
@show.register(int)
def _(x):
    return 'int'
@show.register
def _(x: list):
    return 'list'
print(show(1), show(True), show([]), show('s'), show.dispatch(bool).__name__, show.__name__)
try:
    show()
except TypeError as e:
    print("TypeError:", e)
"##,
        r##"int int list obj _ show
TypeError: show requires at least 1 positional argument
"##,
    );
}

#[test]
fn cached_property_and_partialmethod() {
    check(
        r##"import functools
class Circle:
    def __init__(self, r): self.r = r
    @functools.cached_property
    def area(self):
        """The area."""
        print('computing')
        return 3 * self.r ** 2
k = Circle(2)
print(k.area, k.area, Circle.area.__doc__, 'area' in vars(k))
del k.area
k.r = 3
print(k.area)
class Cell:
    def __init__(self): self.v = None
    def set(self, v): self.v = v
    set_one = functools.partialmethod(set, 1)
cc = Cell()
cc.set_one()
print(cc.v)
"##,
        r##"computing
12 12 The area. True
computing
27
1
"##,
    );
}
