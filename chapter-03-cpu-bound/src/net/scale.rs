//! Thousands of connections: what a thread costs, and what a task costs.
//!
//! Every client first connects and then waits at a gate, so that all the
//! connections are open at once when the process's memory is read; then the
//! gate opens, every client sends its request, and the service answers each
//! after its wait. Per kind: the time until all were connected, the memory
//! they held meanwhile, the time from the gate to the last answer, the
//! failures (there must be none), and how many connects took a second or
//! more: the sign of a SYN the kernel dropped and the client sent again.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, OnceLock, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use shared::shutdown::Shutdown;
use tokio::runtime::Builder;
use tokio::sync::{mpsc, watch};

use super::client;

/// Stack size of each client thread. The default is 2 MiB of address space
/// per thread; the clients need far less, and 10 000 small stacks keep the
/// reservation modest. The kernel makes a stack page resident only once it
/// is touched, so resident memory tells the real cost either way.
pub const THREAD_STACK: usize = 64 * 1024;

/// A connect that took this long was retried: Linux waits 1 s (its initial
/// retransmission timeout) before it sends a lost SYN again.
pub const SYN_RETRY: Duration = Duration::from_secs(1);

/// What opening many connections of one kind cost.
#[derive(Debug, Clone, Default)]
pub struct ScaleRun {
    /// `tasks` or `threads`.
    pub kind: &'static str,
    /// Clients started (fewer if the OS refused a thread).
    pub started: usize,
    /// Time until every started client was connected, waiting at the gate.
    pub startup: Duration,
    /// Growth of resident memory while all were connected, if readable.
    pub resident_growth: Option<u64>,
    /// Time from the gate opening to the last answer.
    pub all_answered: Duration,
    /// Requests answered, echo checked.
    pub answered: usize,
    /// Failed clients.
    pub failed: usize,
    /// The first failure's reason.
    pub first_failure: Option<String>,
    /// Connects that took [`SYN_RETRY`] or longer.
    pub slow_connects: usize,
    /// The slowest connect.
    pub slowest_connect: Duration,
    /// Why the OS refused a thread, if it did.
    pub refused: Option<String>,
    /// Wall and CPU time of the whole run (set by the report).
    pub measured: Option<shared::measure::Measurement>,
}

impl ScaleRun {
    /// Start-up time per started client.
    pub fn startup_each(&self) -> Duration {
        self.startup / self.started.max(1) as u32
    }

    /// Resident memory per started client, in bytes.
    pub fn resident_each(&self) -> Option<f64> {
        Some(self.resident_growth? as f64 / self.started.max(1) as f64)
    }
}

/// What the clients note (connected, how long that took, done), and the
/// clock and the memory readings around them.
#[derive(Debug)]
struct Tally {
    connected: AtomicUsize,
    run: Mutex<ScaleRun>,
    started_at: Instant,
    resident_before: Option<u64>,
    gate_opened: OnceLock<Instant>,
}

impl Tally {
    fn start(kind: &'static str) -> Tally {
        Tally {
            connected: AtomicUsize::new(0),
            run: Mutex::new(ScaleRun { kind, ..ScaleRun::default() }),
            resident_before: resident_bytes(),
            started_at: Instant::now(),
            gate_opened: OnceLock::new(),
        }
    }

    fn connect_took(&self, took: Duration) {
        let mut run = self.lock();
        run.slow_connects += usize::from(took >= SYN_RETRY);
        run.slowest_connect = run.slowest_connect.max(took);
    }

    /// Every client is connected: the start-up time and the memory held.
    /// The gate opens right after.
    fn all_connected(&self) {
        let startup = self.started_at.elapsed();
        let during = resident_bytes();
        let mut run = self.lock();
        run.startup = startup;
        run.resident_growth =
            during.zip(self.resident_before).map(|(d, b)| d.saturating_sub(b));
        let _ = self.gate_opened.set(Instant::now());
    }

    fn done(&self, result: std::io::Result<()>) {
        let mut run = self.lock();
        match result {
            Ok(()) => run.answered += 1,
            Err(err) => {
                run.failed += 1;
                run.first_failure.get_or_insert_with(|| client::phrase(&err));
            }
        }
    }

    fn lock(&self) -> MutexGuard<'_, ScaleRun> {
        self.run.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The run, once the last client is done; `started` of them were.
    fn into_run(self, started: usize) -> ScaleRun {
        let all_answered = self.gate_opened.get().map(Instant::elapsed);
        let run = self.run.into_inner().unwrap_or_else(PoisonError::into_inner);
        ScaleRun { started, all_answered: all_answered.unwrap_or_default(), ..run }
    }
}

