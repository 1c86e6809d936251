# staticmethod and classmethod: helpers and alternative constructors.

class Date:
    days_in_month = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

    def __init__(self, year, month, day):
        if not Date.is_valid(year, month, day):
            raise ValueError(f"invalid date {year}-{month}-{day}")
        self.year, self.month, self.day = year, month, day

    @staticmethod
    def is_leap(year):
        return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)

    @staticmethod
    def is_valid(year, month, day):
        if not 1 <= month <= 12:
            return False
        limit = Date.days_in_month[month - 1]
        if month == 2 and Date.is_leap(year):
            limit = 29
        return 1 <= day <= limit

    @classmethod
    def from_string(cls, text):
        year, month, day = map(int, text.split("-"))
        return cls(year, month, day)

    @classmethod
    def first_of_year(cls, year):
        return cls(year, 1, 1)

    def __repr__(self):
        return f"{type(self).__name__}({self.year:04d}-{self.month:02d}-{self.day:02d})"


class BirthDate(Date):
    pass


print(Date.from_string("2024-02-29"))
print(BirthDate.from_string("1999-12-31"))
print(BirthDate.first_of_year(2000))
print([y for y in (1900, 2000, 2023, 2024) if Date.is_leap(y)])
d = Date(2023, 5, 17)
print(d.is_leap(2024), d.is_valid(2023, 2, 29))
for text in ["2023-02-29", "2024-13-01", "2024-04-31"]:
    try:
        Date.from_string(text)
    except ValueError as e:
        print("ValueError:", e)
try:
    Date.from_string("2024/01/01")
except ValueError as e:
    print("ValueError:", e)
print(type(Date.__dict__["is_leap"]).__name__, type(Date.__dict__["from_string"]).__name__)
