#!/usr/bin/env python3
"""Whole-process timings of the reader in a real pseudo-terminal, beside `less`.

For a command started in a 200x60 pseudo-terminal it measures:
  - start to first complete frame: from starting the process to the last byte of its first
    burst of output (the output then stays quiet), checked to show a complete screen
    (briefing: its status bar; less: its prompt);
  - a search (once the whole article is in): from sending "/WORD" and Enter to the read that
    puts the match on screen;
  - peak memory, through /usr/bin/time's maximum resident set size.

Usage: scripts/interactive.py BRIEFING_BINARY FOLDER [RUNS]
FOLDER holds facts.toml and article.txt (scripts/bench.sh writes the synthetic workload).
Prints medians over RUNS runs (default 10; at least 21 of the first frame) and the ratios to
less; the runs of briefing and less alternate, so that both meet the same state of the machine.

The checks read the screen through a terminal emulator (pyte, from PyPI: `pip install pyte`),
because a program that redraws only what changed never writes its screen out whole; the
emulator is not timed.
"""

import fcntl
import os
import pty
import re
import select
import signal
import statistics
import struct
import sys
import termios
import time

import pyte

ROWS, COLS = 60, 200


def spawn(argv):
    """Starts argv in a new pseudo-terminal of ROWS x COLS; returns (pid, fd, start time)."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        os.environ["TERM"] = "xterm-256color"
        os.environ.pop("NO_COLOR", None)
        os.environ["LESS"] = ""
        os.execvp(argv[0], argv)
    return pid, fd, start


class Screen:
    """What a terminal shows, fed with a program's output."""

    def __init__(self):
        self.screen = pyte.Screen(COLS, ROWS)
        self.stream = pyte.ByteStream(self.screen)

    def feed(self, data):
        self.stream.feed(data)

    def text(self):
        return "\n".join(self.screen.display)


def answer(fd, data):
    """Answers the terminal queries in `data` as a terminal does (the reader asks for the
    foreground and background colours, OSC 10 and 11, then the device attributes, DA1, and
    waits up to 100 ms for the answers): a pseudo-terminal that answered nothing would time the
    reader's timeout, not the reader."""
    replies = b""
    if b"\x1b]10;?" in data:
        replies += b"\x1b]10;rgb:ffff/ffff/ffff\x1b\\"
    if b"\x1b]11;?" in data:
        replies += b"\x1b]11;rgb:0000/0000/0000\x1b\\"
    if b"\x1b[c" in data or b"\x1b[0c" in data:
        replies += b"\x1b[?62;22c"
    if replies:
        os.write(fd, replies)


def read_until(fd, pattern, screen, deadline=20.0):
    """Reads until `pattern` (a compiled str regex) matches the screen; returns the time of the
    read that completed it. The bytes go to the emulator only once the output has paused (for
    PAUSE seconds), and the time is read before: the emulator, slow for a screen full of colour
    changes, is not timed, nor does it hold up the reads."""
    end = time.perf_counter() + deadline
    pending = []  # (time read, bytes) not yet given to the emulator
    while True:
        left = end - time.perf_counter()
        if left <= 0:
            raise TimeoutError(f"{pattern!r} never appeared; the screen:\n{screen.text()}")
        ready, _, _ = select.select([fd], [], [], min(PAUSE, left) if pending else left)
        if ready:
            try:
                data = os.read(fd, 1 << 16)
            except OSError:
                data = b""
            if not data:
                for t, data in pending:
                    screen.feed(data)
                    if shows(pattern, screen):
                        return t
                raise TimeoutError(f"the program ended before {pattern!r}")
            t = time.perf_counter()
            answer(fd, data)
            pending.append((t, data))
            continue
        found = None
        for t, data in pending:
            screen.feed(data)
            if found is None and shows(pattern, screen):
                found = t
        pending = []
        if found is not None:
            return found


PAUSE = 0.05

# The fewest runs of the first frame (see `main`).
FIRST_FRAME_RUNS = 21


def shows(pattern, screen):
    """Whether the screen is what `pattern` waits for: a compiled regex that finds something
    on it, or a function of its text."""
    text = screen.text()
    return pattern(text) if callable(pattern) else bool(pattern.search(text))


def finish(pid, fd, quit_keys=b"q"):
    try:
        os.write(fd, quit_keys)
    except OSError:
        pass
    deadline = time.perf_counter() + 5
    while time.perf_counter() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        try:
            # Only what is there: a read of nothing would wait for ever, and the kill below
            # would never come.
            if select.select([fd], [], [], 0.05)[0]:
                os.read(fd, 1 << 16)
        except OSError:
            pass
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    os.close(fd)


