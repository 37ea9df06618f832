//! The slow service: it answers each request after a fixed wait, like a
//! remote service would, and it runs in a child process.
//!
//! Why a child: every connection costs a file descriptor at each end, and a
//! process may hold at most `RLIMIT_NOFILE` of them (20 000 here). With the
//! service in its own process, each side of 10 000 connections fits. It also
//! keeps the service's CPU time out of the clients' measurement.
//!
//! The protocol is one line each way: the client sends `call 7\n`, the
//! service waits, then sends the same bytes back and closes.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::SocketAddr;
use std::os::unix::process::CommandExt as _;
use std::process::{Child, ChildStdout, Command, Stdio};
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpSocket, TcpStream};

use super::{NetError, limits};

/// Set in the child's environment: the wait in microseconds. Its presence
/// is what makes this program the service instead of the chapter.
pub const SERVICE_ENV: &str = "COURSE_SLOW_SERVICE";
/// The port the child listens on (0: a free one).
pub const PORT_ENV: &str = "COURSE_SLOW_SERVICE_PORT";
/// For the fault test: the client whose connection the service resets.
pub const RESET_ENV: &str = "COURSE_SLOW_SERVICE_RESET";

/// The backlog the service asks `listen` for; Linux caps it at
/// `net.core.somaxconn`, silently.
pub const BACKLOG_ASKED: u32 = 65_535;

/// Longest request line the service reads.
const MAX_REQUEST: usize = 64;

/// The service, seen from the parent: its address, and the child to stop.
#[derive(Debug)]
pub struct ServiceProcess {
    /// Where it listens (always 127.0.0.1).
    pub addr: SocketAddr,
    /// The backlog it got: the smaller of what it asked and `somaxconn`.
    pub backlog: u32,
    child: Child,
}

impl ServiceProcess {
    /// Starts this program again as the service, answering after `wait` on
    /// `port` (0: any free one), and waits for its first line: `port P
    /// backlog B`, or the one-line reason it could not listen.
    pub fn start(wait: Duration, port: u16) -> Result<ServiceProcess, NetError> {
        let exe = std::env::current_exe()
            .map_err(|err| format!("cannot find this program: {err}"))?;
        let mut child = Command::new(exe)
            // A process group of its own: the terminal's Ctrl-C goes to the
            // chapter, which stops its clients first and then the service.
            .process_group(0)
            .env(SERVICE_ENV, wait.as_micros().to_string())
            .env(PORT_ENV, port.to_string())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|err| format!("cannot start the service: {err}"))?;
        let stdout = child.stdout.take();
        // From here on, dropping `service` kills and reaps the child.
        let mut service = ServiceProcess {
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            backlog: 0,
            child,
        };
        let line = stdout.map(first_line).unwrap_or_default();
        match parse_ready(&line) {
            Some((port, backlog)) => {
                service.addr.set_port(port);
                service.backlog = backlog;
                Ok(service)
            }
            None if line.is_empty() => Err("the service exited at once".into()),
            None => Err(line.trim_start_matches("error: ").to_string()),
        }
    }
}

fn first_line(stdout: ChildStdout) -> String {
    let mut line = String::new();
    let _ = BufReader::new(stdout.take(256)).read_line(&mut line);
    line.trim_end().to_string()
}

/// `port 4242 backlog 4096`: the port and the backlog granted.
fn parse_ready(line: &str) -> Option<(u16, u32)> {
    let (port, backlog) = line.strip_prefix("port ")?.split_once(" backlog ")?;
    Some((port.parse().ok()?, backlog.parse().ok()?))
}

