"""Our own overhead per cover when the picture comes from an image model, beyond the model's latency.

    .venv/bin/python bench/art_overhead.py [--covers 12] [--provider openai]

A local fake of the provider (bench/art_fakes.py) answers at once with a cached 1024 x 1536 picture,
so what remains is ours: building the prompt from the brief and the type zones, the HTTP exchange
(the transport's time, counted as the provider's latency: it is what a real provider's latency
replaces), decoding the picture, the layout and type over it with the contrast treatment measured
on its pixels, and the PNG encoding of the 1600 x 2560 cover. Prints median and p95 of the total,
of the provider's share and of ours (wall time, and CPU time of the rendering thread: the figure that
does not depend on what else the machine runs), and our stages. Target: ours <= 300 ms per 1600 x 2560 cover.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import cover_engine as engine  # noqa: E402
from bench.art_fakes import FakeArtServer  # noqa: E402
from cover_engine import art_providers as art  # noqa: E402
from cover_engine.design import design_report  # noqa: E402
from cover_engine.render import render_with_report  # noqa: E402
from cover_engine.templates.samples import sample_book  # noqa: E402

KEYS = {"openai": "sk-bench", "stability": "sk-bench", "automatic1111": "", "openai-compatible": ""}


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--covers", type=int, default=12)
    parser.add_argument("--provider", default="openai", choices=sorted(KEYS))
    args = parser.parse_args()
    from cover_engine.templates import CATALOGUE

    template_ids = sorted(CATALOGUE)[:: max(1, len(CATALOGUE) // args.covers)][: args.covers]
    totals: list[float] = []
    provider_times: list[float] = []
    ours: list[float] = []
    cpu: list[float] = []  # this thread's CPU time: ours alone (the fake serves from another thread)
    procedural_cpu: list[float] = []
    stages: dict[str, list[float]] = {k: [] for k in ("prompt", "decode", "layout", "art", "type", "encode", "report")}
    with FakeArtServer(args.provider, api_key=KEYS[args.provider], instant=True) as server:
        config = art.ArtConfig(provider=args.provider, base_url=server.base_url, api_key=server.api_key, timeout=30)
        provider = art.provider_for(config)
        art.art_generate(provider, engine.recipe_for_book(sample_book(CATALOGUE[template_ids[0]]),
                                                         engine.CoverOptions(), seed=1))  # warm-up  # fmt: skip
        for i, template_id in enumerate(template_ids):
            recipe = engine.recipe_for_book(
                sample_book(CATALOGUE[template_id]), engine.CoverOptions(template_id=template_id), seed=100 + i
            )
            c0 = time.thread_time()
            t0 = time.perf_counter()
            request, _prompt = art.art_request(recipe)
            t1 = time.perf_counter()
            result = provider.generate(request)
            t2 = time.perf_counter()
            picture = art.images.decode(result.image).makeRasterImage()  # decoded now, not lazily at draw
            t3 = time.perf_counter()
            png, report = render_with_report(recipe, format="ebook", scale=1.0, artwork=picture)
            t35 = time.perf_counter()
            art.design_with_art(design_report(recipe, report), recipe)
            t4 = time.perf_counter()
            stages["report"].append(t4 - t35)
            cpu.append(time.thread_time() - c0)
            # The same cover drawn by our own painters, for comparison (same machine, same moment).
            c5 = time.thread_time()
            render_with_report(recipe, format="ebook", scale=1.0)
            procedural_cpu.append(time.thread_time() - c5)
            total = t4 - t0
            totals.append(total)
            provider_times.append(result.latency)
            ours.append(total - result.latency)
            stages["prompt"].append(t1 - t0)
            stages["decode"].append(t3 - t2)
            for key in ("layout", "art", "type", "encode"):
                stages[key].append(report.timings[key])
            assert len(png) > 1000 and (report.width, report.height) == (1600, 2560)
    ms = lambda v: f"{v * 1000:6.0f} ms"  # noqa: E731
    print(f"{args.covers} covers of 1600 x 2560 through a fake {args.provider} answering at once")
    print(f"  total             median {ms(statistics.median(totals))}   p95 {ms(p95(totals))}")
    print(f"  provider (HTTP)   median {ms(statistics.median(provider_times))}   p95 {ms(p95(provider_times))}")
    print(f"  ours              median {ms(statistics.median(ours))}   p95 {ms(p95(ours))}   (target <= 300 ms)")
    print(f"  ours, CPU time    median {ms(statistics.median(cpu))}   p95 {ms(p95(cpu))}   (what a free core takes)")
    print(f"  procedural, CPU   median {ms(statistics.median(procedural_cpu))}   (the same covers by our painters)")
    for name, values in stages.items():
        print(f"    {name:<8}        median {ms(statistics.median(values))}")


if __name__ == "__main__":
    main()
