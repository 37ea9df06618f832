//! Thousands of connections: what a thread costs, and what a task costs.
//!
//! Every client first connects and then waits at a gate, so that all the
//! connections are open at once when the process's memory is read; then the
//! gate opens, every client sends its request, and the service answers each
//! after its wait. What is measured (how long each connect took, the memory
//! held, the answers) is the [`Gauge`]'s business, supplied from outside.
//!
//! All clients connect to one port of 127.0.0.1, and a connection needs a
//! source port of its own: one source address has only the ephemeral range
//! (`/proc/sys/net/ipv4/ip_local_port_range`) to give. So the clients are
//! spread over several source addresses ([`limits::source_address`]).

use std::io;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::Duration;

use shared::shutdown::Shutdown;
use tokio::runtime::Builder;
use tokio::sync::{mpsc, watch};

use super::{client, limits};

/// Stack size of each client thread. The default is 2 MiB of address space
/// per thread; the clients need far less, and 10 000 small stacks keep the
/// reservation modest. The kernel makes a stack page resident only once it
/// is touched, so resident memory tells the real cost either way.
pub const THREAD_STACK: usize = 64 * 1024;

/// Watches the scale-up's connections from outside.
pub trait Gauge: Send + Sync + 'static {
    /// Runs one blocking connect.
    fn connect<S>(&self, connect: impl FnOnce() -> io::Result<S>) -> io::Result<S>;
    /// Awaits one async connect.
    fn connect_async<S>(
        &self,
        connect: impl Future<Output = io::Result<S>> + Send,
    ) -> impl Future<Output = io::Result<S>> + Send;
    /// Every client is connected (or gave up): the gate opens right after.
    fn all_connected(&self);
    /// How one client's request ended.
    fn done(&self, result: io::Result<()>);
}

/// What the gate says when it opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Go {
    Waiting,
    Send,
    Stop,
}

// ANCHOR: scale_tasks
/// `n` clients as tasks on one current-thread runtime.
pub fn tasks(addr: SocketAddr, n: usize, gauge: &Arc<impl Gauge>, shutdown: &Shutdown) {
    let Ok(runtime) = Builder::new_current_thread().enable_all().build() else { return };
    let (open, gate) = watch::channel(Go::Waiting);
    let (connected, mut all_connected) = mpsc::unbounded_channel();
    runtime.block_on(async {
        let clients: Vec<_> = (1..=n)
            .map(|client| {
                let (gauge, mut gate) = (Arc::clone(gauge), gate.clone());
                let connected = connected.clone();
                tokio::spawn(async move {
                    let source = limits::source_address(client);
                    let connect = client::connect_async_from(addr, source);
                    let stream = gauge.connect_async(connect).await;
                    let _ = connected.send(());
                    let go = gate.wait_for(|go| *go != Go::Waiting).await.map(|go| *go);
                    let go = go.unwrap_or(Go::Stop);
                    match stream {
                        Ok(stream) if go == Go::Send => {
                            gauge.done(client::request_async(stream, client).await)
                        }
                        Ok(_) => {}
                        Err(err) => gauge.done(Err(err)),
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
        gauge.all_connected();
        let _ = open.send(if shutdown.is_requested() { Go::Stop } else { Go::Send });
        let all_done = async {
            for client in clients {
                let _ = client.await;
            }
        };
        // On Ctrl-C, clients still connecting are dropped with the runtime.
        tokio::select! {
            () = all_done => {}
            () = shutdown.requested() => {}
        }
    });
}
// ANCHOR_END: scale_tasks

// ANCHOR: scale_threads
/// `n` clients, each on an OS thread with a small stack. Returns how many
/// threads started, and why the OS refused the next one, if it did.
pub fn threads(
    addr: SocketAddr,
    n: usize,
    gauge: &impl Gauge,
    shutdown: &Shutdown,
) -> (usize, Option<io::Error>) {
    let (gate, connected) = (Gate::default(), AtomicUsize::new(0));
    let (mut started, mut refused) = (0, None);
    thread::scope(|scope| {
        for client in 1..=n {
            let (gate, connected) = (&gate, &connected);
            let job = move || {
                let source = limits::source_address(client);
                let stream = gauge.connect(|| client::connect_from(addr, source));
                connected.fetch_add(1, Ordering::SeqCst);
                match stream {
                    Ok(stream) if gate.wait(shutdown) => {
                        gauge.done(client::request(stream, client))
                    }
                    Ok(_) => {}
                    Err(err) => gauge.done(Err(err)),
                }
            };
            let builder = thread::Builder::new().stack_size(THREAD_STACK);
            match builder.spawn_scoped(scope, job) {
                Ok(_) => started += 1,
                Err(err) => {
                    refused = Some(err);
                    break;
                }
            }
        }
        while connected.load(Ordering::SeqCst) < started && !shutdown.is_requested() {
            thread::sleep(Duration::from_micros(200));
        }
        gauge.all_connected();
        gate.open();
    });
    (started, refused)
}
// ANCHOR_END: scale_threads

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
