//! The two languages of the page, English and Simplified Chinese, and every
//! user-visible string in both.
//!
//! Strings are looked up by a typed key ([`Text`]) so that a missing
//! translation is a compile error, not an empty label. The chosen language
//! is remembered in `localStorage`; the first visit follows `?lang=` or the
//! browser's language.

use gloo::storage::{LocalStorage, Storage};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
    Zh,
}

const STORAGE_KEY: &str = "interleave.lang";

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-Hans",
        }
    }

    fn from_code(code: &str) -> Option<Lang> {
        let code = code.to_ascii_lowercase();
        if code.starts_with("zh") {
            Some(Lang::Zh)
        } else if code.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// `?lang=`, then the remembered choice, then the browser's language.
    pub fn initial() -> Lang {
        let window = web_sys::window();
        let from_query = window
            .as_ref()
            .and_then(|w| w.location().search().ok())
            .and_then(|s| web_sys::UrlSearchParams::new_with_str(&s).ok())
            .and_then(|p| p.get("lang"))
            .and_then(|c| Lang::from_code(&c));
        let remembered = || {
            LocalStorage::get::<String>(STORAGE_KEY)
                .ok()
                .and_then(|c| Lang::from_code(&c))
        };
        let browser = || {
            window
                .as_ref()
                .and_then(|w| w.navigator().language())
                .and_then(|c| Lang::from_code(&c))
        };
        from_query
            .or_else(remembered)
            .or_else(browser)
            .unwrap_or(Lang::En)
    }

    pub fn remember(self) {
        let _ = LocalStorage::set(STORAGE_KEY, self.code());
    }
}

/// Every fixed string of the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Text {
    Tagline,
    RunArea,
    Runtime,
    Cores,
    Seed,
    Run,
    Stop,
    RunNote,
    RunRunning,
    RunStopped,
    RunFinished,
    Output,
    // The page helper's labels: presets, editor, console, sharing, themes.
    Presets,
    PresetEdited,
    SwitchInterval,
    NetLatency,
    NetLatencyHelp,
    HostLatency,
    HostLatencyHelp,
    Threads,
    Stderr,
    EngineError,
    EngineErrorHint,
    Dismiss,
    Share,
    ShareIntro,
    ShareLink,
    Copy,
    Copied,
    EmbedSnippet,
    DownloadTrace,
    OpenPerfetto,
    OpenPerfettoHelp,
    ThemeToggle,
    LinkTooLarge,
    LinkDamaged,
    LinkUnknown,
    UnknownPreset,
    OpenFullPage,
    Editor,
    LineNumbers,
    DeadlockNote,
    StateRunning,
    StateWaitGil,
    StateBlocked,
    StateSleeping,
    StateReady,
    StateIo,
    StateAwaiting,
    Timeline,
    TimelineEmpty,
    Lab,
    LabIntro,
    LabLimit,
    LabRun,
    LabRunning,
    LabWarmUp,
    LabUnavailable,
    LabOpenStandalone,
    LabOneWorker,
    LabPool,
    LabPrimes,
    LabMedian,
    LabRange,
    LabSpeedup,
    LabCountsDiffer,
    StatusSingleThreaded,
    StatusPoolFailed,
    // Explore: many seeds, a histogram of how the runs ended.
    Explore,
    ExploreIntro,
    Stepper,
    StepperIntro,
    StepperStart,
    StepperStep,
    StepperUntilBlocks,
    StepperUntilLine,
    StepperCount,
    StepperLine,
    StepperUndo,
    StepperRestart,
    StepperSteps,
    StepperPick,
    StepperEnded,
    StepperHoldsGil,
    StepperWaitsGil,
    StepperWaitsFor,
    StepperSleeping,
    StepperReady,
    StepperClose,
    StepperBusy,
    StepperTimeline,
    ExploreSeeds,
    ExploreRun,
    ExploreRunning,
    ExploreStopped,
    ExploreDone,
    ExploreOnMainThread,
    ExploreHint,
    ExploreStale,
    ExploreDeadlock,
    ExploreOther,
    ExploreNoOutput,
    ExploreEmpty,
    ExploreCompileError,
    Files,
    FilesNote,
    FileBytes,
    FileBinary,
    FileMore,
}

