#!/usr/bin/env python3
"""Pseudo-terminal bridge for the simulated module (src/sim/serve/pty.ts).

Opens a pty pair, puts the slave in raw mode, prints the slave path on the first stdout
line, then copies bytes master -> stdout and stdin -> master until stdin closes.
The slave fd stays open here so the device path remains valid while clients close and
reopen it (otherwise the master would see EIO/hang-up when the last client closes).
"""
import os
import pty
import select
import sys
import tty


def main() -> int:
    master, slave = pty.openpty()
    tty.setraw(slave)
    path = os.ttyname(slave)
    out = sys.stdout.buffer
    out.write((path + "\n").encode())
    out.flush()
    stdin = sys.stdin.buffer.fileno()
    stdout = out.fileno()
    while True:
        try:
            readable, _, _ = select.select([master, stdin], [], [])
        except InterruptedError:
            continue
        if stdin in readable:
            data = os.read(stdin, 65536)
            if not data:
                return 0
            os.write(master, data)
        if master in readable:
            try:
                data = os.read(master, 65536)
            except OSError:
                data = b""
            if data:
                os.write(stdout, data)


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (BrokenPipeError, KeyboardInterrupt):
        sys.exit(0)
