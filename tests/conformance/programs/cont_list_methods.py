# Every list method learners use, with the list printed after each step.

items = [5, 3, 8]
items.append(1)
print("append 1:", items)
items.extend([9, 3])
print("extend [9, 3]:", items)
items.extend("ab")
print("extend 'ab':", items)
items.insert(0, "first")
items.insert(100, "last")
items.insert(-1, "before last")
print("inserts:", items)
items.remove("a")
items.remove(3)
print("remove 'a' and the first 3:", items)
print("pop():", items.pop(), "pop(0):", items.pop(0), "pop(-2):", items.pop(-2), items)
print("index(8):", items.index(8), "count(3):", items.count(3), "count(7):", items.count(7))
nums = [n for n in items if isinstance(n, int)]
nums.sort()
print("sorted ints:", nums)
nums.sort(reverse=True)
print("reverse sort:", nums)
nums.reverse()
print("reverse():", nums)
copy = nums.copy()
copy.append(100)
print("copy is separate:", nums, copy)
copy.clear()
print("clear():", copy, len(copy))
letters = list("mississippi")
print(letters.index("s"), letters.index("s", 4), letters.index("i", 5, 9))
for bad in [lambda: letters.remove("z"), lambda: letters.index("z"), lambda: [].pop(), lambda: letters.pop(50)]:
    try:
        bad()
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
words = ["pear", "Fig", "apple", "date"]
words.sort(key=len)
print(words)
words.sort(key=str.lower)
print(words)
print([1, 2] * 3, [1, 2] + [3], [[0]] * 2, 2 in [1, 2], [3, 1, 2] == [3, 1, 2])
