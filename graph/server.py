"""A real Neo4j Community server assembled from Maven Central jars, one instance per home directory."""

import contextlib
import fcntl
import hashlib
import os
import shutil
import signal
import socket
import subprocess
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, DriverError, Neo4jError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
POM = PROJECT_ROOT / "pom.xml"
# Shared by every instance: a home holds conf/data/logs/run, the classpath points here.
DIST_LIB = PROJECT_ROOT / "var" / "neo4j-dist" / "lib"

ENTRY_POINT_SERVICE = "META-INF/services/org.neo4j.server.startup.EntryPoint"
FALLBACK_ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"  # 5.26; 2025.12+ is Neo4jCommunity
ADMIN_COMMAND = "org.neo4j.server.startup.Neo4jAdminCommand"
# What bin/neo4j passes on Java 17; without the add-opens Netty and the page cache fail at start.
JVM_FLAGS = (
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dfile.encoding=UTF-8",
)
USER = "neo4j"
LOG_TAIL_LINES = 40


class Neo4jServerError(RuntimeError):
    """The local server could not be installed, started or stopped; the message says why."""


@dataclass(frozen=True, slots=True)
class Neo4jStatus:
    running: bool
    pid: int | None
    home: Path
    bolt_uri: str
    browser_url: str
    log: Path


