//! The presets gallery's programs: our own programs in the style of course
//! notes, one per topic, each with a short explanation of what to look for
//! in English and Simplified Chinese.
//!
//! The programs live in `presets/*.py` and are read through
//! [`crate::sources`] (compiled in natively; fetched by the page). Adding a
//! preset (say, when processes or asyncio land in the engine) is one `.py`
//! file, its path in `sources::FILES` and one entry in [`PRESETS`]; the
//! gallery, the `?preset=` links and the test that runs every preset under
//! every runtime (`tests/presets.rs`) pick it up from there.
//!
//! This module is plain data, compiled natively too, so that the test can
//! run every preset through the engine and compare with `python3`.

/// A string in both languages of the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Both {
    pub en: &'static str,
    pub zh: &'static str,
}

/// The gallery's sections.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Topic {
    Threads,
    Locks,
    Coordination,
    Queues,
    Performance,
    Network,
}

impl Topic {
    pub const ALL: [Topic; 6] = [
        Topic::Threads,
        Topic::Locks,
        Topic::Coordination,
        Topic::Queues,
        Topic::Performance,
        Topic::Network,
    ];

    pub fn name(self) -> Both {
        match self {
            Topic::Threads => Both {
                en: "Threads and the GIL",
                zh: "线程与 GIL",
            },
            Topic::Locks => Both {
                en: "Races and locks",
                zh: "竞态与锁",
            },
            Topic::Coordination => Both {
                en: "Waiting for each other",
                zh: "线程间的等待与协作",
            },
            Topic::Queues => Both {
                en: "Queues",
                zh: "队列",
            },
            Topic::Performance => Both {
                en: "Performance",
                zh: "性能",
            },
            Topic::Network => Both {
                en: "Network, asyncio and gevent",
                zh: "网络、asyncio 与 gevent",
            },
        }
    }
}

/// What the preset test checks about a preset's run (see
/// `tests/presets.rs`). Expected outputs come from real `python3`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Check {
    /// Stdout is exactly what python3 prints, under every runtime.
    Python,
    /// As [`Check::Python`], leaving out the lines that start with
    /// `took ` (times, which differ between machines).
    PythonButTimes,
    /// A race on a counter: the last line is `counter = N` and the line
    /// before `expected: M`. Under the runtimes listed the model never
    /// loses an update and stdout is python3's; under the others it loses
    /// some (N < M).
    Race {
        exact_under: &'static [&'static str],
    },
    /// The program deadlocks: python3 hangs after printing the same
    /// stdout; the engine stops with its deadlock exit status.
    Deadlock,
    /// python3 cannot run it here: it needs what `needs` says (the
    /// simulated network's example hosts, or a library python3 lacks).
    /// The run must end cleanly and print the same under every runtime,
    /// leaving out the lines that start with `took `.
    NotComparable { needs: &'static str },
}

/// One program of the gallery.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Preset {
    /// Stable name, used in `?preset=NAME` and file names.
    pub id: &'static str,
    pub topic: Topic,
    pub title: Both,
    /// Two to four sentences: what to look for.
    pub about: Both,
    /// The program's file, by its path under `src/` (see [`crate::sources`]).
    pub file: &'static str,
    /// The runtime the preset is best seen under, set when it is chosen.
    pub runtime: Option<&'static str>,
    pub check: Check,
}

/// The preset the page opens with.
pub const DEFAULT: &str = "race";

