# requests' API without the network: the exception hierarchy, URL errors
# raised before any connection, CaseInsensitiveDict, Response by hand.
# requires: requests
import requests
from requests import exceptions as exc
from requests.structures import CaseInsensitiveDict

for name in ["ConnectTimeout", "ReadTimeout", "HTTPError", "MissingSchema",
             "InvalidSchema", "InvalidURL", "ConnectionError", "JSONDecodeError"]:
    cls = getattr(exc, name)
    print(name, [b.__name__ for b in cls.__mro__[1:4]],
          issubclass(cls, OSError), issubclass(cls, ValueError),
          issubclass(cls, requests.Timeout))
print(requests.Timeout is exc.Timeout, requests.RequestException is exc.RequestException)

for url in ["example.com/page", "ftp://example.com/file", "http://"]:
    try:
        requests.get(url)
    except requests.RequestException as e:
        print(type(e).__name__, "|", e)

h = CaseInsensitiveDict({"Content-Type": "text/html"})
h["ACCEPT"] = "*/*"
print(h["content-type"], h.get("accept"), "X" in h, len(h), sorted(h))
h["content-TYPE"] = "application/json"
print(list(h.items()), h == {"accept": "*/*", "Content-Type": "application/json"})
print(h.copy() == h, h.pop("accept"), len(h))

r = requests.Response()
r.status_code = 503
r.reason = "Service Unavailable"
r.url = "https://example.com/api"
print(repr(r), r.ok, bool(r))
try:
    r.raise_for_status()
except requests.HTTPError as e:
    print(e, e.response is r, e.request)
r.status_code = 404
r.reason = "Not Found"
try:
    r.raise_for_status()
except exc.HTTPError as e:
    print(e)
r.status_code = 204
print(r.ok, r.raise_for_status())
print(requests.codes.ok, requests.codes.not_found, requests.codes.TOO_MANY_REQUESTS)
s = requests.Session()
print(s.headers["Accept"], s.headers["Connection"], "User-Agent" in s.headers)
print(type(s.headers).__name__)
try:
    raise exc.ReadTimeout("read timed out", request=None)
except requests.Timeout as e:
    print("caught", type(e).__name__, e.args)
