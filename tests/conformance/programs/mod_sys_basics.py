# The sys module: argv, version_info checks, stdout/stderr, recursion limit, maxsize.
import sys

print("argv length:", len(sys.argv))
print("script name:", sys.argv[0].rsplit("/", 1)[-1])
print("extra args:", sys.argv[1:])
print("major version is 3:", sys.version_info[0] == 3, sys.version_info.major == 3)
print("at least 3.8:", sys.version_info >= (3, 8))
print("at least 3.10 (match statements):", sys.version_info >= (3, 10))
print("older than 4.0:", sys.version_info < (4,))
print("version_info is a tuple-like:", len(sys.version_info[:2]), type(sys.version_info[:2]).__name__)
if sys.version_info < (3, 6):
    print("f-strings are not available")
else:
    print("f-strings are available")
print("recursion limit:", sys.getrecursionlimit())
print("byteorder known:", sys.byteorder in ("little", "big"))
print("stdout and stderr differ:", sys.stdout is not sys.stderr)
print("modules has sys:", "sys" in sys.modules, "__main__" in sys.modules)
written = sys.stdout.write("written directly\n")
print("characters written:", written)
sys.stdout.write("中文 also counts characters: ")
print(sys.stdout.write("你好\n"))
sys.stderr.write("a diagnostic line on stderr\n")
print("float epsilon:", sys.float_info.epsilon, "max:", sys.float_info.max)
print("int digits to str limit exists:", hasattr(sys, "get_int_max_str_digits"))
sys.stdout.flush()
print(sys.intern("interned") == "interned")
print("main module name:", sys.modules["__main__"].__name__)
