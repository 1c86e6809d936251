"""Under spawn the child gets its own copy of the pipe end passed to it;
the parent sees EOF once it closed its copy and the child's is gone."""
import multiprocessing as mp


def producer(conn, n):
    for i in range(n):
        conn.send(("item", i))
    conn.close()


def echo(conn):
    while True:
        try:
            msg = conn.recv()
        except EOFError:
            conn.send("child saw EOF")
            return
        conn.send(msg.upper())


if __name__ == "__main__":
    mp.set_start_method("spawn")
    reader, writer = mp.Pipe(duplex=False)
    p = mp.Process(target=producer, args=(writer, 4))
    p.start()
    writer.close()
    items = []
    while True:
        try:
            items.append(reader.recv())
        except EOFError:
            break
    p.join()
    print(items, p.exitcode)

    # a duplex pipe: the child reads until the parent's end is closed
    # (its own inherited copy does not keep the pipe open)
    here, there = mp.Pipe()
    c = mp.Process(target=echo, args=(there,))
    c.start()
    there.close()
    for word in ["a", "b"]:
        here.send(word)
        print(here.recv())
    c.join(0.5)
    print("alive while the parent holds its end:", c.is_alive())
    here.close()
    c.join()
    print("exitcode", c.exitcode)
