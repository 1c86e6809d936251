# A Condition shared by processes, once with fork and once with spawn:
# a producer process makes items and notifies consumer processes that
# wait_for stock in a shared Value; notify() wakes one sleeper and
# notify_all() the others; wait(timeout) with nobody to notify returns
# False. Two Conditions on one Lock let the parent wait until every
# sleeper is asleep, so nothing depends on timing.
import multiprocessing as mp
import time


def consumer(cond, stock, taken, i):
    with cond:
        cond.wait_for(lambda: stock.value > 0)
        stock.value -= 1
        taken[i] = 1


def producer(cond, stock, n):
    for _ in range(n):
        time.sleep(0.01)
        with cond:
            stock.value += 1
            cond.notify()


def sleeper(cond, arrived, asleep, woken):
    with cond:
        asleep.value += 1
        arrived.notify()
        cond.wait()
        woken.value += 1
        arrived.notify()


def impatient(cond, results, i):
    with cond:
        results[i] = int(cond.wait(0.05))


def run(method):
    ctx = mp.get_context(method)
    print("--", method)

    cond = ctx.Condition()
    stock = ctx.Value("i", 0, lock=False)
    taken = ctx.Array("i", 3, lock=False)
    ps = [ctx.Process(target=consumer, args=(cond, stock, taken, i)) for i in range(3)]
    ps.append(ctx.Process(target=producer, args=(cond, stock, 3)))
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print("taken", list(taken), "stock left", stock.value)
    with cond:
        print("wait_for timeout", cond.wait_for(lambda: stock.value > 0, timeout=0.05))

    lock = ctx.Lock()
    cond = ctx.Condition(lock)
    arrived = ctx.Condition(lock)
    asleep = ctx.Value("i", 0, lock=False)
    woken = ctx.Value("i", 0, lock=False)
    ps = [ctx.Process(target=sleeper, args=(cond, arrived, asleep, woken)) for _ in range(3)]
    for p in ps:
        p.start()
    with cond:
        arrived.wait_for(lambda: asleep.value == 3)
        print("asleep", asleep.value, cond)
        cond.notify()
        arrived.wait_for(lambda: woken.value == 1)
        print("after notify: woken", woken.value, cond)
        cond.notify_all()
        arrived.wait_for(lambda: woken.value == 3)
        print("after notify_all: woken", woken.value, cond)
    for p in ps:
        p.join()
    print("exit codes", [p.exitcode for p in ps], cond)

    results = ctx.Array("i", [7, 7], lock=False)
    ps = [ctx.Process(target=impatient, args=(cond, results, i)) for i in range(2)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    with cond:
        print("wait(0.05) in children", list(results), "in parent", cond.wait(0.05))


if __name__ == "__main__":
    run("fork")
    run("spawn")
