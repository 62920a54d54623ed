#!/usr/bin/env python3
"""Turns the JMH JSON results of benchmarks/run.sh into docs/performance.md and prints the RATIO lines last.

Usage: report.py --mode quick|full --results DIR --out docs/performance.md [--jvm-args ...] [--options ...]
"""
import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys

CHUNKS = 1000
SUBSCRIBERS = 64
CONTENDERS = ["ceiling", "floor", "relay", "springAi"]
LABEL = {"ceiling": "stub ceiling (raw JDK client, no parsing)", "floor": "floor (JDK HttpClient + Jackson)",
         "relay": "relay (RelayChatModel)", "springAi": "spring-ai (OpenAiChatModel)"}


def load(results, name, apart=False):
    """The rows of one JMH result file, by contender. Every fork measures one contender in one batch; a row keeps
    the median of each batch's measured iterations, so that contenders can be compared batch by batch."""
    path = os.path.join(results, name + ".json")
    if not os.path.exists(path):
        return {}
    with open(path) as f:
        data = json.load(f)
    out = {}
    for b in data:
        contender = b["params"]["contender"]
        pm = b["primaryMetric"]
        sm = b.get("secondaryMetrics", {})
        iterations = [x for fork in pm["rawData"] for x in fork]
        row = out.setdefault(contender, {
            "batches": {}, "iterations": [], "allocs": [], "first": [0.0, 0.0], "apart": apart,
            "unit": pm["scoreUnit"], "jdk": b.get("jdkVersion"), "vm": b.get("vmName"),
            "vmVersion": b.get("vmVersion"), "jmh": b.get("jmhVersion")})
        row["batches"][int(b["params"].get("batch", "1"))] = statistics.median(iterations)
        row["iterations"].extend(iterations)
        if "gc.alloc.rate.norm" in sm:
            row["allocs"].append(sm["gc.alloc.rate.norm"]["score"])
        if "firstChunkNanos" in sm and "streams" in sm:
            row["first"][0] += sum(sum(it) for it in sm["firstChunkNanos"]["rawData"])
            row["first"][1] += sum(sum(it) for it in sm["streams"]["rawData"])
    for row in out.values():
        # The median of the measured iterations: a neighbour's burst on the shared machine moves one
        # iteration, which drags a mean but hardly a median. The range shows the spread.
        row["score"] = statistics.median(row["iterations"])
        row["range"] = (min(row["iterations"]), max(row["iterations"]))
        row["alloc"] = statistics.mean(row["allocs"]) if row["allocs"] else None
        row["ttfc_us"] = row["first"][0] / row["first"][1] / 1000 if row["first"][1] else None
    return out


def by_batch(rows, a, b):
    """a's time over b's in each batch both ran in."""
    if rows[a]["apart"] or rows[b]["apart"]:
        return []
    return [rows[a]["batches"][k] / rows[b]["batches"][k] for k in sorted(set(rows[a]["batches"]) & set(rows[b]["batches"]))]


def ratio(rows, a, b):
    """a's time over b's: the median over the batches; for the ceiling, measured apart, the overall medians."""
    per_batch = by_batch(rows, a, b)
    return statistics.median(per_batch) if per_batch else rows[a]["score"] / rows[b]["score"]


def read(path, default="?"):
    try:
        with open(path) as f:
            return f.read().strip()
    except OSError:
        return default


def machine():
    cpu = "?"
    for line in read("/proc/cpuinfo", "").splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem = "?"
    for line in read("/proc/meminfo", "").splitlines():
        if line.startswith("MemTotal"):
            mem = f'{int(line.split()[1]) / 1024 / 1024:.1f} GiB'
    return cpu, os.cpu_count(), mem, f"{platform.system()} {platform.release()}"


def fmt(x, digits=1):
    if x is None:
        return "n/a"
    if abs(x) >= 100:
        return f"{x:,.0f}"
    return f"{x:,.{digits}f}"


