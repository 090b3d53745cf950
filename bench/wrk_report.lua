-- wrk's closing summary as one tab-separated line for bench/load.sh: requests per second, the 50th
-- and 99th percentile latencies in milliseconds, and the responses that were not 2xx or 3xx plus the
-- socket errors and timeouts (load.sh checks beforehand that each address answers 200, not 3xx).
done = function(summary, latency, requests)
    local errors = summary.errors
    local failed = errors.status + errors.connect + errors.read + errors.write + errors.timeout
    io.write(string.format(
        "RESULT\t%.1f\t%.1f\t%.1f\t%d\n",
        summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000,
        latency:percentile(99) / 1000,
        failed
    ))
end
