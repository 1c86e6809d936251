//! The simulated `string` module against CPython 3.11: each test runs a small
//! program and compares with what python3 printed for it (pasted below).
//! Covers the constants, capwords, Template (substitute, safe_substitute,
//! errors, identifiers, a custom delimiter) and Formatter.

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
fn constants_and_capwords() {
    check(
        r#"import string
for name in ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "digits", "hexdigits", "octdigits", "punctuation", "whitespace", "printable"]:
    print(name, repr(getattr(string, name)), len(getattr(string, name)))
print(string.capwords("  the quick\tBROWN fox  "), "|", string.capwords("a.b.c", "."), "|", string.capwords("x--y", "-"), "|", string.capwords(""))
print(sorted(n for n in string.__all__))
"#,
        r##"ascii_letters 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ' 52
ascii_lowercase 'abcdefghijklmnopqrstuvwxyz' 26
ascii_uppercase 'ABCDEFGHIJKLMNOPQRSTUVWXYZ' 26
digits '0123456789' 10
hexdigits '0123456789abcdefABCDEF' 22
octdigits '01234567' 8
punctuation '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~' 32
whitespace ' \t\n\r\x0b\x0c' 6
printable '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~ \t\n\r\x0b\x0c' 100
The Quick Brown Fox | A.B.C | X--Y | 
['Formatter', 'Template', 'ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'capwords', 'digits', 'hexdigits', 'octdigits', 'printable', 'punctuation', 'whitespace']
"##,
    );
}

#[test]
fn formatter() {
    check(
        r#"import string
f = string.Formatter()
for s in ['a{{b}}c{x!r:>5}d', '{}', '{0}{1}', '{a[0].b:{w}}', 'x}}', '{{', 'plain', '', '{:}', '{!s}', '{a!r}']:
    print(repr(s), list(f.parse(s)))
for s in ['{', '}', 'a{b', '{0[}']:
    try:
        print(list(f.parse(s)))
    except ValueError as e:
        print('ValueError', e)
print(f.format('{} {}', 1, 2), f.format('{0:>{1}}|{x!r}', 'ab', 5, x='q'), f.format('{a[k]} {b.real} {c[1]}', a={'k': 9}, b=3, c=[7, 8]))
print(f.format('{:{}}|{:>{}.{}f}', 'x', 3, 3.14159, 8, 2), f.format('{0!a} {0!s}', 'é'))
for bad in ['{} {0}', '{0} {}', '{5}', '{x}', '{!z}']:
    try:
        print(f.format(bad, 1))
    except Exception as e:
        print(type(e).__name__, e)

class Upper(string.Formatter):
    def format_field(self, value, spec):
        return super().format_field(value, spec).upper()
    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return f"<{key}>"
        return super().get_value(key, args, kwargs)

print(Upper().format("{greeting}, {name}! {0:.1f}", 2.25, greeting="hello"))
"#,
        r#"'a{{b}}c{x!r:>5}d' [('a{', None, None, None), ('b}', None, None, None), ('c', 'x', '>5', 'r'), ('d', None, None, None)]
'{}' [('', '', '', None)]
'{0}{1}' [('', '0', '', None), ('', '1', '', None)]
'{a[0].b:{w}}' [('', 'a[0].b', '{w}', None)]
'x}}' [('x}', None, None, None)]
'{{' [('{', None, None, None)]
'plain' [('plain', None, None, None)]
'' []
'{:}' [('', '', '', None)]
'{!s}' [('', '', '', 's')]
'{a!r}' [('', 'a', '', 'r')]
ValueError Single '{' encountered in format string
ValueError Single '}' encountered in format string
ValueError expected '}' before end of string
ValueError expected '}' before end of string
1 2    ab|'q' 9 3 8
x  |    3.14 '\xe9' é
ValueError cannot switch from manual field specification to automatic field numbering
ValueError cannot switch from manual field specification to automatic field numbering
IndexError tuple index out of range
KeyError 'x'
ValueError Unknown conversion specifier z
HELLO, <NAME>! 2.2
"#,
    );
}

#[test]
fn template() {
    check(
        r#"from string import Template
t = Template("$who likes $what; ${who}'s cost: $$${price}")
print(t.substitute(who="tim", what="kung pao", price=10))
print(t.substitute({"who": "ann", "what": "tea"}, price=3, what="cake"))
print(t.safe_substitute(who="bo"))
print(t.get_identifiers(), t.is_valid(), t.template)
for text, kw in [("$x and $y", {"x": 1}), ("${x", {"x": 1}), ("bad $ here", {}), ("line1\nline2 $", {}), ("$1abc", {}), ("${}", {})]:
    try:
        print(repr(Template(text).substitute(**kw)))
    except (KeyError, ValueError) as e:
        print(type(e).__name__, e)
    print(repr(Template(text).safe_substitute(**kw)), Template(text).is_valid())
print(Template("$a_1$b ${c}d $$e $é").safe_substitute(a_1="A", b="B", c="C"))
print(Template("$$$$ $x$x").substitute(x=0))

class Percent(Template):
    delimiter = "%"

print(Percent("100%% of %name, %{n}x").substitute(name="all", n=2))
"#,
        r#"tim likes kung pao; tim's cost: $10
ann likes cake; ann's cost: $3
bo likes $what; bo's cost: $${price}
['who', 'what', 'price'] True $who likes $what; ${who}'s cost: $$${price}
KeyError 'y'
'1 and $y' True
ValueError Invalid placeholder in string: line 1, col 1
'${x' False
ValueError Invalid placeholder in string: line 1, col 5
'bad $ here' False
ValueError Invalid placeholder in string: line 2, col 7
'line1\nline2 $' False
ValueError Invalid placeholder in string: line 1, col 1
'$1abc' False
ValueError Invalid placeholder in string: line 1, col 1
'${}' False
AB Cd $e $é
$$ 00
100% of all, 2x
"#,
    );
}

#[test]
fn uncaught_template_key_error() {
    check_uncaught(
        r#"from string import Template
Template("$who and $what").substitute(who="me")
"#,
        r#""#,
        r#"KeyError: 'what'"#,
    );
}
