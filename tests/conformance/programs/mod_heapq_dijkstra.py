# Dijkstra's shortest paths and a k-way merge, both driven by heapq.
import heapq

graph = {
    "A": {"B": 4, "C": 2},
    "B": {"C": 5, "D": 10},
    "C": {"E": 3},
    "D": {"F": 11},
    "E": {"D": 4},
    "F": {},
    "G": {"A": 1},
}


def dijkstra(start):
    dist = {start: 0}
    prev = {}
    heap = [(0, start)]
    visited = []
    while heap:
        d, node = heapq.heappop(heap)
        if d > dist.get(node, float("inf")):
            continue
        visited.append(node)
        for nxt, weight in graph[node].items():
            nd = d + weight
            if nd < dist.get(nxt, float("inf")):
                dist[nxt] = nd
                prev[nxt] = node
                heapq.heappush(heap, (nd, nxt))
    return dist, prev, visited


def path_to(prev, target):
    path = [target]
    while path[-1] in prev:
        path.append(prev[path[-1]])
    return path[::-1]


dist, prev, visited = dijkstra("A")
print("visit order:", visited)
for node in sorted(graph):
    if node in dist:
        print(f"{node}: {dist[node]:>3} via {' -> '.join(path_to(prev, node))}")
    else:
        print(f"{node}: unreachable")


def k_way_merge(lists):
    heap = [(lst[0], i, 0) for i, lst in enumerate(lists) if lst]
    heapq.heapify(heap)
    out = []
    while heap:
        value, i, j = heapq.heappop(heap)
        out.append(value)
        if j + 1 < len(lists[i]):
            heapq.heappush(heap, (lists[i][j + 1], i, j + 1))
    return out


print(k_way_merge([[1, 5, 9], [2, 2, 8], [], [0, 10]]))
