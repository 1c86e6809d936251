# repr() of strings: quote choice, escapes, and raw strings.

samples = [
    "plain",
    "it's",
    'say "hi"',
    "both ' and \"",
    "tab\there",
    "new\nline",
    "back\\slash",
    "bell\a null\0 esc\x1b del\x7f",
    "\r\f\v",
    "ünïcödé",
    "中文 ok",
    "emoji 😀",
    "\u200b zero-width",
    "\x80\x9f control range",
    "",
]
for s in samples:
    print(repr(s), len(s))

print(r"raw \n stays", len(r"\n"), r"C:\new\table")
print("\\n", "\\", "\'", "\"", "\x41\u0042\U00000043\101")
print("\N{GREEK SMALL LETTER ALPHA}\N{SNOWMAN}", "\u00e9" == "é")
print([repr(c) for c in "a'b\"c\\"])
print(str(["it's", 'q"', "\n"]), repr(("tab\t",)))
print(repr(repr("x")), eval(repr("a'b\"\n")) == "a'b\"\n")
print("multi" "part" 'string', "concat" + "enated")
long = ("a string split "
        "over several "
        "lines")
print(long)
print("""triple "quoted" with 'both'""", '''and single-triple''')
print("""line one
line two""".split("\n"))
