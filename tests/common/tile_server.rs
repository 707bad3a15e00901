//! A tile server on 127.0.0.1 for the tests: generated PNG tiles, and on demand HTTP 500,
//! a stall, garbage bytes or slowness; it can be stopped so connections are refused.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How the server answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
#[allow(dead_code)]
pub enum Mode {
    /// A PNG tile coloured by z/x/y.
    Tiles = 0,
    /// HTTP 500.
    Fail = 1,
    /// Never answers.
    Stall = 2,
    /// HTTP 200 with bytes that are not a picture.
    Garbage = 3,
    /// A tile after 150 ms.
    Slow = 4,
}

/// A running test server.
pub struct TileServer {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    mode: Arc<AtomicU8>,
    stopped: Arc<AtomicBool>,
    /// Requests answered or stalled.
    pub requests: Arc<AtomicUsize>,
    /// The User-Agent of the last request.
    pub user_agent: Arc<Mutex<String>>,
    port: u16,
}

/// The colour of tile z/x/y, so tests can tell tiles apart in pictures and packs.
pub fn tile_colour(z: u32, x: u32, y: u32) -> [u8; 4] {
    [
        (40 + z * 20) as u8,
        (x * 37 % 200 + 30) as u8,
        (y * 53 % 200 + 30) as u8,
        255,
    ]
}

/// A PNG tile of `size` pixels in `tile_colour`.
pub fn tile_png(z: u32, x: u32, y: u32, size: u32) -> Vec<u8> {
    let picture = image::RgbaImage::from_pixel(size, size, image::Rgba(tile_colour(z, x, y)));
    let mut bytes = Vec::new();
    picture
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .unwrap_or_else(|e| panic!("encode tile: {e}"));
    bytes
}

impl TileServer {
    /// Starts serving in `mode`.
    pub fn start(mode: Mode) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("bind: {e}"));
        let port = listener
            .local_addr()
            .map(|a| a.port())
            .unwrap_or_else(|e| panic!("{e}"));
        let server = Self {
            base: format!("http://127.0.0.1:{port}"),
            mode: Arc::new(AtomicU8::new(mode as u8)),
            stopped: Arc::new(AtomicBool::new(false)),
            requests: Arc::new(AtomicUsize::new(0)),
            user_agent: Arc::new(Mutex::new(String::new())),
            port,
        };
        let (mode, stopped, requests, agent) = (
            server.mode.clone(),
            server.stopped.clone(),
            server.requests.clone(),
            server.user_agent.clone(),
        );
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stopped.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let (mode, stopped, requests, agent) = (
                    mode.clone(),
                    stopped.clone(),
                    requests.clone(),
                    agent.clone(),
                );
                std::thread::spawn(move || answer(stream, &mode, &stopped, &requests, &agent));
            }
            // The listener is dropped here: later connections are refused.
        });
        server
    }

    /// The URL template of its tiles.
    pub fn template(&self) -> String {
        format!("{}/{{z}}/{{x}}/{{y}}.png", self.base)
    }

    /// Changes how it answers.
    pub fn set_mode(&self, mode: Mode) {
        self.mode.store(mode as u8, Ordering::SeqCst);
    }

    /// Stops listening: connections are refused from now on.
    pub fn stop(&self) {
        self.stopped.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the flag and drops the listener.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        std::thread::sleep(Duration::from_millis(50));
    }

    /// Requests seen so far.
    pub fn request_count(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }
}

impl Drop for TileServer {
    fn drop(&mut self) {
        self.stop();
    }
}

fn answer(
    stream: TcpStream,
    mode: &AtomicU8,
    stopped: &AtomicBool,
    requests: &AtomicUsize,
    agent: &Mutex<String>,
) {
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(s) => s,
        Err(_) => return,
    });
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() || request_line.is_empty() {
        return;
    }
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).is_err() || header.trim().is_empty() {
            break;
        }
        if let Some(value) = header.to_ascii_lowercase().strip_prefix("user-agent:")
            && let Ok(mut a) = agent.lock()
        {
            *a = value.trim().to_owned();
        }
    }
    requests.fetch_add(1, Ordering::SeqCst);
    let path = request_line.split_whitespace().nth(1).unwrap_or("/");
    let numbers: Vec<u32> = path
        .trim_end_matches(".png")
        .split('/')
        .filter_map(|p| p.parse().ok())
        .collect();
    let mut stream = stream;
    let respond = |stream: &mut TcpStream, status: &str, body: &[u8]| {
        let head = format!(
            "HTTP/1.1 {status}\r\nContent-Type: image/png\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        );
        let _ = stream.write_all(head.as_bytes());
        let _ = stream.write_all(body);
    };
    match mode.load(Ordering::SeqCst) {
        1 => respond(&mut stream, "500 Internal Server Error", b"down"),
        2 => {
            // Hold the connection without a word until the server stops or the mode changes.
            for _ in 0..300 {
                if stopped.load(Ordering::SeqCst) || mode.load(Ordering::SeqCst) != 2 {
                    break;
                }
                std::thread::sleep(Duration::from_millis(100));
            }
        }
        3 => respond(&mut stream, "200 OK", b"<html>this is not a tile</html>"),
        other => {
            if other == 4 {
                std::thread::sleep(Duration::from_millis(150));
            }
            match numbers.as_slice() {
                [z, x, y] => respond(&mut stream, "200 OK", &tile_png(*z, *x, *y, 256)),
                _ => respond(&mut stream, "404 Not Found", b""),
            }
        }
    }
}

/// Every tile of these zooms, each a flat PNG in its own colour, `size` pixels square.
#[allow(dead_code)]
pub fn world_tiles(zooms: std::ops::RangeInclusive<u8>, size: u32) -> Vec<(u8, u32, u32, Vec<u8>)> {
    let mut tiles = Vec::new();
    for z in zooms {
        for x in 0..(1u32 << z) {
            for y in 0..(1u32 << z) {
                tiles.push((z, x, y, tile_png(u32::from(z), x, y, size)));
            }
        }
    }
    tiles
}
