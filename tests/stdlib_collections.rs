//! `collections` against CPython 3.11: each program's expected output is what
//! `python3` (3.11.7) printed for the same program (pasted, not written by
//! hand).

use interleave::run::{run, RunOptions};

fn check(program: &str, expected: &str) {
    let out = run(program, &RunOptions::default());
    assert_eq!(out.stdout, expected, "stderr:\n{}", out.stderr);
    assert_eq!(out.exit_code, 0, "stderr:\n{}", out.stderr);
}

#[test]
fn deque_ends_rotate_and_maxlen() {
    check(
        r##"from collections import deque
d = deque([1, 2, 3], maxlen=5)
d.extend([4, 5, 6])
print(d, d.maxlen, len(d))
d.extendleft("ab")
print(d)
d.rotate(-7)
print(d)
e = deque()
e.rotate(3)
print(e, deque([1]).rotate(5))
q = deque()
q.append('a'); q.appendleft('b')
print(q.popleft(), q.pop(), len(q))
print(deque(range(10), 3), deque('xyz', maxlen=0), deque(iterable='ab', maxlen=1))
recent = deque(maxlen=2)
for page in ['a', 'b', 'c']:
    recent.append(page)
recent.appendleft('start')
print(recent, list(recent))
"##,
        r##"deque([2, 3, 4, 5, 6], maxlen=5) 5 5
deque(['b', 'a', 2, 3, 4], maxlen=5)
deque([2, 3, 4, 'b', 'a'], maxlen=5)
deque([]) None
b a 0
deque([7, 8, 9], maxlen=3) deque([], maxlen=0) deque(['b'], maxlen=1)
deque(['start', 'b'], maxlen=2) ['start', 'b']
"##,
    );
}

#[test]
fn deque_sequence_methods() {
    check(
        r##"from collections import deque
x = deque([1, 2, 3, 4, 5])
x.insert(-1, 'mid')
x.insert(100, 'end')
x.insert(-100, 'start')
print(x)
del x[0]
x[1] = 'two'
print(x, x[-1], x.index(3), x.index('end', 2), x.count('two'), 3 in x)
x.remove('two')
x.reverse()
print(x, list(reversed(x)), x.copy(), x == x.copy(), x is x.copy())
y = deque(range(4))
y += [9]
y *= 2
print(y, 2 * deque('ab', maxlen=3), deque('ab') + deque('cd'), deque([1, 2]) < deque([1, 3]))
x.clear()
print(x, bool(x), deque([1]) == [1])
"##,
        r##"deque(['start', 1, 2, 3, 4, 'mid', 5, 'end'])
deque([1, 'two', 3, 4, 'mid', 5, 'end']) end 2 6 1 True
deque(['end', 5, 'mid', 4, 3, 1]) [1, 3, 4, 'mid', 5, 'end'] deque(['end', 5, 'mid', 4, 3, 1]) True False
deque([0, 1, 2, 3, 9, 0, 1, 2, 3, 9]) deque(['b', 'a', 'b'], maxlen=3) deque(['a', 'b', 'c', 'd']) True
deque([]) False False
"##,
    );
}

#[test]
fn deque_errors_match_cpython() {
    check(
        r##"from collections import deque
x = deque([1, 2, 3], maxlen=3)
tries = [lambda: x.insert(0, 'z'), lambda: x['a'], lambda: x[1:2], lambda: x[99],
         lambda: x.index('nope'), lambda: x.remove('nope'), lambda: deque([1]) + [2],
         lambda: deque(maxlen=-1), lambda: deque(maxlen='a'), lambda: deque().pop(),
         lambda: deque().popleft(), lambda: deque([1], 2, 3), lambda: deque(1)]
for f in tries:
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
try:
    for v in x:
        x.append(v)
except RuntimeError as e:
    print("RuntimeError:", e)
"##,
        r##"IndexError: deque already at its maximum size
TypeError: sequence index must be integer, not 'str'
TypeError: sequence index must be integer, not 'slice'
IndexError: deque index out of range
ValueError: 'nope' is not in deque
ValueError: 'nope' is not in deque
TypeError: can only concatenate deque (not "list") to deque
ValueError: maxlen must be non-negative
TypeError: an integer is required
IndexError: pop from an empty deque
IndexError: pop from an empty deque
TypeError: deque() takes at most 2 arguments (3 given)
TypeError: 'int' object is not iterable
RuntimeError: deque mutated during iteration
"##,
    );
}

