# A retry decorator driven by exceptions, with a deterministic flaky function.
import functools


def retry(times, exceptions=(Exception,)):
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            last = None
            for attempt in range(1, times + 1):
                try:
                    result = func(*args, **kwargs)
                    print(f"  attempt {attempt}: ok")
                    return result
                except exceptions as e:
                    print(f"  attempt {attempt}: {type(e).__name__}: {e}")
                    last = e
            raise RuntimeError(f"{func.__name__} failed after {times} attempts") from last

        return wrapper

    return decorate


failures = iter([True, True, False, True, True, True, True])


@retry(3, exceptions=(ConnectionError,))
def fetch(url):
    if next(failures):
        raise ConnectionError(f"cannot reach {url}")
    return f"content of {url}"


print("first call:")
print(fetch("http://a"))
print("second call:")
try:
    fetch("http://b")
except RuntimeError as e:
    print("gave up:", e, "| cause:", repr(e.__cause__))


@retry(2, exceptions=(ValueError,))
def parse(text):
    return int(text)


print("third call:")
try:
    parse([1])
except TypeError as e:
    print("not retried:", e)
print(parse("42"))
