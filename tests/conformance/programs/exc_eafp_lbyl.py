# EAFP (try first) versus LBYL (check first), with the same results.

records = [
    {"name": "ann", "age": "31", "email": "ann@example.org"},
    {"name": "bob", "age": "x"},
    {"name": "cy"},
    {"name": "di", "age": "-4", "email": "di@"},
    "not a dict",
]


def age_lbyl(record):
    if not isinstance(record, dict):
        return "not a record"
    if "age" not in record:
        return "no age"
    text = record["age"]
    if not text.lstrip("-").isdigit():
        return "bad age"
    age = int(text)
    if age < 0:
        return "negative age"
    return age


def age_eafp(record):
    try:
        age = int(record["age"])
    except TypeError:
        return "not a record"
    except KeyError:
        return "no age"
    except ValueError:
        return "bad age"
    if age < 0:
        return "negative age"
    return age


for r in records:
    a, b = age_lbyl(r), age_eafp(r)
    print(f"{str(r)[:30]:<32} {a!r:<16} {b!r:<16} same={a == b}")

emails = {}
for r in records:
    try:
        user, domain = r["email"].split("@")
        if not domain:
            raise ValueError("empty domain")
        emails[r["name"]] = domain
    except (KeyError, TypeError):
        continue
    except ValueError as e:
        print("bad email for", r["name"], "-", e)
print(emails)
