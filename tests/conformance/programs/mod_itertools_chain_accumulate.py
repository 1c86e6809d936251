# itertools.chain, accumulate, zip_longest, starmap, compress, pairwise, tee.
from itertools import chain, accumulate, zip_longest, starmap, compress, pairwise, tee, filterfalse
import operator

print(list(chain("ab", [1, 2], (3,))), list(chain.from_iterable([[1, 2], [3], []])))
print(list(chain()), list(chain.from_iterable(["xy", "z"])))
print(list(accumulate([1, 2, 3, 4, 5])), list(accumulate([1, 2, 3, 4, 5], operator.mul)))
print(list(accumulate([3, 1, 4, 1, 5, 9, 2], max)), list(accumulate([1, 2, 3], initial=100)))
print(list(accumulate(["a", "b", "c"])), list(accumulate([])))
balance = list(accumulate([100, -20, -50, 30, -80], initial=0))
print(balance, min(balance))
print(list(zip_longest("abc", [1])), list(zip_longest("ab", "xyz", fillvalue="-")))
print(list(zip_longest()), list(zip_longest([1, 2], [], [3], fillvalue=0)))
print(list(starmap(pow, [(2, 3), (3, 2), (10, 0)])), list(starmap(operator.add, zip("ab", "cd"))))
print(list(compress("abcdef", [1, 0, 1, 0, 1, 1])), list(compress(range(10), (n % 3 == 0 for n in range(10)))))
print(list(pairwise([1, 4, 9, 16])), list(pairwise("ab")), list(pairwise("a")))
print(list(filterfalse(str.isdigit, "a1b2c3")))
a, b = tee(iter([1, 2, 3]))
print(list(a), list(b))
left, right = tee(range(5))
next(right)
print([y - x for x, y in zip(left, right)])
table = [["name", "age"], ["ann", 31], ["bob"]]
for row in zip_longest(*table, fillvalue="?"):
    print(row)
running_avg = [total / n for n, total in enumerate(accumulate([10, 20, 30, 40]), 1)]
print(running_avg)
