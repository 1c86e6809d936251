# A Pipe's API: one-way ends, poll with and without a timeout, bytes,
# objects that are copied (pickled), and the errors of a wrong end.
import multiprocessing as mp


def sender(w):
    w.send({"squares": [i * i for i in range(5)]})
    w.send_bytes(b"raw bytes")
    w.send(("tuple", 1.5, None))
    w.close()


if __name__ == "__main__":
    r, w = mp.Pipe(duplex=False)
    print("ends", r.readable, r.writable, w.readable, w.writable)
    print("poll before", r.poll())
    p = mp.Process(target=sender, args=(w,))
    p.start()
    print("poll 1 s", r.poll(1.0))
    print(r.recv())
    print(r.recv_bytes())
    print(r.recv())
    p.join()
    try:
        w.recv()
    except OSError as e:
        print("recv on the writing end:", e)
    try:
        r.send(1)
    except OSError as e:
        print("send on the reading end:", e)
    data = [1, [2, 3]]
    a, b = mp.Pipe()
    a.send(data)
    got = b.recv()
    got[1].append(4)
    print("copied:", data, got)
    a.close()
    try:
        a.send(1)
    except OSError as e:
        print("send after close:", e)