class LocalNeo4j:
    """One Neo4j server: its home (conf, data, logs, run) and its two loopback ports."""

    def __init__(
        self,
        home: Path,
        *,
        bolt_port: int = 7687,
        http_port: int = 7474,
        password: str,
        heap: str = "1g",
        pagecache: str = "256m",
        lib: Path = DIST_LIB,
        start_timeout: float = 180.0,  # a cold start takes 10 s idle, near a minute on two busy cores
        api_url: str = "http://127.0.0.1:8000",  # where Browser fetches didar's style and guide
    ) -> None:
        if len(password) < 8:
            raise ValueError("Neo4j needs a password of at least 8 characters")
        self.home = home.resolve()
        self.bolt_port = bolt_port
        self.http_port = http_port
        self.password = password
        self.heap = heap
        self.pagecache = pagecache
        self.lib = lib.resolve()
        self.start_timeout = start_timeout
        self.api_url = api_url.rstrip("/")

    @property
    def bolt_uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    @property
    def browser_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/browser/"

    @property
    def _discovery_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/"

    @property
    def log_path(self) -> Path:
        return self.home / "logs" / "console.log"

    @property
    def _pid_path(self) -> Path:
        return self.home / "run" / "neo4j.pid"

    def install(self) -> None:
        """Fetch the jars with Maven unless the shared lib folder already holds this pom's set."""
        install_jars(self.lib)

    def status(self) -> Neo4jStatus:
        """Whether this home's server process is alive, and where to reach it."""
        pid = self._running_pid()
        return Neo4jStatus(pid is not None, pid, self.home, self.bolt_uri, self.browser_url, self.log_path)

    def start(self) -> bool:
        """Start the server and wait until Bolt and HTTP answer; False if it was already running."""
        self.install()
        with _locked(self.home / "run" / ".lock"):  # a second `start` waits, then finds it running
            pid = self._running_pid()
            started = pid is None
            if pid is None:
                self._refuse_busy_ports()
                self._write_conf()
                if not (self.home / "data" / "databases" / "system").exists():
                    self._set_initial_password()
                pid = self._launch()
            self._wait_until_ready(pid)
        return started

    def stop(self, timeout: float = 60.0) -> bool:
        """SIGTERM the server, SIGKILL it after `timeout` seconds; False if it was not running."""
        pid = self._running_pid()
        if pid is None:
            return False
        os.kill(pid, signal.SIGTERM)
        if not _wait_for_exit(pid, timeout):
            os.kill(pid, signal.SIGKILL)
            _wait_for_exit(pid, 10.0)
        self._pid_path.unlink(missing_ok=True)
        return True

    def _running_pid(self) -> int | None:
        try:
            pid = int(self._pid_path.read_text().strip())
        except (FileNotFoundError, ValueError):
            return None
        if _is_our_process(pid, self.home):
            return pid
        self._pid_path.unlink(missing_ok=True)  # stale: the JVM died or the machine rebooted
        return None

    def _refuse_busy_ports(self) -> None:
        for port in (self.bolt_port, self.http_port):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    raise Neo4jServerError(
                        f"port {port} is already in use by another process; "
                        f"the Neo4j in {self.home} needs ports {self.bolt_port} and {self.http_port}"
                    )

    def _write_conf(self) -> None:
        for folder in ("conf", "data", "logs", "run", "import", "plugins"):
            (self.home / folder).mkdir(parents=True, exist_ok=True)
        conf = {
            "server.directories.data": "data",
            "server.directories.logs": "logs",
            "server.directories.run": "run",
            "server.directories.import": "import",
            "server.directories.plugins": "plugins",
            "server.default_listen_address": "127.0.0.1",
            "server.default_advertised_address": "127.0.0.1",
            "server.bolt.listen_address": f"127.0.0.1:{self.bolt_port}",
            # Discovery JSON (and so the Browser) reports these; the defaults say 7687 whatever we listen on.
            "server.bolt.advertised_address": f"127.0.0.1:{self.bolt_port}",
            "server.http.listen_address": f"127.0.0.1:{self.http_port}",
            "server.http.advertised_address": f"127.0.0.1:{self.http_port}",
            "server.https.enabled": "false",
            "dbms.security.auth_enabled": "true",
            "dbms.usage_report.enabled": "false",
            "server.memory.pagecache.size": self.pagecache,
            "server.config.strict_validation.enabled": "false",
            # Netty's default 5 s quiet period, paid twice, makes every stop take 12 s instead of 2 s.
            "internal.dbms.bolt.netty_server_shutdown_quiet_period": "0",
            # Browser applies didar's style and opens its guide at every connection (served by the API).
            "browser.remote_content_hostname_whitelist": "guides.neo4j.com,localhost,127.0.0.1",
            "browser.post_connect_cmd": f"style {self.api_url}/browser/style.grass; "
            f"guide {self.api_url}/browser/guide.html",
        }
        lines = ["# Written by didar (graph/server.py) at every start: edits here are overwritten."]
        lines += [f"{key}={value}" for key, value in conf.items()]
        (self.home / "conf" / "neo4j.conf").write_text("\n".join(lines) + "\n", encoding="utf-8")

    def _set_initial_password(self) -> None:
        env = os.environ | {"NEO4J_HOME": str(self.home), "NEO4J_CONF": str(self.home / "conf")}
        command = [_java(), "-cp", f"{self.lib}/*", ADMIN_COMMAND, "dbms", "set-initial-password"]
        done = subprocess.run([*command, self.password], env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise Neo4jServerError(f"setting the initial Neo4j password failed:\n{done.stdout}{done.stderr}")

    def _launch(self) -> int:
        classpath = f"{self.home}/plugins/*:{self.home}/conf/*:{self.lib}/*"
        command = [
            _java(),
            "-Xms256m",
            f"-Xmx{self.heap}",
            *JVM_FLAGS,
            "-cp",
            classpath,
            find_entry_point(self.lib),
            f"--home-dir={self.home}",
            f"--config-dir={self.home / 'conf'}",
            "--console-mode",  # stay in the foreground of our child process; daemon mode hides the log
        ]
        env = {key: value for key, value in os.environ.items() if key not in ("JAVA_OPTS", "NEO4J_CONF")}
        with self.log_path.open("wb") as log:
            process = subprocess.Popen(
                command,
                cwd=self.home,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # outlives `didar neo4j start` and ignores the terminal's Ctrl-C
            )
        self._pid_path.write_text(f"{process.pid}\n")
        return process.pid

    def _wait_until_ready(self, pid: int) -> None:
        deadline = time.monotonic() + self.start_timeout
        with GraphDatabase.driver(
            self.bolt_uri, auth=(USER, self.password), connection_timeout=2.0
        ) as driver:
            while True:
                if not _is_alive(pid):
                    self._pid_path.unlink(missing_ok=True)
                    raise Neo4jServerError(f"Neo4j exited during start-up.\n{self._log_tail()}")
                try:
                    driver.verify_connectivity()
                    if httpx.get(self._discovery_url, timeout=2.0, trust_env=False).is_success:
                        return
                except AuthError as error:
                    raise Neo4jServerError(
                        f"Neo4j in {self.home} refuses the configured password ({error}). "
                        f"It keeps the password it was first started with: set NEO4J_PASSWORD to it, "
                        f"or stop the server and delete {self.home / 'data'} to start afresh."
                    ) from error
                except (DriverError, Neo4jError, httpx.HTTPError, OSError):
                    pass
                if time.monotonic() > deadline:
                    raise Neo4jServerError(
                        f"Neo4j did not answer on {self.bolt_uri} within {self.start_timeout:.0f} s "
                        f"(pid {pid} still runs).\n{self._log_tail()}"
                    )
                time.sleep(0.5)

    def _log_tail(self) -> str:
        try:
            lines = self.log_path.read_text(encoding="utf-8", errors="replace").splitlines()
        except FileNotFoundError:
            return f"(no log at {self.log_path})"
        return f"Last lines of {self.log_path}:\n" + "\n".join(lines[-LOG_TAIL_LINES:])


def install_jars(lib: Path = DIST_LIB, pom: Path = POM) -> None:
    """Copy the pom's runtime dependencies into `lib` once (Maven caches them in ~/.m2)."""
    stamp = lib / ".pom-sha256"
    digest = hashlib.sha256(pom.read_bytes()).hexdigest()
    if stamp.is_file() and stamp.read_text().strip() == digest:
        return
    with _locked(lib.parent / ".install.lock"):
        if stamp.is_file() and stamp.read_text().strip() == digest:
            return  # another process fetched them while we waited for the lock
        mvn = shutil.which("mvn")
        if mvn is None:
            raise Neo4jServerError("Maven (`mvn`, 3.8+) is needed once to fetch the Neo4j jars; install it")
        staging = lib.with_name(lib.name + ".partial")
        shutil.rmtree(staging, ignore_errors=True)
        print(f"Fetching the Neo4j jars from Maven Central into {lib} (once; ~140 MB) ...", flush=True)
        command = [mvn, "-B", "-q", "-f", str(pom), "dependency:copy-dependencies", f"-Dneo4j.lib={staging}"]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise Neo4jServerError(f"fetching the Neo4j jars failed:\n{done.stdout[-4000:]}{done.stderr}")
        (staging / ".pom-sha256").write_text(digest + "\n")
        shutil.rmtree(lib, ignore_errors=True)
        staging.rename(lib)


def find_entry_point(lib: Path) -> str:
    """The server main class that the jars declare (it was renamed in 2025.12)."""
    jars = sorted(lib.glob("*.jar"), key=lambda jar: not jar.name.startswith("neo4j"))
    for jar in jars:
        with zipfile.ZipFile(jar) as archive:
            if ENTRY_POINT_SERVICE in archive.namelist():
                names = archive.read(ENTRY_POINT_SERVICE).decode().split()
                declared = [name for name in names if not name.startswith("#")]
                if declared:
                    return declared[0]
    return FALLBACK_ENTRY_POINT


def _java() -> str:
    java_home = os.environ.get("JAVA_HOME")
    java = str(Path(java_home) / "bin" / "java") if java_home else shutil.which("java")
    if java is None or not Path(java).exists():
        raise Neo4jServerError("Java 17+ (`java`) is needed to run Neo4j 5.26; install it or set JAVA_HOME")
    return java


def _is_our_process(pid: int, home: Path) -> bool:
    """Alive and, where /proc tells, really this home's JVM rather than a reused pid."""
    if not _is_alive(pid):
        return False
    if not Path("/proc/self").exists():
        return True  # no procfs (macOS): trust the pid file
    try:
        arguments = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    return f"--home-dir={home}".encode() in arguments


def _wait_for_exit(pid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while _is_alive(pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


def _is_alive(pid: int) -> bool:
    """True while the process runs; reaps it if it is our exited child (tests start and stop it)."""
    with contextlib.suppress(ChildProcessError):
        if os.waitpid(pid, os.WNOHANG)[0] == pid:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return not _is_zombie(pid)


def _is_zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[-1].split()[0] == "Z"
    except (OSError, IndexError):
        return False


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive lock between processes (two `make` targets starting the same home, say)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