def err(row):
    low, high = row["range"]
    return f" ({fmt(low)} – {fmt(high)})"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mode", default="full")
    ap.add_argument("--results", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--jvm-args", default="")
    ap.add_argument("--options", default="")
    ap.add_argument("--seconds", type=int, default=0)
    a = ap.parse_args()

    call = {**load(a.results, "call-ceiling", apart=True), **load(a.results, "call")}
    stream = {**load(a.results, "stream-ceiling", apart=True), **load(a.results, "stream")}
    conc = {**load(a.results, "concurrent-ceiling", apart=True), **load(a.results, "concurrent")}
    load_info = {n: (read(os.path.join(a.results, n + ".load-before")), read(os.path.join(a.results, n + ".load-after")))
                 for n in ("call-ceiling", "call", "stream-ceiling", "stream", "concurrent-ceiling", "concurrent")
                 if os.path.exists(os.path.join(a.results, n + ".load-before"))}

    # ratios of times, batch by batch; a throughput ratio is the inverse time ratio
    call_relay = ratio(call, "relay", "floor")
    call_spring = ratio(call, "springAi", "floor")
    tput = {k: CHUNKS / (v["score"] / 1e6) for k, v in stream.items()}  # chunks/s (score: us per stream)
    st_relay = ratio(stream, "floor", "relay")
    st_spring = ratio(stream, "floor", "springAi")
    st_relay_spring = ratio(stream, "springAi", "relay")
    alloc_chunk = {k: (v["alloc"] / CHUNKS if v["alloc"] is not None else None) for k, v in stream.items()}
    alloc_ratio = alloc_chunk["relay"] / alloc_chunk["springAi"]
    ctput = {k: SUBSCRIBERS * CHUNKS / (v["score"] / 1e3) for k, v in conc.items()}  # score: ms per op
    c_relay = ratio(conc, "floor", "relay")
    c_relay_spring = ratio(conc, "springAi", "relay")
    calloc = {k: (v["alloc"] / (CHUNKS * SUBSCRIBERS) if v["alloc"] is not None else None) for k, v in conc.items()}
    batches = ", ".join(f"{name} {len(rows['relay']['batches'])}"
                        for name, rows in (("call", call), ("stream", stream), ("64 streams", conc)))

    def per_batch(rows, a, b):
        values = by_batch(rows, a, b)
        return ", ".join(f"{v:.2f}" for v in values) if len(values) > 1 else ""

    any_row = next(iter(call.values()))
    cpu, cores, mem, osname = machine()
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                                cwd=os.path.dirname(os.path.abspath(__file__))).stdout.strip()
    except OSError:
        commit = "?"

    def yes(ok):
        return "met" if ok else "**missed**"

    L = []
    w = L.append
    w("# Performance")
    w("")
    w(f"<!-- Generated by benchmarks/run.sh{' --quick' if a.mode == 'quick' else ''}; edit benchmarks/report.py or "
      "benchmarks/HISTORY.md instead. -->")
    w("")
    w("What Relay costs on top of the network, measured side by side with the floor any client pays and with "
      "Spring AI's own OpenAI model, in one run of `bash benchmarks/run.sh` "
      f"(this page: `{a.mode}` mode, {now}, commit `{commit}`, {a.seconds} s wall time).")
    w("")
    w("## Method")
    w("")
    w("- **Stub gateway**: in the benchmark JVM, the JDK's `com.sun.net.httpserver.HttpServer` on 127.0.0.1 with a "
      "128-thread pool and TCP_NODELAY, answering `POST /v1/chat/completions` with precomputed bytes. A call gets a "
      "small `chat.completion` (1 choice, usage, 847 bytes); a request with `\"stream\":true` gets 1,000 "
      "`chat.completion.chunk` events shaped like OpenAI's (role chunk, 998 one-word content chunks, finish chunk; "
      "`id`, `object`, `created`, `model`, `service_tier`, `system_fingerprint`, `logprobs`; no tool calls), "
      "`data: ...\\n\\n` each, then `data: [DONE]`. The first two events are flushed one by one (so time to first "
      "chunk is meaningful), the rest leave in the server's 4 KB HTTP chunks.")
    w("- **Contenders** (each with its own connection pool, all on HTTP/1.1, all checked to deliver the full text on "
      "every operation):")
    w("  - *stub ceiling*: the JDK `HttpClient` reading the answer's bytes and discarding them: what the stub itself "
      "can serve; it must be well above the floor for the comparison to mean anything.")
    w("  - *floor*: the JDK `HttpClient` sending exactly the request bytes Relay sends and parsing the answer with "
      "Jackson 3 `readTree`; for streams, a non-blocking body subscriber that splits lines on the bytes and parses "
      "each `data:` JSON once (content extracted). This is what any client must at least pay.")
    w("  - *relay*: `RelayChatModel.builder().baseUrl(stub).apiKey(..).defaultOptions(model).build()`, i.e. the "
      "builder's defaults. The defaults include `Resilience4jPolicy`: retry (3 attempts) and the bounded queue (16 concurrent, 64 waiting).")
    w("  - *spring-ai*: Spring AI 2.0.1 `OpenAiChatModel.builder().options(OpenAiChatOptions.builder().baseUrl(stub + "
      "\"/v1\").apiKey(..).model(..).maxRetries(0))`: the official OpenAI Java SDK over OkHttp. **Retries are "
      "disabled** (`maxRetries(0)`) for fairness; everything else is default (OkHttp allows 64 requests per host, "
      "exactly the concurrency below).")
    w("- **Workloads**, one JMH invocation (one JVM session, the same settings for every contender, each fork "
      "measuring one contender) each:")
    w("  - (a) `CallBenchmark`: `call(new Prompt(\"hi\"))` with the small answer; latency per call.")
    w("  - (b) `StreamBenchmark`: `stream(new Prompt(\"hi\"))` of the 1,000-chunk answer read to the end by one "
      "subscriber; chunks/s = 1,000 / time per stream; time to first chunk = from sending the request to the first "
      "non-empty content reaching the subscriber (mean over all measured streams).")
    w("  - (c) `ConcurrentStreamBenchmark`: 64 such streams subscribed at once; aggregate chunks/s = 64,000 / time "
      "per operation.")
    w("  - (d) allocation: every workload runs with `-prof gc`; `gc.alloc.rate.norm` (bytes per operation) is "
      "divided by 1,000 (or 64,000) for bytes per chunk. JMH counts the allocations of **all** threads of the fork, "
      "so the stub's own allocation is included for every contender (see the ceiling row): this makes the "
      "relay/spring-ai allocation ratio conservative (closer to 1 than the clients' own ratio).")
    w(f"- **Contenders take turns** (batches here: {batches}). Each JMH fork measures one "
      "contender; with `-p batch=1,2,3` JMH runs floor, relay and spring-ai one after the other in batch 1, then "
      "again in batch 2, and so on. Neighbours on this shared machine slow it down for minutes at a time (the "
      "floor's own time has moved by 20 % between minutes), so contenders run back to back and are compared "
      "within each batch: every ratio is the **median of the per-batch ratios**. The stub ceiling is in no ratio, "
      "so it runs apart, in one fork of its own with its workload's settings.")
    w(f"- **JMH** {any_row['jmh']}, mode average time, options: {a.options}; JVM args `{a.jvm_args}`; logging: "
      "logback at INFO (as in a Spring Boot application). Every time below is the **median** of the measured "
      "iterations, with their range in parentheses: on a shared machine a neighbour's burst spoils an iteration "
      "or two, which drags a mean but hardly moves a median. Warm-up is long enough for every contender to "
      "reach its compiled steady state as far as the time budget allows: on 2 cores a call settles after about 6 s, a "
      "stream after 15 s or more (Relay's, with more code on its path than the floor's, keeps improving for about 30 s, "
      "so a short run understates it)." + (" In `--quick` mode the stub ceiling is measured "
      "for the single stream only, with short iterations, as a raw read settles at once (the call and 64-stream "
      "ceilings are in the full run)." if a.mode == "quick" else ""))
    w("")
    w("## Machine")
    w("")
    w(f"- CPU: {cpu}, {cores} cores; memory {mem}; {osname}")
    w(f"- JDK: {any_row['vm']} {any_row['jdk']} ({any_row['vmVersion']})")
    w("- Load average (1/5/15 min) before → after each workload: " + "; ".join(
        f"{n} {b} → {af}" for n, (b, af) in load_info.items()))
    w("- The machine is shared (other builds may run at the same time), so absolute numbers move between runs; "
      "ratios within one workload are more stable, and allocation per operation hardly moves at all.")
    w("")
    w("## Results")
    w("")
    w("### (a) Call with a small answer")
    w("")
    w("| contender | latency (µs/call) | × floor | allocated (bytes/call) |")
    w("|---|---:|---:|---:|")
    for k in [c for c in CONTENDERS if c in call]:
        r = call[k]
        w(f"| {LABEL[k]} | {fmt(r['score'])}{err(r)} | {ratio(call, k, 'floor'):.2f} | {fmt(r['alloc'])} |")
    w("")
    w("### (b) Stream of 1,000 chunks, one subscriber")
    w("")
    w("| contender | time (µs/stream) | chunks/s | throughput × floor | time to first chunk (µs) | allocated (bytes/chunk) |")
    w("|---|---:|---:|---:|---:|---:|")
    for k in [c for c in CONTENDERS if c in stream]:
        r = stream[k]
        w(f"| {LABEL[k]} | {fmt(r['score'])}{err(r)} | {fmt(tput[k])} | {ratio(stream, 'floor', k):.2f} | "
          f"{fmt(r.get('ttfc_us')) if k != 'ceiling' else 'n/a'} | {fmt(alloc_chunk[k])} |")
    w("")
    w("### (c) 64 concurrent streams of 1,000 chunks")
    w("")
    w("| contender | time (ms per 64 streams) | aggregate chunks/s | throughput × floor | allocated (bytes/chunk) |")
    w("|---|---:|---:|---:|---:|")
    for k in [c for c in CONTENDERS if c in conc]:
        r = conc[k]
        w(f"| {LABEL[k]} | {fmt(r['score'])}{err(r)} | {fmt(ctput[k])} | {ratio(conc, 'floor', k):.2f} | "
          f"{fmt(calloc[k])} |")
    w("")
    w("## Targets")
    w("")
    w("Measured, not asserted in tests.")
    w("")
    w("| target | measured | |")
    w("|---|---:|---|")
    w(f"| relay call latency ≤ 1.10 × floor | {call_relay:.2f} × | {yes(call_relay <= 1.10)} |")
    w(f"| relay stream throughput ≥ 0.85 × floor | {st_relay:.2f} × | {yes(st_relay >= 0.85)} |")
    w(f"| relay stream throughput ≥ 1.5 × spring-ai | {st_relay_spring:.2f} × | {yes(st_relay_spring >= 1.5)} |")
    w(f"| relay allocation per streamed chunk ≤ 0.5 × spring-ai | {alloc_ratio:.2f} × | {yes(alloc_ratio <= 0.5)} |")
    w(f"| (info) 64 concurrent streams, relay throughput × floor | {c_relay:.2f} × | |")
    w(f"| (info) 64 concurrent streams, relay throughput × spring-ai | {c_relay_spring:.2f} × | |")
    if "ceiling" in tput:
        w(f"| (info) stub ceiling × floor, single stream | {tput['ceiling'] / tput['floor']:.2f} × | "
          f"{'stub is not the bottleneck' if tput['ceiling'] > 1.5 * tput['floor'] else '**stub close to the floor**'} |")
    if "ceiling" in ctput:
        w(f"| (info) stub ceiling × floor, 64 streams | {ctput['ceiling'] / ctput['floor']:.2f} × | |")
    w("")
    lines = [(name, per_batch(rows, "relay", "floor"), per_batch(rows, "relay", "springAi"))
             for name, rows in (("call", call), ("stream", stream), ("64 streams", conc))]
    if any(floor for _, floor, _ in lines):
        w("Per batch (relay's time over the other's; below 1 is faster):")
        w("")
        for name, floor, spring in lines:
            if floor:
                w(f"- {name}, relay / floor: {floor}; relay / spring-ai: {spring}")
        w("")
    ratio_lines = [
        f"RATIO call_latency relay/floor={call_relay:.2f} spring-ai/floor={call_spring:.2f}",
        f"RATIO stream_throughput relay/floor={st_relay:.2f} spring-ai/floor={st_spring:.2f}",
        f"RATIO stream_alloc_per_chunk relay/spring-ai={alloc_ratio:.2f}",
    ]
    w("## Ratio lines")
    w("")
    w("As printed last by the script:")
    w("")
    w("```")
    L.extend(ratio_lines)
    w("```")
    w("")
    history = os.path.join(os.path.dirname(os.path.abspath(__file__)), "HISTORY.md")
    if os.path.exists(history):
        w(read(history))
        w("")
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    with open(a.out, "w") as f:
        f.write("\n".join(L))

    print(f"== wrote {a.out}")
    print(f"   call: floor {fmt(call['floor']['score'])} us, relay {fmt(call['relay']['score'])} us, "
          f"spring-ai {fmt(call['springAi']['score'])} us")
    print(f"   stream: ceiling {fmt(tput.get('ceiling'))}, floor {fmt(tput['floor'])}, relay {fmt(tput['relay'])}, "
          f"spring-ai {fmt(tput['springAi'])} chunks/s; first chunk relay {fmt(stream['relay'].get('ttfc_us'))} us, "
          f"spring-ai {fmt(stream['springAi'].get('ttfc_us'))} us, floor {fmt(stream['floor'].get('ttfc_us'))} us")
    print(f"   64 streams: floor {fmt(ctput['floor'])}, relay {fmt(ctput['relay'])}, spring-ai {fmt(ctput['springAi'])} "
          f"chunks/s")
    print(f"   alloc per chunk: floor {fmt(alloc_chunk['floor'])}, relay {fmt(alloc_chunk['relay'])}, "
          f"spring-ai {fmt(alloc_chunk['springAi'])} bytes")
    sys.stdout.flush()
    for line in ratio_lines:
        print(line)


if __name__ == "__main__":
    main()
