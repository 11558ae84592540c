#!/usr/bin/python3
"""A real SMTP server for CareWatch's tests and demos: saves each message it accepts as one .eml file.

Run by ops/smtp-server.sh with Debian's /usr/bin/python3 and its python3-aiosmtpd package. Loopback only, no TLS
and no authentication: it is a sink for mail that CareWatch sends, never a relay.

  /usr/bin/python3 ops/smtp-server.py --maildir DIR --port PORT [--host 127.0.0.1]

- Each message is written as DIR/<nanoseconds>-<sequence>.eml, exactly the bytes received (after dot-unstuffing).
  It is written under a hidden temporary name first and then renamed, so a reader that lists *.eml never sees
  half a message. Names sort in the order the messages were accepted.
- Recipients whose local part starts with "reject" are refused with 550 (a permanent failure), so tests can
  prove how a refusal for good is handled.
- DIR/smtp-server.pid is written once the port is bound (the shell script waits for it), removed on exit.
"""
import argparse
import asyncio
import itertools
import os
import signal
import sys
import time

from aiosmtpd.smtp import SMTP


class MaildirHandler:
    """aiosmtpd handler: refuses reject* recipients, saves every accepted message atomically."""

    def __init__(self, folder: str) -> None:
        self.folder = folder
        self.sequence = itertools.count(1)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.split("@", 1)[0].lower().startswith("reject"):
            return "550 5.1.1 Mailbox unavailable (this test server refuses reject* recipients)"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        name = f"{time.time_ns():020d}-{next(self.sequence):06d}"
        temporary = os.path.join(self.folder, f".{name}.tmp")
        with open(temporary, "wb") as f:
            f.write(envelope.original_content)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temporary, os.path.join(self.folder, name + ".eml"))
        return "250 2.0.0 Message accepted"


async def serve(folder: str, host: str, port: int) -> None:
    loop = asyncio.get_running_loop()
    handler = MaildirHandler(folder)
    server = await loop.create_server(
        lambda: SMTP(handler, hostname="carewatch-test-smtp", enable_SMTPUTF8=True), host=host, port=port)
    pid_file = os.path.join(folder, "smtp-server.pid")
    # Written only now that the port is bound: the start script waits for it (temporary name, then rename).
    with open(pid_file + ".tmp", "w") as f:
        f.write(f"{os.getpid()}\n")
    os.replace(pid_file + ".tmp", pid_file)
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    try:
        await stop.wait()
    finally:
        server.close()
        await server.wait_closed()
        try:
            os.remove(pid_file)
        except FileNotFoundError:
            pass


def main() -> int:
    parser = argparse.ArgumentParser(description="SMTP sink that saves messages as .eml files")
    parser.add_argument("--maildir", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args()
    os.makedirs(args.maildir, exist_ok=True)
    try:
        asyncio.run(serve(os.path.abspath(args.maildir), args.host, args.port))
    except OSError as e:
        print(f"smtp-server: cannot listen on {args.host}:{args.port}: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
