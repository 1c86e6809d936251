# heapq: heappush, heappop, heapify, nlargest, nsmallest, merge, heappushpop.
import heapq

heap = []
for n in [5, 1, 8, 3, 9, 2, 7]:
    heapq.heappush(heap, n)
    print(f"push {n}: {heap}")
print("smallest:", heap[0])
print("pop order:", [heapq.heappop(heap) for _ in range(len(heap))])

data = [9, 4, 7, 1, 8, 2, 6, 3, 5]
heapq.heapify(data)
print("heapified:", data)
print(heapq.heappushpop(data, 0), heapq.heapreplace(data, 10), data)
scores = {"ann": 88, "bob": 95, "cy": 70, "di": 95, "ed": 60, "flo": 82}
print(heapq.nlargest(3, scores, key=scores.get), heapq.nsmallest(2, scores.items(), key=lambda kv: kv[1]))
print(heapq.nlargest(3, [5, 1, 8, 3]), heapq.nsmallest(3, [5, 1, 8, 3]), heapq.nlargest(10, [2, 1]))
print(list(heapq.merge([1, 4, 9], [2, 3, 10], [5])), list(heapq.merge(["a", "c"], ["b"], key=str.upper)))
print(list(heapq.merge([9, 4, 1], [8, 2], reverse=True)))
maxheap = []
for n in [3, 1, 4, 1, 5]:
    heapq.heappush(maxheap, -n)
print("max-heap pops:", [-heapq.heappop(maxheap) for _ in range(3)])
tuples = []
for item in [(2, "write"), (1, "plan"), (3, "test"), (1, "coffee")]:
    heapq.heappush(tuples, item)
print([heapq.heappop(tuples) for _ in range(4)])
try:
    heapq.heappop([])
except IndexError as e:
    print("IndexError:", e)


def kth_smallest(items, k):
    return heapq.nsmallest(k, items)[-1]


print(kth_smallest([7, 10, 4, 3, 20, 15], 3), kth_smallest(range(100, 0, -1), 10))
running = []
medians = []
for x in [5, 15, 1, 3, 8, 7]:
    heapq.heappush(running, x)
    s = sorted(running)
    medians.append(s[len(s) // 2])
print(medians)