def first_frame(argv, complete):
    """The time from start to a screen that `complete` (a regex over the whole screen, DOTALL)
    finds complete."""
    pid, fd, start = spawn(argv)
    screen = Screen()
    t = read_until(fd, complete, screen)
    finish(pid, fd)
    return t - start


def search(argv, ready, word, found):
    pid, fd, _ = spawn(argv)
    screen = Screen()
    # Ready once the whole article is in (for briefing, the load behind its preview: seconds
    # for 256 MiB); what is timed is the search alone.
    read_until(fd, ready, screen, deadline=120.0)
    time.sleep(0.2)  # let the program settle before the timed keystrokes
    while select.select([fd], [], [], 0)[0]:
        data = os.read(fd, 1 << 16)
        if not data:  # the program ended: ready for ever, with nothing to read
            raise TimeoutError("the program ended before the search")
        screen.feed(data)
    start = time.perf_counter()
    if found is None:
        # less: its first line changes (it shows the line of the match first) and its prompt
        # is back (`:` on the last line, where "/WORD" was typed).
        top = screen.text().split("\n")[0]
        found = lambda text: text.split("\n")[0] != top and text.rstrip().endswith(":")
    os.write(fd, b"/" + word + b"\r")
    # Until the match is on screen (a search of a long article runs on another thread, and
    # the screen says "searching…" meanwhile).
    t = read_until(fd, found, screen, deadline=120.0)
    finish(pid, fd)
    return t - start


def peak_rss_kib(argv, ready):
    pid, fd, _ = spawn(["/usr/bin/time", "-f", "PEAK=%M"] + argv)
    screen = Screen()
    read_until(fd, ready, screen, deadline=120.0)
    os.write(fd, b"q")
    read_until(fd, re.compile(r"PEAK=(\d+)"), screen)
    finish(pid, fd, b"")
    return int(re.search(r"PEAK=(\d+)", screen.text()).group(1))


def medians_ms(f, g, runs):
    """The medians of f and g run alternately, `runs` times each."""
    fs, gs = [], []
    for _ in range(runs):
        fs.append(f())
        gs.append(g())
    return statistics.median(fs) * 1000, statistics.median(gs) * 1000


def first_words(path):
    """The first few words of the article's first line with text, as a regex that finds them on
    a screen (any run of spaces between them)."""
    with open(path, "rb") as f:
        head = f.read(1 << 16).decode("utf-8", "replace").lstrip("\ufeff")
    for line in head.splitlines():
        words = line.split()
        if words:
            return r"\s+".join(re.escape(w) for w in words[:4])
    return ""


def main():
    binary, folder = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    article = os.path.join(folder, "article.txt")
    size = os.path.getsize(article)
    # A word near the end of the article, so that a search has to cross the whole text.
    with open(article, "rb") as f:
        f.seek(max(0, size - 4096))
        tail = f.read()
    words = re.findall(rb"[A-Za-z]{9,}", tail)
    word = words[-1] if words else b"the"

    briefing = [binary, folder]
    less = ["less", article]
    # The preview's row count is `…`: the whole briefing is in once it is a number.
    b_ready = re.compile(r"row 1/~?\d+")
    l_ready = re.compile(r"article\.txt")
    text = first_words(article)
    b_complete = re.compile(f"(?s){text}.*row 1/(~?\\d+|…)")
    l_complete = re.compile(f"(?s){text}.*article\\.txt")

    print(
        f"article: {size} bytes; search word: {word.decode()}; {runs} runs each "
        f"({max(runs, FIRST_FRAME_RUNS)} of the first frame); {COLS}x{ROWS}"
    )
    # A first frame takes a few milliseconds, and one run in five can take twice as long: at
    # least FIRST_FRAME_RUNS of them, whatever RUNS says (they cost a tenth of a second each).
    b, l = medians_ms(
        lambda: first_frame(briefing, b_complete),
        lambda: first_frame(less, l_complete),
        max(runs, FIRST_FRAME_RUNS),
    )
    print(f"start to first frame   briefing {b:8.1f} ms   less {l:8.1f} ms   ratio {b / l:5.2f}")
    b_found = re.compile(r"match \d+/\d+")
    l_found = None  # see `search`
    b, l = medians_ms(
        lambda: search(briefing, b_ready, word, b_found),
        lambda: search(less, l_ready, word, l_found),
        runs,
    )
    print(f"search to its match    briefing {b:8.1f} ms   less {l:8.1f} ms   ratio {b / l:5.2f}")
    b = peak_rss_kib(briefing, b_ready)
    l = peak_rss_kib(less, l_ready)
    print(
        f"peak memory            briefing {b / 1024:8.1f} MiB  less {l / 1024:8.1f} MiB  "
        f"target {4 * size / 2**20 + 30:.1f} MiB (4 x article + 30 MB)"
    )


if __name__ == "__main__":
    main()
