# IndexError from an off-by-one loop.

def moving_average(values, window):
    averages = []
    for start in range(len(values) - window + 1):
        chunk = values[start:start + window]
        averages.append(sum(chunk) / window)
    return averages


def pairwise_differences(values):
    diffs = []
    for i in range(len(values)):
        diffs.append(values[i + 1] - values[i])
    return diffs


prices = [10, 12, 11, 15, 18, 17]
print("moving average:", moving_average(prices, 3))
print("window 1:", moving_average(prices, 1))
print("window 6:", moving_average(prices, 6))
print("window 7:", moving_average(prices, 7))
print("differences:", pairwise_differences(prices))
print("never printed")


def fixed_pairwise(values):
    return [b - a for a, b in zip(values, values[1:])]
