//! `operator` against CPython 3.11: each program's expected output is what
//! `python3` (3.11.7) printed for the same program (pasted, not written by
//! hand).

use interleave::run::{run, RunOptions};

fn check(program: &str, expected: &str) {
    let out = run(program, &RunOptions::default());
    assert_eq!(out.stdout, expected, "stderr:\n{}", out.stderr);
    assert_eq!(out.exit_code, 0, "stderr:\n{}", out.stderr);
}

#[test]
fn arithmetic_and_comparison_functions() {
    check(
        r##"import operator as op
print(op.add(1, 2), op.sub(5, 3), op.mul('a', 3), op.truediv(7, 2), op.floordiv(-7, 2), op.mod(-7, 3), op.pow(2, 10))
print(op.neg(3), op.pos(-3), op.abs(-2.5), op.inv(0), op.invert(-1), op.not_([]), op.truth('x'), op.index(True))
print(op.lt(1, 2), op.le(2, 2), op.eq('a', 'a'), op.ne(1, 1), op.ge(1, 2), op.gt(3, 2), op.is_(None, None), op.is_not(None, 1))
print(op.and_(12, 10), op.or_(12, 10), op.xor(12, 10), op.lshift(1, 5), op.rshift(64, 2), op.__add__ is op.add)
class M:
    def __matmul__(self, o): return 'matmul'
print(op.matmul(M(), M()), op.call(max, 1, 3))
"##,
        r##"3 2 aaa 3.5 -4 2 1024
-3 -3 2.5 -1 0 True True 1
True True True False False True True True
8 14 6 32 16 True
matmul 3
"##,
    );
}

#[test]
fn sequence_functions() {
    check(
        r##"import operator as op
print(op.contains('abc', 'b'), op.countOf('banana', 'a'), op.indexOf([5, 6], 6), op.concat('ab', 'cd'), op.concat((1,), (2,)))
l = [1, 2, 3]
op.setitem(l, slice(0, 2), ['x'])
print(l)
op.delitem(l, 0)
print(l, op.getitem(l, -1), op.getitem('hello', slice(1, 3)))
print(op.length_hint([1, 2]), op.length_hint(iter([1, 2, 3])), op.length_hint(5, 7))
"##,
        r##"True 3 1 abcd (1, 2)
['x', 3]
[3] 3 el
2 3 7
"##,
    );
}

#[test]
fn inplace_functions() {
    check(
        r##"import operator as op
x = [1]
y = op.iadd(x, [2])
print(x, y, x is y)
n = 5
print(op.iadd(n, 1), op.isub(n, 1), op.imul(n, 2), op.itruediv(n, 2), op.ifloordiv(n, 2), op.imod(n, 2), op.ipow(n, 2))
print(op.iand(6, 3), op.ior(6, 3), op.ixor(6, 3), op.ilshift(1, 3), op.irshift(8, 1), op.iconcat([1], [2]))
s = {1}
print(op.ior(s, {2}), s)
"##,
        r##"[1, 2] [1, 2] True
6 4 10 2.5 2 1 25
2 7 5 8 4 [1, 2]
{1, 2} {1, 2}
"##,
    );
}

#[test]
fn getters_and_callers() {
    check(
        r##"import operator as op
print(op.itemgetter(1), op.itemgetter(0, 1)('ab'), op.attrgetter('real', 'imag')(5), op.attrgetter('x.y'))
print(op.methodcaller('split', ',', maxsplit=1), op.methodcaller('split', ',', maxsplit=1)('a,b,c'))
class Node:
    def __init__(self, name, parent=None):
        self.name, self.parent = name, parent
leaf = Node('leaf', Node('root'))
print(op.attrgetter('parent.name')(leaf), op.attrgetter('name', 'parent.name')(leaf))
rows = [('b', 2), ('a', 2), ('c', 1)]
print(sorted(rows, key=op.itemgetter(1, 0)), list(map(op.itemgetter(0), rows)))
"##,
        r##"operator.itemgetter(1) ('a', 'b') (5, 0) operator.attrgetter('x.y')
operator.methodcaller('split', ',', maxsplit=1) ['a', 'b,c']
root ('leaf', 'root')
[('c', 1), ('a', 2), ('b', 2)] ['b', 'a', 'c']
"##,
    );
}

#[test]
fn errors_match_cpython() {
    check(
        r##"import operator as op
for f in [lambda: op.index(1.5), lambda: op.concat(1, 2), lambda: op.itemgetter(), lambda: op.methodcaller(),
          lambda: op.attrgetter(1), lambda: op.indexOf([], 1), lambda: op.itemgetter(0)(),
          lambda: op.methodcaller(1), lambda: op.itemgetter(5)([1]), lambda: op.attrgetter('nope')(1)]:
    try:
        f()
    except (TypeError, ValueError, IndexError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
"##,
        r##"TypeError: 'float' object cannot be interpreted as an integer
TypeError: 'int' object can't be concatenated
TypeError: itemgetter expected 1 argument, got 0
TypeError: methodcaller needs at least one argument, the method name
TypeError: attribute name must be a string
ValueError: sequence.index(x): x not in sequence
TypeError: itemgetter expected 1 argument, got 0
TypeError: method name must be a string
IndexError: list index out of range
AttributeError: 'int' object has no attribute 'nope'
"##,
    );
}