impl Lang {
    pub fn t(self, text: Text) -> &'static str {
        use Text::*;
        match (self, text) {
            (Lang::En, Tagline) => "Python concurrency, run and seen",
            (Lang::Zh, Tagline) => "运行并看见 Python 并发",
            (Lang::En, RunArea) => "Run",
            (Lang::Zh, RunArea) => "运行",
            (Lang::En, Runtime) => "Python",
            (Lang::Zh, Runtime) => "Python 版本",
            (Lang::En, Cores) => "Cores",
            (Lang::Zh, Cores) => "核心数",
            (Lang::En, Seed) => "Seed",
            (Lang::Zh, Seed) => "随机种子",
            (Lang::En, Run) => "Run",
            (Lang::Zh, Run) => "运行",
            (Lang::En, StateRunning) => "running",
            (Lang::Zh, StateRunning) => "运行",
            (Lang::En, StateWaitGil) => "waiting for the GIL",
            (Lang::Zh, StateWaitGil) => "等待 GIL",
            (Lang::En, StateBlocked) => "blocked on a lock",
            (Lang::Zh, StateBlocked) => "阻塞在锁上",
            (Lang::En, StateSleeping) => "sleeping",
            (Lang::Zh, StateSleeping) => "睡眠",
            (Lang::En, StateReady) => "ready, no free core",
            (Lang::Zh, StateReady) => "就绪，无空闲核心",
            (Lang::En, StateIo) => "I/O",
            (Lang::Zh, StateIo) => "I/O",
            (Lang::En, StateAwaiting) => "task awaiting",
            (Lang::Zh, StateAwaiting) => "任务 await 等待中",
            (Lang::En, Stop) => "Stop",
            (Lang::Zh, Stop) => "停止",
            (Lang::En, RunNote) => "Ctrl+Enter runs. The program runs on simulated cores under the chosen CPython's rules; times are virtual.",
            (Lang::Zh, RunNote) => "Ctrl+Enter 运行。程序按所选 CPython 的规则在模拟的核心上运行；时间是虚拟时间。",
            (Lang::En, RunRunning) => "running…",
            (Lang::Zh, RunRunning) => "运行中…",
            (Lang::En, RunStopped) => "stopped",
            (Lang::Zh, RunStopped) => "已停止",
            (Lang::En, RunFinished) => "finished, exit status",
            (Lang::Zh, RunFinished) => "已结束，退出状态",
            (Lang::En, Output) => "Output",
            (Lang::Zh, Output) => "输出",
            (Lang::En, Presets) => "Presets",
            (Lang::Zh, Presets) => "示例程序",
            (Lang::En, PresetEdited) => "edited",
            (Lang::Zh, PresetEdited) => "已修改",
            (Lang::En, SwitchInterval) => "Switch interval (ms)",
            (Lang::Zh, SwitchInterval) => "切换间隔（毫秒）",
            (Lang::En, NetLatency) => "Network latency (ms)",
            (Lang::Zh, NetLatency) => "网络延迟（毫秒）",
            (Lang::En, NetLatencyHelp) => "How long every simulated host takes to answer a request (time to the first byte), before a small random jitter.",
            (Lang::Zh, NetLatencyHelp) => "每个模拟主机应答请求所需的时间（到第一个字节），另加少量随机抖动。",
            (Lang::En, HostLatency) => "Per host",
            (Lang::Zh, HostLatency) => "按主机设置",
            (Lang::En, HostLatencyHelp) => "host=ms pairs, separated by commas, for hosts with a latency of their own (a host covers its subdomains).",
            (Lang::Zh, HostLatencyHelp) => "以逗号分隔的 host=毫秒 对，为个别主机单独设置延迟（包括其子域名）。",
            (Lang::En, Threads) => "Threads",
            (Lang::Zh, Threads) => "线程",
            (Lang::En, Stderr) => "stderr",
            (Lang::Zh, Stderr) => "标准错误",
            (Lang::En, EngineError) => "The simulator failed on this program",
            (Lang::Zh, EngineError) => "模拟器在运行此程序时出错",
            (Lang::En, EngineErrorHint) => "This is a bug in Interleave, not in your program. The page still works: edit the program or pick a preset and run again.",
            (Lang::Zh, EngineErrorHint) => "这是 Interleave 的错误，而不是你的程序的错误。页面仍然可以使用：修改程序或选择一个示例后再次运行。",
            (Lang::En, Dismiss) => "Dismiss",
            (Lang::Zh, Dismiss) => "关闭",
            (Lang::En, Share) => "Share",
            (Lang::Zh, Share) => "分享",
            (Lang::En, ShareIntro) => "The link holds the program, the settings and the seed in its # part, which browsers never send to a server.",
            (Lang::Zh, ShareIntro) => "链接的 # 部分包含程序、设置和随机种子，浏览器不会把这部分发送给任何服务器。",
            (Lang::En, ShareLink) => "Link",
            (Lang::Zh, ShareLink) => "链接",
            (Lang::En, Copy) => "Copy",
            (Lang::Zh, Copy) => "复制",
            (Lang::En, Copied) => "Copied",
            (Lang::Zh, Copied) => "已复制",
            (Lang::En, EmbedSnippet) => "Embed in a course page",
            (Lang::Zh, EmbedSnippet) => "嵌入课程网页",
            (Lang::En, DownloadTrace) => "Download trace (Chrome JSON)",
            (Lang::Zh, DownloadTrace) => "下载跟踪文件（Chrome JSON）",
            (Lang::En, OpenPerfetto) => "Open in Perfetto",
            (Lang::Zh, OpenPerfetto) => "在 Perfetto 中打开",
            (Lang::En, OpenPerfettoHelp) => "Opens a small page of ours that hands this run's trace to the Perfetto UI (ui.perfetto.dev); nothing is uploaded anywhere else",
            (Lang::Zh, OpenPerfettoHelp) => "打开我们的一个小页面，由它把本次运行的跟踪交给 Perfetto UI（ui.perfetto.dev）；不会上传到其他任何地方",
            (Lang::En, ThemeToggle) => "Light / dark theme",
            (Lang::Zh, ThemeToggle) => "浅色 / 深色主题",
            (Lang::En, LinkTooLarge) => "This link could not be opened: it is too large. The default program is shown instead.",
            (Lang::Zh, LinkTooLarge) => "无法打开此链接：它太大了。已改为显示默认程序。",
            (Lang::En, LinkDamaged) => "This link could not be opened: it is damaged or cut short (was it copied in full?). The default program is shown instead.",
            (Lang::Zh, LinkDamaged) => "无法打开此链接：它已损坏或不完整（是否完整复制了？）。已改为显示默认程序。",
            (Lang::En, LinkUnknown) => "This link could not be opened: it is not a program this version of Interleave knows. The default program is shown instead.",
            (Lang::Zh, LinkUnknown) => "无法打开此链接：此版本的 Interleave 无法识别其中的程序。已改为显示默认程序。",
            (Lang::En, UnknownPreset) => "There is no preset with the name in this link. The default program is shown instead.",
            (Lang::Zh, UnknownPreset) => "没有与此链接中名称对应的示例程序。已改为显示默认程序。",
            (Lang::En, OpenFullPage) => "Open in Interleave ↗",
            (Lang::Zh, OpenFullPage) => "在 Interleave 中打开 ↗",
            (Lang::En, Editor) => "Python program",
            (Lang::Zh, Editor) => "Python 程序",
            (Lang::En, LineNumbers) => "Line numbers",
            (Lang::Zh, LineNumbers) => "行号",
            (Lang::En, DeadlockNote) => "Deadlock: no thread can ever continue. Real Python would hang here.",
            (Lang::Zh, DeadlockNote) => "死锁：没有线程能够继续执行。真实的 Python 会在这里卡住。",
            (Lang::En, Timeline) => "Timeline",
            (Lang::Zh, Timeline) => "时间线",
            (Lang::En, TimelineEmpty) => "Run a program to see who ran on which core, who held the GIL and who waited for what.",
            (Lang::Zh, TimelineEmpty) => "运行一个程序，查看哪个线程在哪个核心上运行、谁持有 GIL、谁在等待什么。",
            (Lang::En, Lab) => "Lab",
            (Lang::Zh, Lab) => "实验室",
            (Lang::En, LabIntro) => "Real parallel work on your own cores: the primes below a limit, counted by one worker and then by the whole pool of Web Workers. Each is run several times; times are medians.",
            (Lang::Zh, LabIntro) => "在你自己的 CPU 核心上运行真实的并行任务：统计某个上限以下的素数个数，先由一个 worker 计算，再由整个 Web Worker 线程池计算。每种方式重复多次，时间取中位数。",
            (Lang::En, LabLimit) => "Count primes below",
            (Lang::Zh, LabLimit) => "统计素数，上限",
            (Lang::En, LabRun) => "Run experiment",
            (Lang::Zh, LabRun) => "运行实验",
            (Lang::En, LabRunning) => "Running…",
            (Lang::Zh, LabRunning) => "运行中…",
            (Lang::En, LabWarmUp) => "warm-up",
            (Lang::Zh, LabWarmUp) => "预热",
            (Lang::En, LabUnavailable) => "The lab needs threads, and this page has none: it is not cross-origin isolated. Open the page on its own (not embedded), from a server that sends COOP/COEP headers, or let its service worker reload it once.",
            (Lang::Zh, LabUnavailable) => "实验室需要多线程，但本页面没有：它不是跨源隔离（cross-origin isolated）的。请单独打开本页面（而不是嵌入在其他页面中），并使用发送 COOP/COEP 头的服务器，或让页面的 service worker 重新加载一次。",
            (Lang::En, LabOpenStandalone) => "Open Interleave on its own page ↗",
            (Lang::Zh, LabOpenStandalone) => "在单独的页面中打开 Interleave ↗",
            (Lang::En, LabOneWorker) => "one worker",
            (Lang::Zh, LabOneWorker) => "一个 worker",
            (Lang::En, LabPool) => "workers",
            (Lang::Zh, LabPool) => "个 worker",
            (Lang::En, LabPrimes) => "primes found",
            (Lang::Zh, LabPrimes) => "素数个数",
            (Lang::En, LabMedian) => "median time",
            (Lang::Zh, LabMedian) => "中位时间",
            (Lang::En, LabRange) => "min – max",
            (Lang::Zh, LabRange) => "最小 – 最大",
            (Lang::En, LabSpeedup) => "speedup",
            (Lang::Zh, LabSpeedup) => "加速比",
            (Lang::En, LabCountsDiffer) => "The two counts differ: this is a bug, please report it.",
            (Lang::Zh, LabCountsDiffer) => "两次计数结果不同：这是一个错误，请报告。",
            (Lang::En, StatusSingleThreaded) => "single-threaded — this page is not cross-origin isolated (embedded page or host without headers)",
            (Lang::Zh, StatusSingleThreaded) => "单线程 — 本页面不是跨源隔离的（被嵌入的页面，或服务器未发送相应的头）",
            (Lang::En, StatusPoolFailed) => "single-threaded — the thread pool could not start",
            (Lang::Zh, StatusPoolFailed) => "单线程 — 线程池无法启动",
            (Lang::En, Explore) => "Explore",
            (Lang::Zh, Explore) => "探索",
            (Lang::En, ExploreIntro) => "Run the program under many seeds (0, 1, 2, …) with the settings above and see every way it can end: each bar is one output (or a range of a counter's values), an exception, or a deadlock.",
            (Lang::Zh, ExploreIntro) => "用上面的设置，以许多随机种子（0、1、2……）运行这个程序，看看它可能以哪些方式结束：每个柱条是一种输出（或计数器取值的一个区间）、一种异常，或死锁。",
            (Lang::En, Stepper) => "You are the scheduler",
            (Lang::Zh, Stepper) => "你来当调度器",
            (Lang::En, StepperIntro) => "Run the program with yourself as the scheduler: wherever two threads could run next and the chosen Python allows a switch, you pick who goes. Can you make the race lose an update, or the locks deadlock, by hand?",
            (Lang::Zh, StepperIntro) => "由你来当调度器运行这个程序：每当有两个线程都可以接着运行、且所选的 Python 版本允许切换时，由你决定谁先执行。你能亲手让竞态丢失一次更新，或者让锁陷入死锁吗？",
            (Lang::En, StepperStart) => "Start stepping",
            (Lang::Zh, StepperStart) => "开始单步调度",
            (Lang::En, StepperStep) => "Step",
            (Lang::Zh, StepperStep) => "走一步",
            (Lang::En, StepperUntilBlocks) => "Run until it blocks",
            (Lang::Zh, StepperUntilBlocks) => "运行到阻塞",
            (Lang::En, StepperUntilLine) => "Run to line",
            (Lang::Zh, StepperUntilLine) => "运行到行",
            (Lang::En, StepperCount) => "Steps ×N:",
            (Lang::Zh, StepperCount) => "步数 N：",
            (Lang::En, StepperLine) => "Run to line:",
            (Lang::Zh, StepperLine) => "运行到第几行：",
            (Lang::En, StepperUndo) => "Undo",
            (Lang::Zh, StepperUndo) => "撤销",
            (Lang::En, StepperRestart) => "Restart",
            (Lang::Zh, StepperRestart) => "重新开始",
            (Lang::En, StepperSteps) => "Choices",
            (Lang::Zh, StepperSteps) => "已做的选择",
            (Lang::En, StepperPick) => "Who runs next?",
            (Lang::Zh, StepperPick) => "下一步让谁运行？",
            (Lang::En, StepperEnded) => "The program ended with exit status",
            (Lang::Zh, StepperEnded) => "程序结束，退出状态",
            (Lang::En, StepperHoldsGil) => "holds the GIL",
            (Lang::Zh, StepperHoldsGil) => "持有 GIL",
            (Lang::En, StepperWaitsGil) => "waits for the GIL",
            (Lang::Zh, StepperWaitsGil) => "等待 GIL",
            (Lang::En, StepperWaitsFor) => "waits for",
            (Lang::Zh, StepperWaitsFor) => "等待",
            (Lang::En, StepperSleeping) => "sleeping",
            (Lang::Zh, StepperSleeping) => "休眠中",
            (Lang::En, StepperReady) => "ready",
            (Lang::Zh, StepperReady) => "就绪",
            (Lang::En, StepperClose) => "Stop stepping",
            (Lang::Zh, StepperClose) => "结束单步调度",
            (Lang::En, StepperBusy) => "Replaying your choices…",
            (Lang::Zh, StepperBusy) => "正在重放你的选择……",
            (Lang::En, StepperTimeline) => "You are the scheduler: the run so far, up to your next choice",
            (Lang::Zh, StepperTimeline) => "你来当调度器：到你下一次选择为止的运行过程",
            (Lang::En, ExploreSeeds) => "Seeds",
            (Lang::Zh, ExploreSeeds) => "种子数",
            (Lang::En, ExploreRun) => "Explore",
            (Lang::Zh, ExploreRun) => "开始探索",
            (Lang::En, ExploreRunning) => "exploring…",
            (Lang::Zh, ExploreRunning) => "探索中…",
            (Lang::En, ExploreStopped) => "stopped",
            (Lang::Zh, ExploreStopped) => "已停止",
            (Lang::En, ExploreDone) => "done",
            (Lang::Zh, ExploreDone) => "完成",
            (Lang::En, ExploreOnMainThread) => "on this page's thread, a slice per frame",
            (Lang::Zh, ExploreOnMainThread) => "在页面主线程上运行，每帧一小段",
            (Lang::En, ExploreHint) => "Click a bar to run its first seed: the run area and the timeline then show that interleaving.",
            (Lang::Zh, ExploreHint) => "点击一个柱条即可运行它的第一个种子：运行区和时间线随后会显示那一次的交错执行。",
            (Lang::En, ExploreStale) => "The program or its settings changed since this exploration: explore again to replay its seeds.",
            (Lang::Zh, ExploreStale) => "自这次探索以来，程序或其设置已经改变：请重新探索，才能重放其中的种子。",
            (Lang::En, ExploreDeadlock) => "deadlock",
            (Lang::Zh, ExploreDeadlock) => "死锁",
            (Lang::En, ExploreOther) => "other outputs",
            (Lang::Zh, ExploreOther) => "其他输出",
            (Lang::En, ExploreNoOutput) => "(no output)",
            (Lang::Zh, ExploreNoOutput) => "（无输出）",
            (Lang::En, ExploreEmpty) => "No run ended in this range.",
            (Lang::Zh, ExploreEmpty) => "没有运行的结果落在这个区间。",
            (Lang::En, ExploreCompileError) => "The program does not compile; run it to see where.",
            (Lang::Zh, ExploreCompileError) => "程序无法编译；运行它即可看到出错的位置。",
            (Lang::En, Files) => "Files",
            (Lang::Zh, Files) => "文件",
            (Lang::En, FilesNote) => "What the program left on its simulated disk (working directory /home/user). Each run starts with an empty disk; nothing is written to your computer.",
            (Lang::Zh, FilesNote) => "程序留在模拟磁盘上的文件（工作目录 /home/user）。每次运行都从空磁盘开始；不会写入你的电脑。",
            (Lang::En, FileBytes) => "bytes",
            (Lang::Zh, FileBytes) => "字节",
            (Lang::En, FileBinary) => ", binary",
            (Lang::Zh, FileBinary) => "，二进制",
            (Lang::En, FileMore) => "more characters not shown",
            (Lang::Zh, FileMore) => "个字符未显示",
        }
    }

    /// "N workers" (where Explore runs).
    pub fn explore_on_pool(self, workers: usize) -> String {
        match self {
            Lang::En => format!("on {workers} workers"),
            Lang::Zh => format!("在 {workers} 个 worker 上运行"),
        }
    }

    /// "42 / 100 runs · 3 distinct endings · 1 deadlock".
    pub fn explore_summary(self, runs: u64, total: u64, endings: usize, deadlocks: u64) -> String {
        match self {
            Lang::En => format!(
                "{runs} / {total} runs · {endings} distinct {} · {deadlocks} {}",
                if endings == 1 { "ending" } else { "endings" },
                if deadlocks == 1 {
                    "deadlock"
                } else {
                    "deadlocks"
                }
            ),
            Lang::Zh => {
                format!("{runs} / {total} 次运行 · {endings} 种不同结果 · {deadlocks} 次死锁")
            }
        }
    }

    /// A bar's tooltip: "17 runs (34%) · 3 distinct outputs · first seed 4".
    pub fn explore_bar_title(self, count: u64, percent: f64, outcomes: usize, seed: u64) -> String {
        match self {
            Lang::En => {
                let runs = if count == 1 { "run" } else { "runs" };
                let distinct = if outcomes > 1 {
                    format!(" · {outcomes} distinct outputs")
                } else {
                    String::new()
                };
                format!("{count} {runs} ({percent:.0}%){distinct} · click to run seed {seed}")
            }
            Lang::Zh => {
                let distinct = if outcomes > 1 {
                    format!(" · {outcomes} 种不同输出")
                } else {
                    String::new()
                };
                format!("{count} 次运行（{percent:.0}%）{distinct} · 点击运行种子 {seed}")
            }
        }
    }

    /// "parallel: N workers".
    pub fn parallel_status(self, workers: usize) -> String {
        match self {
            Lang::En => format!("parallel: {workers} workers"),
            Lang::Zh => format!("并行：{workers} 个 worker"),
        }
    }
}

/// A string of a preset (or any text given in both languages).
impl Lang {
    pub fn pick(self, both: super::presets::Both) -> &'static str {
        match self {
            Lang::En => both.en,
            Lang::Zh => both.zh,
        }
    }
}
