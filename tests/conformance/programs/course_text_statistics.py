# Course notes: statistics about a text — sentences, words, frequencies, readability.

TEXT = """Concurrency is not parallelism. Concurrency is about dealing with lots of
things at once. Parallelism is about doing lots of things at once! Not the same,
but related. One is about structure, one is about execution. Concurrency provides
a way to structure a solution to solve a problem that may (but not necessarily)
be parallelizable?"""


def sentences(text):
    out, current = [], ""
    for ch in text.replace("\n", " "):
        current += ch
        if ch in ".!?":
            out.append(current.strip())
            current = ""
    if current.strip():
        out.append(current.strip())
    return out


def words(text):
    cleaned = "".join(ch.lower() if ch.isalpha() or ch == "'" else " " for ch in text)
    return cleaned.split()


def syllables(word):
    vowels = "aeiouy"
    count, previous = 0, False
    for ch in word:
        is_vowel = ch in vowels
        if is_vowel and not previous:
            count += 1
        previous = is_vowel
    if word.endswith("e") and count > 1:
        count -= 1
    return max(count, 1)


sents = sentences(TEXT)
ws = words(TEXT)
print("sentences:", len(sents))
for s in sents:
    print(f"  ({len(words(s)):2d} words) {s}")
print("words:", len(ws), "unique:", len(set(ws)))
print("average word length:", round(sum(map(len, ws)) / len(ws), 2))
freq = {}
for w in ws:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:7]
print("top words:", top)
print("longest words:", sorted(set(ws), key=lambda w: (-len(w), w))[:3])
total_syllables = sum(syllables(w) for w in ws)
score = 206.835 - 1.015 * len(ws) / len(sents) - 84.6 * total_syllables / len(ws)
print("syllables:", total_syllables, "reading ease:", round(score, 1))
print("lines:", len(TEXT.splitlines()), "characters:", len(TEXT), "letters:", sum(c.isalpha() for c in TEXT))