impl Drop for ServiceProcess {
    /// A dropped `Child` is not killed: kill it and reap it, always
    /// (normal end, error, Ctrl-C all pass through here).
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// In the child: serves, then exits with the service's code; in the
/// chapter's own process it returns at once. `main` calls this first, as
/// chapter 4's calls `worker::exit_if_worker`.
pub fn exit_if_service() {
    if let Some(code) = serve_if_asked() {
        std::process::exit(code);
    }
}

/// In the child: serves if [`SERVICE_ENV`] is set and returns the exit code;
/// `None` in the chapter's own process (for a program that serves as
/// something else too, as `compare` does).
pub fn serve_if_asked() -> Option<i32> {
    let wait = std::env::var(SERVICE_ENV).ok()?;
    let wait = Duration::from_micros(wait.parse().unwrap_or(100_000));
    let port = std::env::var(PORT_ENV).ok().and_then(|p| p.parse().ok()).unwrap_or(0);
    let reset = std::env::var(RESET_ENV).ok().and_then(|c| c.parse::<usize>().ok());
    let _ = limits::raise_to_hard();
    // The parent holds our stdin; when it closes (the parent ended in any
    // way, even killed), the service ends too: nothing is left behind.
    std::thread::spawn(|| {
        let _ = std::io::copy(&mut std::io::stdin(), &mut std::io::sink());
        std::process::exit(0);
    });
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build();
    let Ok(runtime) = runtime else { return Some(2) };
    Some(runtime.block_on(async {
        let listener = match listen(port) {
            Ok(listener) => listener,
            Err(err) => {
                println!("error: the service cannot listen on 127.0.0.1:{port}: {err}");
                return 2;
            }
        };
        let port = listener.local_addr().map(|a| a.port()).unwrap_or(port);
        println!("port {port} backlog {}", limits::backlog_granted(BACKLOG_ASKED));
        let _ = std::io::stdout().flush();
        match reset {
            None => serve(listener, move |stream| answer_later(stream, wait)).await,
            Some(client) => {
                serve(listener, move |s| reset_or_answer(s, wait, client)).await
            }
        }
    }))
}

// ANCHOR: serve
/// Answers every connection on a task of its own: the service itself is
/// an event loop.
async fn serve<F>(listener: TcpListener, answer: impl Fn(TcpStream) -> F) -> i32
where
    F: Future<Output = ()> + Send + 'static,
{
    loop {
        match listener.accept().await {
            Ok((stream, _)) => {
                tokio::spawn(answer(stream));
            }
            // Out of file descriptors, say: wait a moment and go on.
            Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
        }
    }
}

/// Reads one request line, waits `wait`, sends the line back and closes.
async fn answer_later(stream: TcpStream, wait: Duration) {
    let (reader, mut writer) = stream.into_split();
    let mut request = Vec::new();
    let mut reader = tokio::io::BufReader::new(reader).take(MAX_REQUEST as u64);
    let read = reader.read_until(b'\n', &mut request);
    if tokio::time::timeout(Duration::from_secs(60), read).await.is_err() {
        return;
    }
    tokio::time::sleep(wait).await;
    let _ = writer.write_all(&request).await;
    let _ = writer.shutdown().await;
}
// ANCHOR_END: serve

/// For the fault test ([`RESET_ENV`]): the connection of client `client`
/// is reset (SO_LINGER 0, then close: the kernel sends a reset, not a
/// FIN); every other one is answered.
async fn reset_or_answer(stream: TcpStream, wait: Duration, client: usize) {
    let mut head = [0u8; MAX_REQUEST];
    let peeked = tokio::time::timeout(Duration::from_secs(60), stream.peek(&mut head));
    let n = peeked.await.ok().and_then(Result::ok).unwrap_or(0);
    if head[..n] == *format!("call {client}\n").as_bytes() {
        let _ = stream.set_zero_linger();
        return;
    }
    answer_later(stream, wait).await;
}

fn listen(port: u16) -> std::io::Result<TcpListener> {
    let socket = TcpSocket::new_v4()?;
    socket.bind(SocketAddr::from(([127, 0, 0, 1], port)))?;
    socket.listen(BACKLOG_ASKED)
}