/// Every preset, in gallery order.
pub static PRESETS: &[Preset] = &[
    Preset {
        id: "cpu-threads",
        topic: Topic::Threads,
        title: Both {
            en: "Threads vs sequential on CPU-bound work",
            zh: "CPU 密集任务：多线程与顺序执行",
        },
        about: Both {
            en: "Counting primes once in one thread, then split over two threads. Under a GIL (2.7, 3.9, 3.12) the two threads take turns, so they are no faster than one; in the timeline one waits for the GIL while the other runs. Switch to 3.13t (free-threaded) and the two run on two cores at once.",
            zh: "先在一个线程里统计素数，再把同样的工作分给两个线程。在有 GIL 的版本（2.7、3.9、3.12）中两个线程轮流执行，并不比一个线程快；时间线上一个线程运行时另一个在等待 GIL。切换到 3.13t（自由线程），两个线程会同时在两个核心上运行。",
        },
        file: "ui/presets/cpu_threads.py",
        runtime: Some("cpython-3.12"),
        check: Check::PythonButTimes,
    },
    Preset {
        id: "io-threads",
        topic: Topic::Threads,
        title: Both {
            en: "Threads vs sequential on I/O-bound work",
            zh: "I/O 密集任务：多线程与顺序执行",
        },
        about: Both {
            en: "Ten downloads that each wait 100 ms, one after another and then in ten threads. A thread that waits for I/O lets go of the GIL, so all ten wait at the same time and the batch takes about as long as one download. This is what threads are for in Python, GIL or not.",
            zh: "十次下载，每次等待 100 毫秒，先依次执行，再用十个线程执行。等待 I/O 的线程会释放 GIL，所以十个线程同时等待，整批下载的耗时和一次差不多。无论有没有 GIL，这正是 Python 线程的用武之地。",
        },
        file: "ui/presets/io_threads.py",
        runtime: Some("cpython-3.12"),
        check: Check::PythonButTimes,
    },
    Preset {
        id: "daemon",
        topic: Topic::Threads,
        title: Both {
            en: "Daemon threads",
            zh: "守护线程",
        },
        about: Both {
            en: "The program ends when its last non-daemon thread ends. The heartbeat thread loops forever, but it is a daemon, so nobody waits for it: when the main thread is done, it is stopped mid-loop. Use daemons for background helpers whose work may be lost.",
            zh: "当最后一个非守护线程结束时，程序就结束了。心跳线程永远循环，但它是守护线程，没有人等待它：主线程一结束，它就在循环中途被终止。守护线程适合那些工作丢失也无妨的后台辅助任务。",
        },
        file: "ui/presets/daemon.py",
        runtime: None,
        check: Check::Python,
    },
    Preset {
        id: "race",
        topic: Topic::Locks,
        title: Both {
            en: "The n += 1 race",
            zh: "n += 1 竞态条件",
        },
        about: Both {
            en: "Two threads add 1 to a shared counter a million times each. Under 3.9 a thread can be switched out between reading the counter and writing it back, and updates are lost; 3.12 only switches at calls and loop back-edges, so this loop happens to lose none. Free-threaded 3.13t runs both at once and loses many.",
            zh: "两个线程各把共享计数器加 1 一百万次。在 3.9 中，线程可能在读取计数器之后、写回之前被切换出去，于是丢失更新；3.12 只在函数调用和循环回跳处切换，这个循环恰好不会丢失。自由线程的 3.13t 让两个线程同时运行，会丢失很多更新。",
        },
        file: "ui/presets/race.py",
        runtime: Some("cpython-3.9"),
        check: Check::Race {
            exact_under: &["cpython-3.12"],
        },
    },
    Preset {
        id: "race-call",
        topic: Topic::Locks,
        title: Both {
            en: "The race through a function call: n = inc(n)",
            zh: "通过函数调用的竞态：n = inc(n)",
        },
        about: Both {
            en: "The same race with the increment in a function. A call is a point where 3.12 checks whether to switch threads, so now 3.12 loses updates too. Different seeds give different totals: no Python version makes unsynchronised updates safe.",
            zh: "同样的竞态，只是把加 1 放进了函数里。函数调用是 3.12 检查是否切换线程的位置，所以现在 3.12 也会丢失更新。不同的随机种子得到不同的结果：没有哪个 Python 版本能让不加同步的更新变得安全。",
        },
        file: "ui/presets/race_call.py",
        runtime: Some("cpython-3.12"),
        check: Check::Race { exact_under: &[] },
    },
    Preset {
        id: "lock",
        topic: Topic::Locks,
        title: Both {
            en: "Lock: the race fixed",
            zh: "Lock：修复竞态",
        },
        about: Both {
            en: "The counter again, with every update inside `with lock:`. The total is right under every Python. In the timeline, look at the lock's lane: threads queue for it, and the lock, not the GIL, now decides who goes next.",
            zh: "还是计数器，但每次更新都在 `with lock:` 中进行。在任何 Python 版本下结果都正确。在时间线上看锁的那一行：线程排队等待它，现在决定谁先执行的是锁，而不是 GIL。",
        },
        file: "ui/presets/lock.py",
        runtime: None,
        check: Check::Python,
    },
    Preset {
        id: "rlock",
        topic: Topic::Locks,
        title: Both {
            en: "RLock: taking a lock you already hold",
            zh: "RLock：再次获取已持有的锁",
        },
        about: Both {
            en: "transfer() holds the account's lock and calls withdraw(), which takes the same lock again. An RLock counts how many times its owner took it, so this works; replace RLock with Lock and the thread waits for itself forever (try it: the simulator reports the deadlock).",
            zh: "transfer() 持有账户的锁，又调用了再次获取同一把锁的 withdraw()。RLock 会记录持有者获取了几次，所以可以正常工作；把 RLock 换成 Lock，线程就会永远等待自己（试试看：模拟器会报告死锁）。",
        },
        file: "ui/presets/rlock.py",
        runtime: None,
        check: Check::Python,
    },
    Preset {
        id: "deadlock",
        topic: Topic::Locks,
        title: Both {
            en: "Deadlock with crossed locks",
            zh: "交叉加锁导致的死锁",
        },
        about: Both {
            en: "One thread takes lock A then B, the other B then A, and each ends up holding one and waiting for the other. Real Python would hang here; the simulator sees that no thread can ever move and prints the cycle of who waits for whom. The fix: always take locks in the same order.",
            zh: "一个线程先拿锁 A 再拿锁 B，另一个先拿 B 再拿 A，结果各持有一把、等待另一把。真实的 Python 会在这里卡住；模拟器发现没有线程能继续执行，并打印出谁在等待谁的环。解决办法：总是按相同的顺序获取锁。",
        },
        file: "ui/presets/deadlock.py",
        runtime: None,
        check: Check::Deadlock,
    },
    Preset {
        id: "singleton",
        topic: Topic::Locks,
        title: Both {
            en: "A thread-safe singleton",
            zh: "线程安全的单例",
        },
        about: Both {
            en: "The unsafe singleton checks for an instance and then builds one; four threads that all check before any has finished build four. The safe one checks again while holding a lock (double-checked locking), and only one instance is ever made.",
            zh: "不安全的单例先检查实例是否存在，再创建实例；四个线程都在任何一个创建完成之前完成了检查，于是创建了四个实例。安全的版本在持有锁时再检查一次（双重检查锁定），始终只创建一个实例。",
        },
        file: "ui/presets/singleton.py",
        runtime: None,
        check: Check::Python,
    },
    Preset {
        id: "condition",
        topic: Topic::Coordination,
        title: Both {
            en: "Condition: a bounded buffer",
            zh: "Condition：有界缓冲区",
        },
        about: Both {
            en: "The producer waits while the buffer is full, the consumer while it is empty, each in a `while` loop around wait(). wait() releases the lock while it waits, which is what lets the other side in; notify() wakes one waiter, who then checks its condition again.",
            zh: "缓冲区满时生产者等待，空时消费者等待，各自在 `while` 循环中调用 wait()。wait() 在等待期间会释放锁，另一方才能进入；notify() 唤醒一个等待者，它醒来后会再次检查条件。",
        },
        file: "ui/presets/condition.py",
        runtime: None,
        check: Check::Python,
    },
    Preset {
        id: "semaphore",
        topic: Topic::Coordination,
        title: Both {
            en: "Semaphore: at most two at a time",
            zh: "Semaphore：最多同时两个",
        },
        about: Both {
            en: "Six threads want to download, and a Semaphore(2) lets two in at a time. In the timeline the others are blocked in acquire() until a slot frees up; the program also counts the most downloads that ever ran at once.",
            zh: "六个线程都要下载，而 Semaphore(2) 每次只放行两个。在时间线上，其余线程阻塞在 acquire() 上，直到有空位为止；程序还统计了同时进行的下载数的最大值。",
        },
        file: "ui/presets/semaphore.py",
        runtime: None,
        check: Check::Python,
    },
    Preset {
        id: "event",
        topic: Topic::Coordination,
        title: Both {
            en: "Event: one signal, many waiters",
            zh: "Event：一个信号，多个等待者",
        },
        about: Both {
            en: "Four workers get ready and then wait for the same Event. Nothing happens until the main thread calls set(), which wakes them all at once. wait() with a timeout returns False when the event never comes.",
            zh: "四个工作线程准备就绪后等待同一个 Event。在主线程调用 set() 之前什么也不会发生，set() 会一次唤醒所有等待者。带超时的 wait() 在事件始终没有发生时返回 False。",
        },
        file: "ui/presets/event.py",
        runtime: None,
        check: Check::Python,
    },
    Preset {
        id: "timer",
        topic: Topic::Coordination,
        title: Both {
            en: "Timer: run later, or cancel",
            zh: "Timer：延时执行或取消",
        },
        about: Both {
            en: "A Timer is a thread that sleeps, then calls a function. The reminder fires after 0.1 s; the alarm is cancelled before its 0.2 s are up, so it never fires. In the timeline both timer threads spend their lives waiting.",
            zh: "Timer 是一个先睡眠、再调用函数的线程。提醒在 0.1 秒后触发；闹钟在 0.2 秒到期前被取消，所以永远不会触发。在时间线上，两个定时器线程几乎一直在等待。",
        },
        file: "ui/presets/timer.py",
        runtime: None,
        check: Check::Python,
    },
    Preset {
        id: "barrier",
        topic: Topic::Coordination,
        title: Both {
            en: "Barrier: phases in step",
            zh: "Barrier：分阶段同步",
        },
        about: Both {
            en: "Three threads finish phase 1 at different times, and the Barrier holds each until all three have arrived. wait() returns a different index to each thread, so exactly one of them marks the boundary between the phases.",
            zh: "三个线程在不同时间完成第一阶段，Barrier 让先到的线程等待，直到三个线程全部到达。wait() 给每个线程返回不同的序号，所以恰好有一个线程负责标记两个阶段的分界。",
        },
        file: "ui/presets/barrier.py",
        runtime: None,
        check: Check::Python,
    },
    Preset {
        id: "thread-local",
        topic: Topic::Coordination,
        title: Both {
            en: "threading.local: a value per thread",
            zh: "threading.local：每个线程各自的值",
        },
        about: Both {
            en: "One threading.local() object, and each thread sees only what it stored in it. The three workers set their names and sleep while the others set theirs, yet each reads back its own. A new thread starts with no attributes at all.",
            zh: "同一个 threading.local() 对象，每个线程只能看到自己存进去的值。三个工作线程设置各自的名字，在其他线程设置时睡眠，但读回来的仍是自己的值。新线程开始时没有任何属性。",
        },
        file: "ui/presets/thread_local.py",
        runtime: None,
        check: Check::Python,
    },
    Preset {
        id: "queue",
        topic: Topic::Queues,
        title: Both {
            en: "Producer–consumer with Queue",
            zh: "使用 Queue 的生产者–消费者",
        },
        about: Both {
            en: "queue.Queue does the locking for you: put() and get() are safe from any thread. With maxsize=2 the producer blocks when the slower consumer falls behind, so the output alternates; a None sentinel tells the consumer to stop.",
            zh: "queue.Queue 替你完成了加锁：任何线程都可以安全地调用 put() 和 get()。设置 maxsize=2 后，当较慢的消费者跟不上时生产者会阻塞，所以输出交替出现；None 作为哨兵通知消费者停止。",
        },
        file: "ui/presets/queue_fifo.py",
        runtime: None,
        check: Check::Python,
    },
    Preset {
        id: "queue-kinds",
        topic: Topic::Queues,
        title: Both {
            en: "Queue, LifoQueue and PriorityQueue",
            zh: "Queue、LifoQueue 与 PriorityQueue",
        },
        about: Both {
            en: "The same four tasks go into three kinds of queue. Queue hands them out in arrival order, LifoQueue last-in first-out like a stack, PriorityQueue smallest first (ties broken by the task's name). q.join() waits until every item has been marked task_done().",
            zh: "同样的四个任务放进三种队列。Queue 按到达顺序取出，LifoQueue 像栈一样后进先出，PriorityQueue 先取最小的（优先级相同时按任务名比较）。q.join() 会等到每一项都被 task_done() 标记完成。",
        },
        file: "ui/presets/queue_kinds.py",
        runtime: None,
        check: Check::Python,
    },
    Preset {
        id: "convoy",
        topic: Topic::Performance,
        title: Both {
            en: "The convoy effect",
            zh: "护航效应（convoy effect）",
        },
        about: Both {
            en: "An I/O-bound thread does 20 short waits, first alone, then next to a thread that computes. Each time its I/O finishes it needs the GIL back and waits for the busy thread to give it up, so the same I/O takes longer. Under 3.13t there is no GIL and no convoy.",
            zh: "一个 I/O 密集的线程进行 20 次短暂等待，先单独运行，再与一个计算线程一起运行。每次 I/O 结束后它都要重新获得 GIL，得等忙碌的线程让出，所以同样的 I/O 耗时更长。在没有 GIL 的 3.13t 下不会出现护航效应。",
        },
        file: "ui/presets/convoy.py",
        runtime: Some("cpython-3.9"),
        check: Check::PythonButTimes,
    },
    Preset {
        id: "pool-sizing",
        topic: Topic::Performance,
        title: Both {
            en: "Thread pool sizing",
            zh: "线程池大小的选择",
        },
        about: Both {
            en: "Sixteen tasks that each wait 50 ms for I/O and then compute a little, run by pools of 1 to 16 threads. More threads overlap more waiting, so the time drops almost in half each time the pool doubles. The rule of thumb: threads ≈ cores × (1 + I/O time / CPU time).",
            zh: "十六个任务，每个先等待 50 毫秒 I/O，再做少量计算，分别由 1 到 16 个线程的线程池执行。线程越多，重叠的等待越多，线程池每翻一倍，时间差不多减半。经验法则：线程数 ≈ 核心数 × (1 + I/O 时间 / CPU 时间)。",
        },
        file: "ui/presets/pool_sizing.py",
        runtime: None,
        check: Check::PythonButTimes,
    },
    Preset {
        id: "sweep-workers",
        topic: Topic::Performance,
        title: Both {
            en: "How many workers? A sweep",
            zh: "该用多少个工作线程？扫描一下",
        },
        about: Both {
            en: "Sixteen tasks that each wait 20 ms for I/O and then compute for about 4 ms, on a ThreadPoolExecutor of WORKERS threads. Open Sweep, pick WORKERS and compare 3.12 with 3.13t: the time falls as more waits overlap, then flattens where the CPU part is the limit: at 6 threads with one GIL, as threads ≈ cores × (1 + I/O time / CPU time) = 1 × (1 + 20 / 4) says. On two free-threaded cores it falls further, though each task computes more slowly there (3.13t's single-thread cost).",
            zh: "十六个任务，每个先等待 20 毫秒 I/O，再计算约 4 毫秒，由有 WORKERS 个线程的 ThreadPoolExecutor 执行。打开“扫描”，选择 WORKERS，比较 3.12 和 3.13t：随着重叠的等待增多，时间下降，然后在 CPU 部分成为瓶颈处变平：有一个 GIL 时在 6 个线程处，正如线程数 ≈ 核心数 × (1 + I/O 时间 / CPU 时间) = 1 × (1 + 20 / 4) 所说。在两个无 GIL 的核心上还会继续下降，尽管那里每个任务的计算更慢（3.13t 的单线程开销）。",
        },
        file: "ui/presets/sweep_workers.py",
        runtime: None,
        check: Check::PythonButTimes,
    },
    Preset {
        id: "crawler-sequential",
        topic: Topic::Network,
        title: Both {
            en: "The 10-page crawler, one page after another",
            zh: "爬取 10 个页面：逐个请求",
        },
        about: Both {
            en: "Ten blog pages fetched with requests.get, one after another, from the simulated network. Each request waits about 0.6 s (connect, the server's answer, the transfer), so the crawl takes about 6 s; hover the thread's I/O in the timeline to see each request. Change the network latency in the settings and run again.",
            zh: "用 requests.get 从模拟网络依次抓取十个博客页面。每个请求大约等待 0.6 秒（建立连接、服务器应答、传输数据），整个抓取约需 6 秒；把鼠标悬停在时间线中线程的 I/O 片段上可以看到每个请求。在设置中修改网络延迟后再运行一次试试。",
        },
        file: "ui/presets/crawler_sequential.py",
        runtime: Some("cpython-3.12"),
        check: Check::NotComparable {
            needs: "the network (blog.example.com)",
        },
    },
    Preset {
        id: "crawler-threads",
        topic: Topic::Network,
        title: Both {
            en: "The 10-page crawler with ThreadPoolExecutor(12)",
            zh: "爬取 10 个页面：ThreadPoolExecutor(12)",
        },
        about: Both {
            en: "The same ten pages fetched by a pool of 12 threads. A thread waiting for the network releases the GIL, so the ten requests are in flight at once and the crawl takes about as long as the slowest page, under every runtime. The statistics panel counts the requests to each host and how many were in flight at once.",
            zh: "同样的十个页面，由 12 个线程的线程池抓取。等待网络的线程会释放 GIL，所以十个请求同时进行，在任何运行时下整个抓取的耗时都和最慢的那个页面差不多。统计面板列出了每个主机的请求数以及最多同时进行的请求数。",
        },
        file: "ui/presets/crawler_threads.py",
        runtime: Some("cpython-3.12"),
        check: Check::NotComparable {
            needs: "the network (blog.example.com)",
        },
    },
    Preset {
        id: "crawler-pool",
        topic: Topic::Network,
        title: Both {
            en: "The 10-page crawler with Pool(4)",
            zh: "爬取 10 个页面：Pool(4) 多进程",
        },
        about: Both {
            en: "The same ten pages fetched by a pool of 4 processes. Each worker fetches its pages one after another, so the crawl takes three rounds of a page's latency plus starting the processes: about half the sequential time, but far slower than 12 threads, because waiting for the network needs no extra core. Compare the worker processes' lanes with the threads of the ThreadPoolExecutor crawler.",
            zh: "同样的十个页面，由 4 个进程的进程池抓取。每个工作进程依次抓取分给它的页面，所以整个抓取需要三轮页面延迟再加上启动进程的时间：大约是顺序抓取的一半，但比 12 个线程慢得多，因为等待网络并不需要更多的 CPU 核心。把工作进程的泳道和 ThreadPoolExecutor 爬虫的线程对比一下。",
        },
        file: "ui/presets/crawler_pool.py",
        runtime: Some("cpython-3.12"),
        check: Check::NotComparable {
            needs: "the network (blog.example.com)",
        },
    },
    Preset {
        id: "crawler-asyncio",
        topic: Topic::Network,
        title: Both {
            en: "The 10-page crawler with asyncio and aiohttp",
            zh: "爬取 10 个页面：asyncio 与 aiohttp",
        },
        about: Both {
            en: "The same ten pages fetched by ten coroutines on one event loop, in one thread. Each await hands the loop to another task, so all ten requests wait together and the crawl is as fast as with threads, without a second thread. Hover the main thread's wait in the timeline: it lists the requests in flight.",
            zh: "同样的十个页面，由一个线程中同一个事件循环上的十个协程抓取。每次 await 都把事件循环交给另一个任务，所以十个请求一起等待，不需要第二个线程就和多线程一样快。把鼠标悬停在时间线中主线程的等待片段上，可以看到正在进行的请求。",
        },
        file: "ui/presets/crawler_asyncio.py",
        runtime: Some("cpython-3.12"),
        check: Check::NotComparable {
            needs: "the network (blog.example.com) and aiohttp",
        },
    },
    Preset {
        id: "asyncio-gather",
        topic: Topic::Network,
        title: Both {
            en: "asyncio tasks and gather",
            zh: "asyncio 任务与 gather",
        },
        about: Both {
            en: "Three coroutines that wait 0.3, 0.2 and 0.1 s, first awaited one after another, then wrapped in tasks and gathered. Awaited in turn they take the sum of their waits; as tasks they wait together and take as long as the longest. gather returns the results in the order of its arguments, not in the order they finished.",
            zh: "三个协程分别等待 0.3、0.2 和 0.1 秒，先逐个 await，再包装成任务用 gather 一起等待。逐个 await 时总耗时是各自等待时间之和；作为任务时它们同时等待，耗时等于最长的那个。gather 按参数的顺序返回结果，而不是按完成的顺序。",
        },
        file: "ui/presets/asyncio_gather.py",
        runtime: None,
        check: Check::PythonButTimes,
    },
    Preset {
        id: "gevent-patch",
        topic: Topic::Network,
        title: Both {
            en: "gevent monkey patching",
            zh: "gevent 的猴子补丁",
        },
        about: Both {
            en: "Four greenlets that each call time.sleep(1), before and after monkey.patch_all(). Unpatched, time.sleep blocks the one thread, so the greenlets sleep one after another (4 s); patched, it becomes gevent.sleep and the hub runs the others meanwhile (1 s). Greenlets are not threads: they switch only where gevent switches.",
            zh: "四个 greenlet 各自调用 time.sleep(1)，分别在 monkey.patch_all() 之前和之后运行。打补丁之前 time.sleep 会阻塞唯一的线程，greenlet 只能依次睡眠（4 秒）；打补丁之后它变成 gevent.sleep，hub 在此期间运行其他 greenlet（1 秒）。greenlet 不是线程：只有在 gevent 切换的地方才会切换。",
        },
        file: "ui/presets/gevent_patch.py",
        runtime: None,
        check: Check::NotComparable {
            needs: "gevent, which python3 here lacks",
        },
    },
];

