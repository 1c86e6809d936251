# Set-based algorithms: dedupe keeping order, common items, graph reachability.

def dedupe(items):
    seen = set()
    out = []
    for x in items:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


print(dedupe([3, 1, 3, 2, 1, 5, 2]), dedupe("mississippi"), dedupe([]))
a = [1, 2, 2, 3, 4, 5]
b = [4, 5, 5, 6, 7]
print(sorted(set(a) & set(b)), sorted(set(a) - set(b)), sorted(set(a) ^ set(b)))
print([x for x in a if x in set(b)], len(set(a) | set(b)))
graph = {1: [2, 3], 2: [4], 3: [4, 5], 4: [6], 5: [6], 6: [], 7: [1], 8: []}


def reachable(start):
    seen = {start}
    todo = [start]
    while todo:
        node = todo.pop()
        for nxt in graph[node]:
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


for node in (1, 3, 6, 7, 8):
    print(node, "reaches", sorted(reachable(node)))
all_nodes = set(graph)
targets = {n for succ in graph.values() for n in succ}
print("roots:", sorted(all_nodes - targets), "leaves:", sorted(n for n in graph if not graph[n]))
print("unreachable from 1:", sorted(all_nodes - reachable(1)))
students_math = {101, 102, 103, 105}
students_art = {102, 104, 105}
students_music = {101, 105, 106}
print("all three:", students_math & students_art & students_music)
print("exactly one:", sorted((students_math ^ students_art ^ students_music) - (students_math & students_art & students_music)))
print("any:", sorted(students_math | students_art | students_music))
print("math only:", students_math - students_art - students_music)
squares = {n * n for n in range(1, 30)}
print("sum of two squares below 50:", sorted({a + b for a in squares for b in squares if a + b < 50}))
