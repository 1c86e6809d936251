# Ping-pong over a duplex Pipe: the child answers each number with the
# next one until the parent sends "stop".
import multiprocessing as mp


def player(conn):
    while True:
        msg = conn.recv()
        if msg == "stop":
            conn.send("bye")
            break
        conn.send(msg + 1)
    conn.close()


if __name__ == "__main__":
    here, there = mp.Pipe()
    p = mp.Process(target=player, args=(there,))
    p.start()
    n = 0
    for _ in range(5):
        here.send(n)
        n = here.recv() + 1
        print("parent got", n - 1, "sends", n)
    here.send("stop")
    print(here.recv())
    p.join()
    print("exit code", p.exitcode)