#[test]
fn deque_repr_recursion_and_subclass() {
    check(
        r##"from collections import deque
z = deque()
z.append(z)
print(z)
class Stack(deque):
    def peek(self):
        return self[-1]
s = Stack([1, 2, 3])
s.label = 'stack'
print(s, s.peek(), type(s).__name__, isinstance(s, deque), s.copy(), type(s.copy()).__name__, s.label)
it = iter(deque([1, 2]))
print(next(it), list(it), type(it).__name__, type(deque).__name__, deque.__module__)
"##,
        r##"deque([[...]])
Stack([1, 2, 3]) 3 Stack True Stack([1, 2, 3]) Stack stack
1 [2] _deque_iterator type collections
"##,
    );
}

#[test]
fn counter_counting_and_most_common() {
    check(
        r##"from collections import Counter
c = Counter('abracadabra')
print(c, c.most_common(2), c.most_common(0), c.most_common(-1), c.total())
print(sorted(c.elements()), c['z'], 'z' in c)
c.update({'a': 2, 'q': 1})
c.subtract('aaq')
print(c)
del c['zzz']
print(len(c), sorted(c))
print(Counter([3, 1, 3, 2, 1, 3]).most_common(), Counter(), Counter(a=1, b=2))
class Bag(Counter):
    pass
print(Bag('aab'), isinstance(Bag(), dict))
try:
    Counter.fromkeys('ab')
except NotImplementedError as e:
    print("NotImplementedError:", e)
"##,
        r##"Counter({'a': 5, 'b': 2, 'r': 2, 'c': 1, 'd': 1}) [('a', 5), ('b', 2)] [] [] 11
['a', 'a', 'a', 'a', 'a', 'b', 'b', 'c', 'd', 'r', 'r'] 0 False
Counter({'a': 5, 'b': 2, 'r': 2, 'c': 1, 'd': 1, 'q': 0})
6 ['a', 'b', 'c', 'd', 'q', 'r']
[(3, 3), (1, 2), (2, 1)] Counter() Counter({'b': 2, 'a': 1})
Bag({'a': 2, 'b': 1}) True
NotImplementedError: Counter.fromkeys() is undefined.  Use Counter(iterable) instead.
"##,
    );
}

#[test]
fn counter_arithmetic_and_comparisons() {
    check(
        r##"from collections import Counter
c2 = Counter(a=3, b=-1, c=0)
print(+c2, -c2, c2)
a, b = Counter('aabbbc'), Counter('abccd')
print(a + b, a - b, a & b, a | b)
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) <= Counter(a=2), Counter(a=3) > Counter(a=2), Counter() == {})
x = Counter(a=3, b=1)
x += Counter(a=-5, c=2)
print(x)
x -= Counter(c=1)
print(x)
x |= Counter(c=7, d=1)
print(x)
x &= Counter(c=2, d=3)
print(x)
"##,
        r##"Counter({'a': 3}) Counter({'b': 1}) Counter({'a': 3, 'c': 0, 'b': -1})
Counter({'b': 4, 'a': 3, 'c': 3, 'd': 1}) Counter({'b': 2, 'a': 1}) Counter({'a': 1, 'b': 1, 'c': 1}) Counter({'b': 3, 'a': 2, 'c': 2, 'd': 1})
True True True True
Counter({'c': 2, 'b': 1})
Counter({'b': 1, 'c': 1})
Counter({'c': 7, 'b': 1, 'd': 1})
Counter({'c': 2, 'd': 1})
"##,
    );
}

