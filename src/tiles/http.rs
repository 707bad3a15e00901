//! Fetching tiles from a server, through the disk cache, with an honest view of the
//! network: one failure to connect turns the source offline, further requests are
//! answered from the cache alone, and a single probe is sent after a growing pause.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::{DiskCache, TileBackend, TileFailure, TileKey, TileSetInfo, TileSource};

/// First pause before probing again after a failure; it doubles up to [`MAX_BACKOFF`].
const FIRST_BACKOFF: Duration = Duration::from_secs(2);
/// Longest pause between probes while offline.
const MAX_BACKOFF: Duration = Duration::from_secs(60);
/// Server errors in a row before the source counts as down.
const SERVER_ERRORS_BEFORE_DOWN: u32 = 3;
/// Cached tiles older than this are fetched again when online (kept if that fails).
const REFRESH_AFTER: Duration = Duration::from_secs(30 * 24 * 3600);

/// The User-Agent sent with every request, as tile usage policies ask.
pub fn user_agent() -> String {
    format!(
        "Backstop/{} (desktop briefing map; tiles cached on disk)",
        env!("CARGO_PKG_VERSION")
    )
}

/// What the app knows about reaching a source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NetworkState {
    /// Requests are answered.
    Online,
    /// The source cannot be reached; tiles come from the cache until a probe succeeds.
    Offline {
        /// Why, in words ("no network: connection refused", "server answers HTTP 503").
        reason: String,
        /// When the next probe may go out.
        next_probe: Instant,
    },
}

#[derive(Debug)]
struct Health {
    state: NetworkState,
    backoff: Duration,
    server_errors: u32,
    probing: bool,
}

/// How the fetcher behaves; tests shorten the timeout.
#[derive(Debug, Clone, Copy)]
pub struct HttpOptions {
    /// Longest wait for a whole tile.
    pub timeout: Duration,
}

impl Default for HttpOptions {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(12),
        }
    }
}

/// An online source behind a disk cache.
pub struct HttpBackend {
    source: TileSource,
    info: TileSetInfo,
    cache: DiskCache,
    client: reqwest::blocking::Client,
    health: Mutex<Health>,
}

enum Permission {
    Go,
    Refuse(String),
}

