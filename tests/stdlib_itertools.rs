//! `itertools` against CPython 3.11: each program's expected output is what
//! `python3` (3.11.7) printed for the same program (pasted, not written by
//! hand).

use interleave::run::{run, RunOptions};

fn check(program: &str, expected: &str) {
    let out = run(program, &RunOptions::default());
    assert_eq!(out.stdout, expected, "stderr:\n{}", out.stderr);
    assert_eq!(out.exit_code, 0, "stderr:\n{}", out.stderr);
}

#[test]
fn count_cycle_repeat_and_reprs() {
    check(
        r##"from itertools import count, cycle, repeat, islice
print(list(islice(count(2.5, 0.5), 3)), repr(count(-1)), repr(count(1, 1.0)), repr(count(0, -2)))
c = count(1.5)
next(c)
print(c, list(zip(count(), 'ab')), sum(islice(count(1), 100)))
r = repeat('a', 3)
next(r)
print(r, list(r), r, repeat(None), list(repeat(1, -2)))
print(list(islice(cycle([]), 5)), list(islice(cycle('ab'), 5)), list(map(pow, range(4), repeat(2))))
try:
    count('a')
except TypeError as e:
    print("TypeError:", e)
"##,
        r##"[2.5, 3.0, 3.5] count(-1) count(1, 1.0) count(0, -2)
count(2.5) [(0, 'a'), (1, 'b')] 5050
repeat('a', 0) ['a', 'a'] repeat('a', 0) repeat(None) []
[] ['a', 'b', 'a', 'b', 'a'] [0, 1, 4, 9]
TypeError: a number is required
"##,
    );
}

#[test]
fn islice_consumes_like_cpython() {
    check(
        r##"from itertools import islice
print(list(islice('abcdef', 2, 5)), list(islice('abcdef', None)), list(islice('abcdefg', 1, None, 2)))
it = iter(range(10))
print(list(islice(it, 2, 4)), next(it), list(islice(it, 0)), next(it))
evens = (n for n in range(100) if n % 2 == 0)
print(list(islice(evens, 3)), list(islice(evens, 2)))
for args in [(-1,), (1, -1), (0, 2, 0), ('a',), (-2, 3)]:
    try:
        islice('abc', *args)
    except ValueError as e:
        print("ValueError:", e)
"##,
        r##"['c', 'd', 'e'] ['a', 'b', 'c', 'd', 'e', 'f'] ['b', 'd', 'f']
[2, 3] 4 [] 5
[0, 2, 4] [6, 8]
ValueError: Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.
ValueError: Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.
ValueError: Step for islice() must be a positive integer or None.
ValueError: Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.
ValueError: Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.
"##,
    );
}

#[test]
fn chain_accumulate_and_filters() {
    check(
        r##"from itertools import chain, accumulate, compress, dropwhile, takewhile, filterfalse, starmap, pairwise, zip_longest
import operator
print(list(accumulate([1, 2, 3], initial=None)), list(accumulate([], initial=5)), list(accumulate('abc', operator.add)))
print(list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate([1, 2, 3], operator.mul, initial=10)))
print(list(chain.from_iterable(['ab', range(2)])), list(chain('a', [1])), type(chain()).__name__)
print(list(compress('abc', [1])), list(dropwhile(lambda x: x < 3, [1, 5, 1])), list(takewhile(bool, [1, 0, 1])))
print(list(filterfalse(None, [0, 1, '', 'a'])), list(starmap(divmod, [(7, 2)])), list(pairwise([])), list(pairwise('abc')))
print(list(zip_longest('ab', 'xyz', 'q')), list(zip_longest([1], fillvalue=None)), list(zip_longest()))
def gen():
    yield 1
    raise ValueError("boom")
try:
    list(chain(gen()))
except ValueError as e:
    print("ValueError:", e)
"##,
        r##"[1, 3, 6] [5] ['a', 'ab', 'abc']
[3, 3, 4, 4, 5] [10, 10, 20, 60]
['a', 'b', 0, 1] ['a', 1] chain
['a'] [5, 1] [1]
[0, ''] [(3, 1)] [] [('a', 'b'), ('b', 'c')]
[('a', 'x', 'q'), ('b', 'y', None), (None, 'z', None)] [(1,)] []
ValueError: boom
"##,
    );
}

#[test]
fn combinatorics() {
    check(
        r##"from itertools import product, permutations, combinations, combinations_with_replacement
print(list(product()), list(product('ab', repeat=0)), list(product([], 'ab')), list(product('ab', 'c', repeat=2))[:3])
print(list(permutations('abc', 0)), list(permutations('ab', 3)), list(permutations([])), list(permutations(range(3), 2)))
print(list(combinations('abc', 0)), list(combinations([], 1)), list(combinations('abcd', 3)))
print(list(combinations_with_replacement('', 0)), list(combinations_with_replacement('', 2)), list(combinations_with_replacement('ab', 3)))
for f in [lambda: combinations('ab', -1), lambda: permutations('ab', -2), lambda: product('a', repeat=-1)]:
    try:
        f()
    except ValueError as e:
        print("ValueError:", e)
print(len(list(permutations(range(5)))), len(list(combinations(range(10), 4))))
"##,
        r##"[()] [()] [] [('a', 'c', 'a', 'c'), ('a', 'c', 'b', 'c'), ('b', 'c', 'a', 'c')]
[()] [] [()] [(0, 1), (0, 2), (1, 0), (1, 2), (2, 0), (2, 1)]
[()] [] [('a', 'b', 'c'), ('a', 'b', 'd'), ('a', 'c', 'd'), ('b', 'c', 'd')]
[()] [] [('a', 'a', 'a'), ('a', 'a', 'b'), ('a', 'b', 'b'), ('b', 'b', 'b')]
ValueError: r must be non-negative
ValueError: r must be non-negative
ValueError: repeat argument cannot be negative
120 210
"##,
    );
}

#[test]
fn tee_and_groupby() {
    check(
        r##"from itertools import tee, groupby, count
a, b, c = tee(count(), 3)
print(next(a), next(a), next(b), next(c), next(c), next(c), next(a), tee([], 0))
t1, = tee('xy', 1)
t2, t3 = tee(t1)
print(next(t2), list(t3), list(t2), type(t1).__name__)
try:
    tee('a', -1)
except ValueError as e:
    print("ValueError:", e)
g = groupby([1, 1, 2, 3, 3, 3], key=lambda v: v % 2)
print([(k, list(v)) for k, v in g])
gs = list(groupby('aabbc'))
print([(k, list(v)) for k, v in gs], [k for k, _ in groupby([])])
groups = groupby('aabb')
k1, g1 = next(groups)
k2, _ = next(groups)
print(k1, k2, list(g1), type(g1).__name__)
"##,
        r##"0 1 0 0 1 2 2 ()
x ['x', 'y'] ['y'] _tee
ValueError: n must be >= 0
[(1, [1, 1]), (0, [2]), (1, [3, 3, 3])]
[('a', []), ('b', []), ('c', [])] []
a b [] _grouper
"##,
    );
}