#[test]
fn defaultdict_factory_and_repr() {
    check(
        r##"from collections import defaultdict
d = defaultdict(list, a=[1])
d['b'].append(2)
print(d, d.copy(), type(d.copy()).__name__, d.default_factory)
try:
    defaultdict(5)
except TypeError as e:
    print("TypeError:", e)
n = defaultdict(None)
try:
    n['k']
except KeyError as e:
    print("KeyError:", e)
n[1] = n
print(n)
counts = defaultdict(int)
for ch in 'hello':
    counts[ch] += 1
print(counts, dict(counts), counts.get('z'), 'z' in counts)
tree = lambda: defaultdict(tree)
root = tree()
root['a']['b'] = 1
print(dict(root['a']), isinstance(root, dict))
"##,
        r##"defaultdict(<class 'list'>, {'a': [1], 'b': [2]}) defaultdict(<class 'list'>, {'a': [1], 'b': [2]}) defaultdict <class 'list'>
TypeError: first argument must be callable or None
KeyError: 'k'
defaultdict(None, {1: defaultdict(None, {...})})
defaultdict(<class 'int'>, {'h': 1, 'e': 1, 'l': 2, 'o': 1}) {'h': 1, 'e': 1, 'l': 2, 'o': 1} None False
{'b': 1} True
"##,
    );
}

#[test]
fn ordereddict_moves_and_popitem() {
    check(
        r##"from collections import OrderedDict
od = OrderedDict()
od['z'] = 1; od['a'] = 2; od['m'] = 3
print(od, od.popitem(last=False), od, od.copy(), OrderedDict())
od.move_to_end('m', last=False)
print(list(od.items()), list(reversed(od)))
try:
    od.move_to_end('nope')
except KeyError as e:
    print("KeyError:", e)
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError:", e)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == dict(b=2, a=1))
print(OrderedDict.fromkeys('ab', 0), type(OrderedDict.fromkeys('a')).__name__)
"##,
        r##"OrderedDict([('a', 2), ('m', 3)]) ('z', 1) OrderedDict([('a', 2), ('m', 3)]) OrderedDict([('a', 2), ('m', 3)]) OrderedDict()
[('m', 3), ('a', 2)] ['a', 'm']
KeyError: 'nope'
KeyError: 'dictionary is empty'
False True
OrderedDict([('a', 0), ('b', 0)]) OrderedDict
"##,
    );
}

#[test]
fn chainmap_lookups_and_writes() {
    check(
        r##"from collections import ChainMap
cm = ChainMap({'a': 1}, {'a': 2, 'b': 3})
print(cm, cm['a'], cm['b'], cm.get('c', 'none'), len(cm), list(cm), list(cm.items()), list(cm.values()))
try:
    cm['zz']
except KeyError as e:
    print("KeyError:", e)
try:
    del cm['b']
except KeyError as e:
    print("KeyError:", e)
print(cm.parents, cm.new_child(), cm.new_child(x=1)['x'], 'b' in cm, bool(ChainMap()), ChainMap({}))
cm['c'] = 3
print(dict(cm), cm == {'a': 1, 'b': 3, 'c': 3}, cm.pop('a'), cm, cm.maps)
"##,
        r##"ChainMap({'a': 1}, {'a': 2, 'b': 3}) 1 3 none 2 ['a', 'b'] [('a', 1), ('b', 3)] [1, 3]
KeyError: 'zz'
KeyError: "Key not found in the first mapping: 'b'"
ChainMap({'a': 2, 'b': 3}) ChainMap({}, {'a': 1}, {'a': 2, 'b': 3}) 1 True False ChainMap({})
{'a': 1, 'b': 3, 'c': 3} True 1 ChainMap({'c': 3}, {'a': 2, 'b': 3}) [{'c': 3}, {'a': 2, 'b': 3}]
"##,
    );
}

