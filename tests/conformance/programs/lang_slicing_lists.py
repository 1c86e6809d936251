# Slicing lists: start, stop, step, negatives, assignment and deletion.

nums = list(range(10))
print(nums[2:5], nums[:3], nums[7:], nums[:])
print(nums[-3:], nums[:-3], nums[-5:-2])
print(nums[::2], nums[1::2], nums[::3])
print(nums[::-1], nums[::-2], nums[8:2:-2])
print(nums[5:2], nums[100:], nums[-100:2], nums[2:100:4])
print(nums[-1:-4:-1], nums[3::-1], nums[:3:-1])

copy = nums[:]
copy[0] = 99
print(nums[0], copy[0])

letters = list("abcdefgh")
letters[1:3] = ["X", "Y", "Z"]
print(letters)
letters[2:5] = []
print(letters)
letters[:0] = ["start"]
print(letters)
letters[len(letters):] = ["end"]
print(letters)
letters[::2] = ["0"] * len(letters[::2])
print(letters)
try:
    letters[::2] = ["too", "few"]
except ValueError as e:
    print("ValueError:", e)

grid = list(range(20))
del grid[::3]
print(grid)
del grid[2:6]
print(grid)
del grid[-2:]
print(grid)
del grid[0]
print(grid)

s = slice(1, 8, 3)
print(s, nums[s], s.start, s.stop, s.step)
print(slice(None, None, -1).indices(5), slice(2, 100).indices(10))
rev = nums[::-1]
rev[1:4] = "abc"
print(rev)
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[::-1] for row in matrix[::-1]])
print([row[1] for row in matrix], matrix[1][::2])
try:
    nums[::0]
except ValueError as e:
    print("ValueError:", e)
