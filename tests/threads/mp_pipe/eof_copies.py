"""recv() raises EOFError only once every copy of the write end is closed:
the parent's, the child's (closed by close() or by its exit); a send breaks
once every read end is."""
from multiprocessing import Process, Pipe
import os

def producer(conn):
    for i in range(3):
        conn.send(i * i)
    conn.close()

if __name__ == "__main__":
    reader, writer = Pipe(duplex=False)
    p = Process(target=producer, args=(writer,))
    p.start()
    writer.close()          # the parent closes its copy of the write end
    got = []
    while True:
        try:
            got.append(reader.recv())
        except EOFError:
            break
    p.join()
    print("received", got)

    # without closing the parent's copy, poll shows data but no EOF
    r2, w2 = Pipe(duplex=False)
    q = Process(target=producer, args=(w2,))
    q.start()
    q.join()
    print([r2.recv() for _ in range(3)])
    print("poll after child exit, parent still holds w2:", r2.poll(0.1))
    w2.close()
    print("poll after closing w2:", r2.poll(0.1))
    try:
        r2.recv()
    except EOFError:
        print("EOFError")

    # child exits without closing: its copy closes at exit
    r3, w3 = Pipe(duplex=False)
    def silent(c):
        c.send("hi")
    s = Process(target=silent, args=(w3,))
    s.start(); w3.close()
    print(r3.recv())
    try:
        r3.recv()
    except EOFError:
        print("EOF after child exit")
    s.join()

    # broken pipe: every read end closed
    r4, w4 = Pipe(duplex=False)
    r4.close()
    try:
        w4.send(1)
    except BrokenPipeError as e:
        print("BrokenPipeError", e)
    a, b = Pipe()
    print(a.fileno() > 2, a.fileno() != b.fileno())