#[test]
fn namedtuple_basics() {
    check(
        r##"from collections import namedtuple
P = namedtuple('P', 'x, y z')
p = P(1, 2, 3)
print(p, P._fields, P.__name__, P.__doc__, P.x.__doc__, P.__module__)
print(p._asdict(), p._replace(x=9), P._make(range(3)), p.__getnewargs__())
print(p + (4,), p[:2], p.count(1), p.index(3), sorted([P(2, 1, 0), P(1, 5, 5)]))
a, *rest = p
print(a, rest, "%s-%s-%s" % p, "{}".format(p), {p: 1}[(1, 2, 3)])
One = namedtuple('One', 'v')
print(One(5), One(5)[0], len(One(5)), One._make([7]), namedtuple('E', '')())
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError:", e)
"##,
        r##"P(x=1, y=2, z=3) ('x', 'y', 'z') P P(x, y, z) Alias for field number 0 __main__
{'x': 1, 'y': 2, 'z': 3} P(x=9, y=2, z=3) P(x=0, y=1, z=2) (1, 2, 3)
(1, 2, 3, 4) (1, 2) 1 2 [P(x=1, y=5, z=5), P(x=2, y=1, z=0)]
1 [2, 3] 1-2-3 P(x=1, y=2, z=3) 1
One(v=5) 5 1 One(v=7) E()
AttributeError: can't set attribute
"##,
    );
}

#[test]
fn namedtuple_signature_errors() {
    check(
        r##"from collections import namedtuple
P = namedtuple('P', 'x y z')
tries = [lambda: P._make([1]), lambda: P(1, 2, 3, 4), lambda: P(1, 2, 3, x=4),
         lambda: P(1, 2, w=4), lambda: P(1), lambda: P(1, 2, 3)._replace(q=1)]
for f in tries:
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
for args in [('1abc', 'x'), ('A', 'x class'), ('A', 'x _y'), ('A', 'x x')]:
    try:
        namedtuple(*args)
    except ValueError as e:
        print("ValueError:", e)
"##,
        r##"TypeError: Expected 3 arguments, got 1
TypeError: P.__new__() takes 4 positional arguments but 5 were given
TypeError: P.__new__() got multiple values for argument 'x'
TypeError: P.__new__() got an unexpected keyword argument 'w'
TypeError: P.__new__() missing 2 required positional arguments: 'y' and 'z'
ValueError: Got unexpected field names: ['q']
ValueError: Type names and field names must be valid identifiers: '1abc'
ValueError: Type names and field names cannot be a keyword: 'class'
ValueError: Field names cannot start with an underscore: '_y'
ValueError: Encountered duplicate field name: 'x'
"##,
    );
}

#[test]
fn namedtuple_rename_defaults_subclass() {
    check(
        r##"from collections import namedtuple
R = namedtuple('R', ['a', 'def', '_c', 'a'], rename=True)
print(R._fields, R(1, 2, 3, 4))
S = namedtuple('S', 'a b c', defaults=(5, 6))
print(S(1), S(1, 2), S._field_defaults)
try:
    namedtuple('T', 'a', defaults=(1, 2))
except TypeError as e:
    print("TypeError:", e)
class V(namedtuple('V', 'x y')):
    __slots__ = ()
    def __add__(self, o):
        return V(self.x + o.x, self.y + o.y)
print(V(1, 2) + V(3, 4), isinstance(V(1, 2), tuple), V(1, 2) == (1, 2))
"##,
        r##"('a', '_1', '_2', '_3') R(a=1, _1=2, _2=3, _3=4)
S(a=1, b=5, c=6) S(a=1, b=2, c=6) {'b': 5, 'c': 6}
TypeError: Got more default values than field names
V(x=4, y=6) True True
"##,
    );
}