// ANCHOR: scale_tasks
/// `n` clients as tasks on one current-thread runtime.
pub fn tasks(addr: SocketAddr, n: usize, shutdown: &'static Shutdown) -> ScaleRun {
    let Ok(runtime) = Builder::new_current_thread().enable_all().build() else {
        return ScaleRun { kind: "tasks", ..ScaleRun::default() };
    };
    let tally = Arc::new(Tally::start("tasks"));
    let (open, gate) = watch::channel(false);
    let (connected, mut all_connected) = mpsc::unbounded_channel();
    runtime.block_on(async {
        let clients: Vec<_> = (1..=n)
            .map(|client| {
                let (tally, mut gate, connected) =
                    (Arc::clone(&tally), gate.clone(), connected.clone());
                tokio::spawn(async move {
                    let start = Instant::now();
                    let stream = client::connect_async(addr).await;
                    tally.connect_took(start.elapsed());
                    let _ = connected.send(());
                    let go = gate
                        .wait_for(|open| *open)
                        .await
                        .is_ok_and(|_| !shutdown.is_requested());
                    match stream {
                        Ok(stream) if go => {
                            tally.done(client::request_async(stream, client).await)
                        }
                        Ok(_) => {}
                        Err(err) => tally.done(Err(err)),
                    }
                })
            })
            .collect();
        for _ in 0..n {
            tokio::select! {
                _ = all_connected.recv() => {}
                _ = shutdown.requested() => break,
            }
        }
        tally.all_connected(); // reads the start-up time and resident memory
        let _ = open.send(true);
        for client in clients {
            let _ = client.await;
        }
    });
    Arc::into_inner(tally).map_or_else(ScaleRun::default, |tally| tally.into_run(n))
}
// ANCHOR_END: scale_tasks

// ANCHOR: scale_threads
/// `n` clients, each on an OS thread with a small stack.
pub fn threads(addr: SocketAddr, n: usize, shutdown: &'static Shutdown) -> ScaleRun {
    let tally = Tally::start("threads");
    let gate = Gate::default();
    let (mut started, mut refused) = (0, None);
    thread::scope(|scope| {
        for client in 1..=n {
            let (tally, gate) = (&tally, &gate);
            let job = move || {
                let start = Instant::now();
                let stream = client::connect(addr);
                tally.connect_took(start.elapsed());
                tally.connected.fetch_add(1, Ordering::SeqCst);
                let go = gate.wait(shutdown);
                match stream {
                    Ok(stream) if go => tally.done(client::request(stream, client)),
                    Ok(_) => {}
                    Err(err) => tally.done(Err(err)),
                }
            };
            let builder = thread::Builder::new().stack_size(THREAD_STACK);
            match builder.spawn_scoped(scope, job) {
                Ok(_) => started += 1,
                Err(err) => {
                    refused = Some(client::phrase(&err));
                    break;
                }
            }
        }
        while tally.connected.load(Ordering::SeqCst) < started && !shutdown.is_requested()
        {
            thread::sleep(Duration::from_micros(200));
        }
        tally.all_connected(); // reads the start-up time and resident memory
        gate.open();
    });
    ScaleRun { refused, ..tally.into_run(started) }
}
// ANCHOR_END: scale_threads

/// The process's resident memory (`VmRSS`), where `/proc` has it.
pub fn resident_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmRSS:"))?;
    let kib: u64 =
        line["VmRSS:".len()..].trim().trim_end_matches("kB").trim().parse().ok()?;
    Some(kib * 1024)
}

/// A gate threads wait at until it opens, once; Ctrl-C also lets them out.
#[derive(Debug, Default)]
struct Gate {
    open: Mutex<bool>,
    opened: Condvar,
}

impl Gate {
    /// Waits for the gate; `false` if Ctrl-C came first.
    fn wait(&self, shutdown: &Shutdown) -> bool {
        let mut open = self.open.lock().unwrap_or_else(|p| p.into_inner());
        while !*open {
            if shutdown.is_requested() {
                return false;
            }
            let tick = Duration::from_millis(50);
            open =
                self.opened.wait_timeout(open, tick).unwrap_or_else(|p| p.into_inner()).0;
        }
        !shutdown.is_requested()
    }

    fn open(&self) {
        *self.open.lock().unwrap_or_else(|p| p.into_inner()) = true;
        self.opened.notify_all();
    }
}
