# The operator module's functions as first-class versions of the operators.
import operator
from functools import reduce

pairs = [(7, 2), (-7, 2), (2, 10)]
for name in ["add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "lshift", "and_", "or_", "xor"]:
    fn = getattr(operator, name)
    print(f"{name:<9}", [fn(a, b) for a, b in pairs])
print(operator.neg(5), operator.pos(-5), operator.abs(-3), operator.invert(5), operator.not_(0), operator.truth([]))
print(operator.eq(1, 1.0), operator.ne("a", "b"), operator.lt(1, 2), operator.ge(2, 2), operator.is_(None, None))
print(operator.contains([1, 2], 2), operator.countOf([1, 2, 1], 1), operator.indexOf("abc", "c"))
print(operator.concat([1], [2]), operator.getitem({"k": "v"}, "k"), operator.getitem("hello", slice(1, 3)))
data = [1, 2, 3]
operator.setitem(data, 0, 100)
operator.delitem(data, 1)
print(data, operator.iadd([1], [2]), operator.index(7))
print(reduce(operator.mul, range(1, 11)), reduce(operator.add, map(str, range(5))))
ops = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv, "^": operator.pow}


def calc(expression):
    tokens = expression.split()
    result = float(tokens[0])
    for op, value in zip(tokens[1::2], tokens[2::2]):
        result = ops[op](result, float(value))
    return result


for expr in ["1 + 2 * 3", "10 / 4 - 1", "2 ^ 10", "7 - 10 * -1"]:
    print(expr, "=", calc(expr))
print(list(map(operator.mul, [1, 2, 3], [4, 5, 6])), sum(map(operator.mul, [1, 2, 3], [4, 5, 6])))
print(sorted([(1, "b"), (0, "c"), (1, "a")], key=operator.itemgetter(1)))
