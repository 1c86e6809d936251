# Anagram groups and palindromes: classic string exercises.

words = ["listen", "silent", "enlist", "google", "gooegl", "cat", "act", "tac", "dog", "god", "odg", "bird"]
groups = {}
for w in words:
    key = "".join(sorted(w))
    groups.setdefault(key, []).append(w)
for key, members in groups.items():
    print(f"{key:<8} {members}")
print("largest group:", max(groups.values(), key=len))
print("loners:", [m[0] for m in groups.values() if len(m) == 1])


def is_anagram(a, b):
    clean = lambda s: sorted(ch for ch in s.lower() if ch.isalnum())
    return clean(a) == clean(b)


print(is_anagram("Dormitory", "Dirty room"), is_anagram("Hello", "World"))


def is_palindrome(s):
    chars = [ch.lower() for ch in s if ch.isalnum()]
    return chars == chars[::-1]


def longest_palindrome(s):
    best = ""
    for centre in range(len(s)):
        for lo, hi in ((centre, centre), (centre, centre + 1)):
            while lo >= 0 and hi < len(s) and s[lo] == s[hi]:
                lo -= 1
                hi += 1
            if hi - lo - 1 > len(best):
                best = s[lo + 1:hi]
    return best


for s in ["Was it a car or a cat I saw?", "No lemon, no melon", "Python", "", "上海自来水来自海上"]:
    print(repr(s), is_palindrome(s))
for s in ["babad", "forgeeksskeegfor", "abacdfgdcaba", "a", "abcd"]:
    print(s, "->", longest_palindrome(s))
print([n for n in range(100, 200) if str(n) == str(n)[::-1]])
