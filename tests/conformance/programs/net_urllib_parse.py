# urllib without the network: splitting, joining and quoting URLs the way
# a crawler does, Request objects, and the error classes.
from urllib.parse import (urlparse, urlsplit, urljoin, urlunparse, urlencode,
                          quote, quote_plus, unquote, unquote_plus, parse_qs,
                          parse_qsl, urldefrag)
from urllib.request import Request
from urllib.error import URLError, HTTPError

u = urlparse("https://User:pw@Blog.Example.com:8443/a/b;p?q=1&r=x+y#top")
print(u)
print(u.scheme, u.netloc, u.hostname, u.port, u.username, u.password, u.geturl())
s = urlsplit("http://example.com/path/page.html?x=1#frag")
print(s, s.port, s.hostname)
print(urlsplit("example.com/page"), urlsplit("mailto:me@example.com"))
base = "https://blog.example.com/posts/2025/page.html?x=1"
for rel in ["other.html", "../up", "/root", "//cdn.example.com/s.js", "?y=2",
            "#c", "", "https://else.org/", "./a/./b/../c", "../../../../x"]:
    print(repr(rel), "->", urljoin(base, rel))
print(urljoin("https://h/page/1", "/page/2"), urljoin("https://h", "next"))
print(urlunparse(("https", "h.org", "/p", "", "a=1", "f")))
print(urlencode({"q": "gil lock", "lang": "中文", "n": 3}))
print(urlencode([("a", 1), ("a", 2)]), urlencode({"a": [1, 2]}, doseq=True))
print(quote("/path with space/ä?"), quote("a/b", safe=""), quote_plus("a b&c"))
print(unquote("%E4%B8%AD%20x%zz"), unquote_plus("a+b%21"))
print(parse_qs("a=1&a=2&b=&c=x+y"), parse_qs("a=1&b=", keep_blank_values=True))
print(parse_qsl("x=1&y=%2F&z"), urldefrag("http://h/p#frag"))
try:
    urlsplit("http://[::1/")
except ValueError as e:
    print("ValueError", e)
r = Request("https://example.com/api?x=1#f", data=b"k=v", headers={"X-TOKEN": "t"})
print(r.full_url, r.type, r.host, r.selector, r.get_method(), r.headers, r.fragment)
r.add_header("user-agent", "crawler/1")
print(r.has_header("User-agent"), r.get_header("X-token"), sorted(r.header_items()))
print(Request("http://h/", method="PUT").get_method(), Request("http://h/").get_method())
try:
    Request("example.com")
except ValueError as e:
    print("ValueError", e)
e = URLError("no host given")
print(e, e.reason, e.args, isinstance(e, OSError))
h = HTTPError("http://h/x", 404, "Not Found", {}, None)
print(h, repr(h), h.code, h.reason, h.status, isinstance(h, URLError), h.geturl())
