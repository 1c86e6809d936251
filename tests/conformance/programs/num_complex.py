# Complex numbers: literals, arithmetic, abs, conjugate, and their repr.

z = 3 + 4j
w = complex(1, -2)
print(z, w, type(z).__name__, z.real, z.imag, abs(z), z.conjugate())
print(z + w, z - w, z * w, z / w, -z, z ** 2, 1j * 1j, (1j) ** 2)
print(complex(2), complex("1+2j"), complex(0, 0), 2j, -0j, 1 + 0j, complex(1.5, -0.0))
print(z == complex(3, 4), z != w, z == 3 + 4j, (1 + 0j) == 1, 2j * 0 == 0)
try:
    z < w
except TypeError as e:
    print("TypeError:", e)
try:
    int(z)
except TypeError as e:
    print("TypeError:", e)


def quadratic(a, b, c):
    disc = b * b - 4 * a * c
    root = disc ** 0.5 if disc >= 0 else complex(0, (-disc) ** 0.5)
    return (-b + root) / (2 * a), (-b - root) / (2 * a)


for coeffs in [(1, -3, 2), (1, 2, 5), (1, 0, 1), (2, 4, 2)]:
    print(coeffs, "->", quadratic(*coeffs))
points = [complex(x, y) for x, y in [(0, 0), (3, 4), (-1, 1)]]
print([abs(p) for p in points], max(points, key=abs))
rotate = 1j
p = 2 + 1j
print([p * rotate ** k for k in range(4)])
print(f"{z}", f"{z.real:.1f}", repr(complex(1e20, 1e-20)), str(complex(-1, -1)))
print(sum([1j, 2, 3 + 1j]), hash(1 + 0j) == hash(1))
