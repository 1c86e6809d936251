# Slicing strings and tuples (immutable: no slice assignment).

word = "conformance"
print(word[0], word[-1], word[3:7], word[:4], word[4:])
print(word[::-1], word[::2], word[1::3], word[-4::-2])
print(repr(word[5:5]), repr(word[20:]), word[-100:3])

def is_palindrome(text):
    cleaned = "".join(ch.lower() for ch in text if ch.isalnum())
    return cleaned == cleaned[::-1]


for phrase in ["Racecar", "A man, a plan, a canal: Panama", "python", ""]:
    print(repr(phrase), is_palindrome(phrase))

t = (1, 2, 3, 4, 5, 6)
print(t[1:4], t[::-1], t[::2], t[-2:], type(t[1:3]).__name__)
try:
    t[0:2] = (9, 9)
except TypeError as e:
    print("TypeError:", e)
try:
    word[0] = "C"
except TypeError as e:
    print("TypeError:", e)

chinese = "你好，世界！欢迎学习并发"
print(chinese[:2], chinese[3:5], chinese[::-1])
print(len(chinese), chinese[-4:])

date = "2024-03-15"
year, month, day = date[:4], date[5:7], date[8:]
print(year, month, day, int(month) + 1)

def chunks(text, size):
    return [text[i:i + size] for i in range(0, len(text), size)]


print(chunks("abcdefghij", 3))
print(chunks("", 3))
print("rotate:", [word[i:] + word[:i] for i in range(3)])
b = b"bytes slice"
print(b[:5], b[-5:], b[0], b[::-1])
r = range(100)[10:50:7]
print(r, list(r), r[::-1])