impl HttpBackend {
    /// A backend for `source`, caching in `cache`.
    pub fn new(source: TileSource, cache: DiskCache, options: HttpOptions) -> Result<Self, String> {
        // reqwest is built without a crypto provider of its own; ring needs no cmake.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let mut headers = reqwest::header::HeaderMap::new();
        for (name, value) in &source.headers {
            let name = reqwest::header::HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| format!("{}: header name \"{name}\" is not valid", source.name))?;
            let value = reqwest::header::HeaderValue::from_str(value).map_err(|_| {
                format!(
                    "{}: the value of header \"{name}\" is not valid",
                    source.name
                )
            })?;
            headers.insert(name, value);
        }
        let client = reqwest::blocking::Client::builder()
            .user_agent(user_agent())
            .default_headers(headers)
            .connect_timeout(options.timeout.min(Duration::from_secs(5)))
            .timeout(options.timeout)
            .build()
            .map_err(|e| format!("{}: cannot set up HTTP: {e}", source.name))?;
        Ok(Self {
            info: TileSetInfo {
                name: source.name.clone(),
                attribution: source.attribution.clone(),
                min_zoom: source.min_zoom,
                max_zoom: source.max_zoom,
                tile_size: source.tile_size,
                bounds: None,
            },
            source,
            cache,
            client,
            health: Mutex::new(Health {
                state: NetworkState::Online,
                backoff: FIRST_BACKOFF,
                server_errors: 0,
                probing: false,
            }),
        })
    }

    /// The source served.
    pub fn source(&self) -> &TileSource {
        &self.source
    }

    /// Lets the next request go out at once (the user says the network is back).
    pub fn try_now(&self) {
        let mut health = self.lock();
        if let NetworkState::Offline { next_probe, .. } = &mut health.state {
            *next_probe = Instant::now();
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Health> {
        self.health
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// May a request go out now? Offline, only one probe per pause does.
    fn permission(&self) -> Permission {
        let mut health = self.lock();
        match &health.state {
            NetworkState::Online => Permission::Go,
            NetworkState::Offline { reason, next_probe } => {
                if Instant::now() >= *next_probe && !health.probing {
                    health.probing = true;
                    Permission::Go
                } else {
                    Permission::Refuse(reason.clone())
                }
            }
        }
    }

    fn answered(&self) {
        let mut health = self.lock();
        if health.state != NetworkState::Online {
            log::info!("{}: reachable again", self.source.name);
        }
        health.state = NetworkState::Online;
        health.backoff = FIRST_BACKOFF;
        health.server_errors = 0;
        health.probing = false;
    }

    fn failed(&self, reason: String, server_error: bool) {
        let mut health = self.lock();
        health.probing = false;
        if server_error {
            health.server_errors += 1;
            if health.server_errors < SERVER_ERRORS_BEFORE_DOWN
                && health.state == NetworkState::Online
            {
                return;
            }
        }
        let was_online = health.state == NetworkState::Online;
        let pause = if was_online {
            FIRST_BACKOFF
        } else {
            (health.backoff * 2).min(MAX_BACKOFF)
        };
        health.backoff = pause;
        if was_online {
            // Once per outage, not once per tile.
            log::warn!(
                "{}: offline ({reason}); showing cached tiles",
                self.source.name
            );
        }
        health.state = NetworkState::Offline {
            reason,
            next_probe: Instant::now() + pause,
        };
    }

    fn fetch(&self, key: TileKey) -> Result<Vec<u8>, TileFailure> {
        if let Permission::Refuse(reason) = self.permission() {
            return Err(TileFailure::Offline(reason));
        }
        let url = self.source.tile_url(key);
        let response = match self.client.get(&url).send() {
            Ok(response) => response,
            Err(e) => {
                let reason = describe_transport_error(&e);
                self.failed(reason.clone(), false);
                return Err(TileFailure::Offline(reason));
            }
        };
        let status = response.status();
        if status.is_success() {
            // A tile is tens of kilobytes: a body past the limit is refused, not kept.
            use std::io::Read;
            let mut bytes = Vec::new();
            let read = response
                .take(super::MAX_TILE_BYTES + 1)
                .read_to_end(&mut bytes);
            return match read {
                Ok(_) if bytes.len() as u64 > super::MAX_TILE_BYTES => {
                    self.answered();
                    Err(TileFailure::Corrupt(format!(
                        "the server sent more than {} MB for one tile",
                        super::MAX_TILE_BYTES >> 20
                    )))
                }
                Ok(_) => {
                    self.answered();
                    Ok(bytes)
                }
                Err(e) => {
                    let reason = format!("the tile could not be read: {e}");
                    self.failed(reason.clone(), false);
                    Err(TileFailure::Offline(reason))
                }
            };
        }
        let text = format!("server answers HTTP {status}");
        if status.as_u16() == 404 || status.as_u16() == 204 {
            self.answered();
            Err(TileFailure::Missing)
        } else if status.is_server_error() || status.as_u16() == 429 {
            self.failed(text.clone(), true);
            Err(TileFailure::Server(text))
        } else {
            // 401/403 and the like: the server is up but refuses; say so, do not go offline.
            self.answered();
            Err(TileFailure::Server(format!(
                "{text} (check the source's URL and key)"
            )))
        }
    }
}

fn describe_transport_error(error: &reqwest::Error) -> String {
    if error.is_timeout() {
        "no answer: the request timed out".into()
    } else if error.is_connect() {
        // The innermost cause says "connection refused", "dns error" and so on.
        let mut cause: &dyn std::error::Error = error;
        while let Some(next) = cause.source() {
            cause = next;
        }
        format!("no network: {cause}")
    } else {
        format!("network error: {error}")
    }
}

impl TileBackend for HttpBackend {
    fn tile_bytes(&self, key: TileKey) -> Result<Vec<u8>, TileFailure> {
        let cached = self.cache.get(key);
        let stale = cached.is_some() && self.cache.age(key).is_some_and(|age| age > REFRESH_AFTER);
        if let Some(bytes) = &cached
            && !stale
        {
            return Ok(bytes.clone());
        }
        match self.fetch(key) {
            Ok(bytes) => {
                if let Err(e) = self.cache.put(key, &bytes) {
                    log::debug!("tile cache: cannot write: {e}");
                }
                Ok(bytes)
            }
            Err(failure) => cached.ok_or(failure),
        }
    }

    fn forget(&self, key: TileKey) {
        self.cache.remove(key);
    }

    fn network(&self) -> Option<NetworkState> {
        Some(self.lock().state.clone())
    }

    fn info(&self) -> &TileSetInfo {
        &self.info
    }
}
