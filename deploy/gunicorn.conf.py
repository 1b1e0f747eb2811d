"""gunicorn settings for production (docs/deploy.md):

    gunicorn -c deploy/gunicorn.conf.py twitchcheck.web.wsgi

Everything can be changed from the environment: BIND (127.0.0.1:8000), WORKERS (2 per
CPU + 1), TIMEOUT (30 s), GRACEFUL_TIMEOUT (30 s), MAX_REQUESTS (2000).
"""

import ctypes
import multiprocessing
import os
import signal

bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WORKERS", multiprocessing.cpu_count() * 2 + 1))
# a worker silent this long is killed and replaced
timeout = int(os.environ.get("TIMEOUT", 30))
# on SIGTERM (systemctl stop/restart, a deploy) workers finish the requests they hold,
# for at most this long, before they are killed
graceful_timeout = int(os.environ.get("GRACEFUL_TIMEOUT", 30))
keepalive = 5
# each worker is replaced after about this many requests (a slow leak never grows)
max_requests = int(os.environ.get("MAX_REQUESTS", 2000))
max_requests_jitter = max_requests // 10
# one listening socket shared by every worker (never SO_REUSEPORT): with reuse_port,
# gunicorn gives each worker a socket of its own, the kernel hands each new connection to
# one of them, and when a worker leaves (recycled after max_requests, a reload, a timeout)
# the connections waiting in its queue are reset. With one shared queue a worker that
# leaves takes nothing with it. After a SIGKILL of the master its workers (told to go by
# post_fork below) hold the port until they finish the request in hand; a new master
# retries binding for 5 s, and systemd starts it again after RestartSec
reuse_port = False
# the heartbeat file on a RAM disk, so a slow disk never makes a worker look hung
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
accesslog = os.environ.get("ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
proc_name = "twitchcheck-web"
# behind the TLS proxy on the same host, trust its X-Forwarded-* headers
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

_PR_SET_PDEATHSIG = 1


def post_fork(server, worker):
    """Workers die with the master: if the master is killed (SIGKILL, OOM), the kernel
    sends each worker SIGTERM, so none is left holding the port or serving old code."""
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except OSError:  # not Linux: systemd's KillMode=mixed still cleans up
        server.log.warning("workers will not die with the master on this system")
    if os.getppid() != server.pid:  # the master died before prctl took effect
        os.kill(os.getpid(), signal.SIGTERM)
