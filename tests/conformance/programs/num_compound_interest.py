# Money maths with floats: compound interest, loan payments, rounding per period.

def compound(principal, rate, years, periods=1):
    return principal * (1 + rate / periods) ** (periods * years)


for periods in (1, 4, 12, 365):
    print(f"{periods:>3} periods/year: {compound(1000, 0.05, 10, periods):.4f}")


def payment(principal, annual_rate, months):
    r = annual_rate / 12
    return principal * r / (1 - (1 + r) ** -months)


loan, rate, months = 20000, 0.06, 24
monthly = round(payment(loan, rate, months), 2)
print("monthly payment:", monthly)
balance = loan
total_interest = 0.0
for month in range(1, months + 1):
    interest = round(balance * rate / 12, 2)
    principal_part = round(monthly - interest, 2)
    if month == months:
        principal_part = round(balance, 2)
    balance = round(balance - principal_part, 2)
    total_interest = round(total_interest + interest, 2)
    if month <= 3 or month > months - 2:
        print(f"month {month:2d}: interest {interest:8.2f} principal {principal_part:8.2f} balance {balance:9.2f}")
print("total interest:", total_interest)

savings = 0.0
for year in range(1, 6):
    savings = (savings + 1200) * 1.04
    print(f"year {year}: {savings:10.2f} repr={savings!r}")
cents = sum(int(round(x * 100)) for x in [0.1] * 10)
print(cents, sum([0.1] * 10), cents / 100)
print(f"{1000 * 1.05 ** 30:.2f}", round(1000 * 1.05 ** 30, 2), 72 / 5)
