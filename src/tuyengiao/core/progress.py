"""A progress bar on stderr for long commands: it appears only once the work has taken a second."""

import sys
import time


class Progress:
    def __init__(self, stream=None, *, delay: float = 1.0, width: int = 30):
        self.stream = stream or sys.stderr
        self.delay, self.width = delay, width
        self.started = time.monotonic()
        self.shown = False

    def update(self, fraction: float, label: str = "") -> None:
        if not self.shown and time.monotonic() - self.started < self.delay:
            return
        self.shown = True
        done = int(self.width * max(0.0, min(1.0, fraction)))
        bar = "#" * done + "." * (self.width - done)
        self.stream.write(f"\r[{bar}] {int(fraction * 100):3d}% {label:<40}")
        self.stream.flush()

    def close(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()
