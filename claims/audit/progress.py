"""Progress: a live bar with articles/s and ETA on a terminal, plain lines elsewhere.

    [##########----------]  48%  9,615 articles  231/s  ETA 0:43

Not on a terminal (a log file, CI, a cron job), a plain line every `every` seconds, which
is what a log wants. The ETA comes from the share of input bytes done in this run, since
the number of articles is not known before they are read.
"""

from __future__ import annotations

import sys
import time


class Progress:
    def __init__(self, total_weight: int, done_weight: int = 0, resumed: int = 0, *,
                 stream=None, every: float = 10.0, enabled: bool = True):
        self.stream = stream or sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.enabled = enabled
        self.every = 0.1 if self.tty else every
        self.total = max(total_weight, 1)
        self.start_weight = done_weight
        self.weight = done_weight
        self.resumed = resumed
        self.articles = 0          # checked in this run
        self.t0 = time.monotonic()
        self.last = self.t0
        if enabled and resumed and not self.tty:
            self._print(f"resuming: {resumed:,} articles already done")

    def update(self, articles: int, weight: int) -> None:
        self.articles += articles
        self.weight += weight
        now = time.monotonic()
        if self.enabled and now - self.last >= self.every:
            self.last = now
            self._show(now)

    def finish(self) -> None:
        if self.enabled:
            self._show(time.monotonic(), final=True)

    def rate(self, now: float | None = None) -> float:
        elapsed = (now or time.monotonic()) - self.t0
        return self.articles / elapsed if elapsed > 0 else 0.0

    def _show(self, now: float, final: bool = False) -> None:
        share = min(self.weight / self.total, 1.0)
        done_here = self.weight - self.start_weight
        left = self.total - self.weight
        elapsed = now - self.t0
        eta = "0:00" if final else (
            _clock(elapsed * left / done_here) if done_here > 0 else "?")
        count = self.resumed + self.articles
        if self.tty:
            bar = "#" * int(share * 20)
            line = (f"\r[{bar:-<20}] {share:4.0%}  {count:,} articles  "
                    f"{self.rate(now):,.0f}/s  ETA {eta}  ")
            self.stream.write(line + ("\n" if final else ""))
            self.stream.flush()
        else:
            self._print(f"{count:,} articles ({share:.0%} of the input), "
                        f"{self.rate(now):,.1f} articles/s, "
                        + (f"done in {_clock(elapsed)}" if final else f"ETA {eta}"))

    def _print(self, text: str) -> None:
        print(f"claims audit: {text}", file=self.stream, flush=True)


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"
