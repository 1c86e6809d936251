# Unicode text, Chinese first: length, slicing, counting, formatting.

greeting = "你好，世界！"
print(greeting, len(greeting), greeting[0], greeting[-1], greeting[2:4])
print(greeting[::-1], "世界" in greeting, greeting.find("世界"), greeting.count("好"))

poem = "床前明月光，疑是地上霜。举头望明月，低头思故乡。"
lines = [l for l in poem.replace("。", "，").split("，") if l]
for i, line in enumerate(lines, 1):
    print(i, line, len(line))
freq = {}
for ch in poem:
    if ch not in "，。":
        freq[ch] = freq.get(ch, 0) + 1
repeated = sorted((ch, n) for ch, n in freq.items() if n > 1)
print(repeated)
print("总字数:", sum(freq.values()), "不同的字:", len(freq))

names = ["张伟", "王芳", "李娜", "刘洋"]
scores = [92, 85.5, 78, 100]
print("姓名".ljust(6) + "分数")
for name, score in zip(names, scores):
    print(f"{name:<6}{score:>6.1f}")
print(f"平均分: {sum(scores) / len(scores):.2f}")
print(sorted(names), [ord(n[0]) for n in names])
print("中文".encode("utf-8"), "中文".encode("utf-8").decode("utf-8"))
print("并发".center(10, "*"), "线程".rjust(6, "-"), "进程".zfill(5))
mixed = "Python 是一种编程语言, version 3.11"
print(mixed.upper(), mixed.split(), len(mixed))
print([c for c in mixed if "\u4e00" <= c <= "\u9fff"])
print("日本語 한국어 Ελληνικά русский".split(), "Ελληνικά".upper(), "РУССКИЙ".lower())
print("ａｂｃ１２３".isalnum(), "１２３".isdigit(), int("１２３") + 1)
