//! The simulated `heapq` module against CPython 3.11: each test runs a small
//! program and compares with what python3 printed for it (pasted below).
//! Covers heap operations, nlargest/nsmallest (ties, keys, iterators), merge
//! (key, reverse), custom ordering, errors.

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
fn merge_and_custom_order() {
    check(
        r#"import heapq
print(list(heapq.merge()), list(heapq.merge([], [1])), list(heapq.merge([1, 3, 5], [2, 4, 6], [0, 7])))
print(list(heapq.merge([(1, "b"), (2, "a")], [(1, "a")])))
print(list(heapq.merge(["apple", "Banana"], ["cherry"], key=str.lower)))
print(list(heapq.merge([5, 3, 1], [4, 2], [6], reverse=True)))
print(list(heapq.merge([1, 1], [1], key=lambda x: 0)))
m = heapq.merge(iter([1, 4]), iter([2, 3]))
print(next(m), next(m), list(m))

class Task:
    def __init__(self, prio, name):
        self.prio, self.name = prio, name
    def __lt__(self, other):
        return self.prio < other.prio
    def __repr__(self):
        return f"Task({self.prio}, {self.name!r})"

q = []
for t in [Task(3, "c"), Task(1, "a"), Task(2, "b"), Task(1, "a2")]:
    heapq.heappush(q, t)
print(q[0], [heapq.heappop(q).name for _ in range(4)])
print(heapq.nsmallest(2, [Task(2, "x"), Task(1, "y"), Task(1, "z")]))
"#,
        r#"[] [1] [0, 1, 2, 3, 4, 5, 6, 7]
[(1, 'a'), (1, 'b'), (2, 'a')]
['apple', 'Banana', 'cherry']
[6, 5, 4, 3, 2, 1]
[1, 1, 1]
1 2 [3, 4]
Task(1, 'a') ['a', 'a2', 'b', 'c']
[Task(1, 'y'), Task(1, 'z')]
"#,
    );
}

#[test]
fn nlargest_nsmallest() {
    check(
        r#"import heapq
nums = [5, 1, 9, 3, 9, 2, 7, 1, 8]
for n in (0, 1, 3, 9, 20, -1):
    print(n, heapq.nlargest(n, nums), heapq.nsmallest(n, nums))
pairs = [("a", 3), ("b", 1), ("c", 3), ("d", 2), ("e", 1), ("f", 3)]
print(heapq.nlargest(2, pairs, key=lambda p: p[1]), heapq.nsmallest(3, pairs, key=lambda p: p[1]))
print(heapq.nlargest(4, iter(pairs), key=lambda p: p[1]), heapq.nsmallest(4, (p for p in pairs), key=lambda p: p[1]))
print(heapq.nlargest(1, iter([])), heapq.nsmallest(1, []), heapq.nlargest(2, iter([4])), heapq.nsmallest(2, "hello"))
print(heapq.nlargest(3, range(100), key=lambda x: x % 10))
"#,
        r#"0 [] []
1 [9] [1]
3 [9, 9, 8] [1, 1, 2]
9 [9, 9, 8, 7, 5, 3, 2, 1, 1] [1, 1, 2, 3, 5, 7, 8, 9, 9]
20 [9, 9, 8, 7, 5, 3, 2, 1, 1] [1, 1, 2, 3, 5, 7, 8, 9, 9]
-1 [] []
[('a', 3), ('c', 3)] [('b', 1), ('e', 1), ('d', 2)]
[('a', 3), ('c', 3), ('f', 3), ('d', 2)] [('b', 1), ('e', 1), ('d', 2), ('a', 3)]
[] [] [4] ['e', 'h']
[9, 19, 29]
"#,
    );
}

#[test]
fn push_pop_and_heapify() {
    check(
        r#"import heapq
h = []
for x in [7, 3, 9, 1, 4, 1, 8]:
    heapq.heappush(h, x)
    print(x, h)
print([heapq.heappop(h) for _ in range(3)], h)
data = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0]
heapq.heapify(data)
print(data)
print(heapq.heappushpop(data, -1), heapq.heappushpop(data, 5), data)
print(heapq.heapreplace(data, 11), data)
words = ["pear", "apple", "fig", "kiwi", "banana"]
heapq.heapify(words)
print([heapq.heappop(words) for _ in range(len(words))])
for bad in (lambda: heapq.heappop([]), lambda: heapq.heapreplace([], 1), lambda: heapq.heappush((), 1), lambda: heapq.heapify({})):
    try:
        bad()
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
print(heapq.heappushpop([], 3))
"#,
        r#"7 [7]
3 [3, 7]
9 [3, 7, 9]
1 [1, 3, 9, 7]
4 [1, 3, 9, 7, 4]
1 [1, 3, 1, 7, 4, 9]
8 [1, 3, 1, 7, 4, 9, 8]
[1, 1, 3] [4, 7, 8, 9]
[0, 1, 4, 2, 6, 5, 8, 3, 7, 9, 10]
-1 0 [1, 2, 4, 3, 6, 5, 8, 5, 7, 9, 10]
1 [2, 3, 4, 5, 6, 5, 8, 11, 7, 9, 10]
['apple', 'banana', 'fig', 'kiwi', 'pear']
IndexError index out of range
IndexError index out of range
TypeError heappush() argument 1 must be list, not tuple
TypeError heapify() argument must be list, not dict
3
"#,
    );
}

#[test]
fn uncaught_heappop_empty() {
    check_uncaught(
        r#"import heapq
heapq.heappop([])
"#,
        r#""#,
        r#"IndexError: index out of range"#,
    );
}