impl Preset {
    /// The program. Empty only in a `fetch-sources` build whose sources were
    /// not provided, which `web::start` refuses to run.
    pub fn source(&self) -> &'static str {
        crate::sources::get(self.file).unwrap_or_default()
    }
}

/// The preset with this id.
pub fn by_id(id: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.id == id)
}

/// The preset the page opens with.
pub fn default_preset() -> &'static Preset {
    by_id(DEFAULT).unwrap_or(&PRESETS[0])
}

/// The preset whose program is exactly `source`, if any.
pub fn matching(source: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.source() == source)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_the_default_exists() {
        let mut ids: Vec<_> = PRESETS.iter().map(|p| p.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), PRESETS.len());
        assert_eq!(default_preset().id, DEFAULT);
    }

    #[test]
    fn every_topic_has_a_preset_and_every_text_both_languages() {
        for topic in Topic::ALL {
            assert!(PRESETS.iter().any(|p| p.topic == topic), "{topic:?}");
        }
        for p in PRESETS {
            for text in [p.title, p.about] {
                assert!(!text.en.is_empty() && !text.zh.is_empty(), "{}", p.id);
            }
            let sentences = p.about.en.matches(". ").count() + 1;
            assert!((2..=4).contains(&sentences), "{}: {sentences}", p.id);
            if let Some(rt) = p.runtime {
                assert!(crate::runtime::model::NAMES.contains(&rt), "{}", p.id);
            }
        }
    }
}
