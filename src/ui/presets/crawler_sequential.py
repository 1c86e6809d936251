# The 10-page crawler, one page after another with requests. Each
# requests.get waits for the (simulated) network: connect, the server's
# answer, the transfer. Nothing else happens while it waits.
import time
import requests

urls = [f"https://blog.example.com/page/{i}" for i in range(1, 11)]

start = time.perf_counter()
sizes = []
for url in urls:
    response = requests.get(url)
    sizes.append(len(response.text))
elapsed = time.perf_counter() - start

print("pages:", len(sizes), "all over 20 KB:", all(s > 20_000 for s in sizes))
print(f"took {elapsed:.2f} s sequential")
