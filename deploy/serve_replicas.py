"""shallownet as several app processes (replicas) behind nginx, on one machine,
in the foreground until Ctrl-C.

Each replica is ``streamlit run app.py`` on a free port of 127.0.0.1 (under the
base path, if given); nginx listens on ``--port`` with deploy/nginx-replicas.conf,
whose cookie keeps each browser on the replica that holds its session. About one
replica per core: a Python process does most of its work on one core at a time.

    python deploy/serve_replicas.py --replicas 2 --port 8080
    python deploy/serve_replicas.py --replicas 4 --port 8080 --base-path course

Needs nginx at /usr/sbin/nginx (Debian's: apt-get install nginx); its own system
service need not run, nor be stopped: this one runs apart, as the current user
(a port below 1024 needs root), its logs and temporary files in a temporary
directory, gone when it stops. The replicas write to this terminal. If a replica
ends, its visitors' browsers move to the others (their sessions start anew);
this stops when nginx or every replica has ended. For a server of its own, a
service manager (systemd) can run this script, or the replicas and the system's
nginx, configured with deploy/nginx-replicas.conf as its comments say.
"""

from __future__ import annotations

import argparse
import resource
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from live_app import replicas_behind_nginx  # noqa: E402

# nginx's connections at once: a visitor takes four while the page is open (its two
# websockets, each to the browser and to a replica)
CONNECTIONS = 4096


def raise_open_files_limit(wanted: int) -> None:
    """As many open files as ``wanted`` (or the most allowed) for this process and
    what it starts: nginx and each replica hold a file per connection."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft != resource.RLIM_INFINITY and soft < target:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replicas", type=int, default=2, help="how many app processes (about one per core)")
    parser.add_argument("--port", type=int, default=8080, help="the port nginx listens on")
    parser.add_argument("--address", default="0.0.0.0",
                        help="the address nginx listens on (127.0.0.1: only this machine)")
    parser.add_argument("--base-path", default="", metavar="PATH",
                        help="serve the app under /PATH/ (such as course), as --server.baseUrlPath")
    args = parser.parse_args()
    if args.replicas < 1:
        parser.error("--replicas must be at least 1")

    # a service manager's stop (SIGTERM) stops the replicas and nginx too, as Ctrl-C does
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    raise_open_files_limit(2 * CONNECTIONS + 256)
    base = args.base_path.strip("/")
    try:
        with replicas_behind_nginx(args.replicas, base_url_path=base, port=args.port,
                                   listen_address=args.address, diagnose=False, output=None,
                                   connections=CONNECTIONS) as served:
            host = "<this machine's address>" if args.address == "0.0.0.0" else args.address
            path = f"/{base}/" if base else "/"
            print(f"\nshallownet: {args.replicas} replica(s) behind nginx at http://{host}:{args.port}{path}"
                  f" (replicas: {', '.join(url for url, _ in served.apps)}); Ctrl-C stops them all.", flush=True)
            ended: set[int] = set()
            while True:
                time.sleep(1)
                if served.nginx.poll() is not None:
                    print(f"nginx ended (exit code {served.nginx.returncode}):\n"
                          + (served.logs / "error.log").read_text()[-4000:], file=sys.stderr)
                    return 1
                for i, (url, proc) in enumerate(served.apps):
                    if i not in ended and proc.poll() is not None:
                        ended.add(i)
                        print(f"replica {i + 1} ({url}) ended (exit code {proc.returncode}); "
                              "its visitors move to the others", file=sys.stderr, flush=True)
                if len(ended) == len(served.apps):
                    print("every replica has ended", file=sys.stderr)
                    return 1
    except KeyboardInterrupt:
        print("\nshallownet: stopped.")
        return 0


if __name__ == "__main__":
    sys.exit(main())
