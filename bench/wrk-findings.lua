-- The GET findings read load of bench/run-server.sh for wrk (4.1.0), the same requests as ServerLoad's Java
-- loop: pages of 100 of one release's findings at random offsets, with the admin API key as a Bearer token.
--
--   TANDEM_BENCH_KEY=<api key> wrk -t2 -c50 -d30s --latency -s bench/wrk-findings.lua http://127.0.0.1:PORT \
--       -- /api/v1/products/bench-10k/findings?release=R TOTAL [SEED]
--
-- The key comes from the environment, not the command line (which every process can read). No response()
-- function: with one, wrk hands every 150 KB body to Lua. done() prints one machine-readable line,
-- "wrk-result ...", which ServerLoad reads (latencies in microseconds, from wrk's own histogram).

local counter = 0

function setup(thread)
   counter = counter + 1
   thread:set("seed", counter)
end

function init(args)
   local key = os.getenv("TANDEM_BENCH_KEY")
   if key == nil or key == "" or args[1] == nil or args[2] == nil then
      io.stderr:write("wrk-findings.lua needs TANDEM_BENCH_KEY and the arguments: -- PATH TOTAL [SEED]\n")
      os.exit(2)
   end
   base = args[1] .. "&limit=100&offset="
   total = tonumber(args[2])
   math.randomseed((tonumber(args[3]) or 1) * 1000 + seed)
   wrk.headers["Authorization"] = "Bearer " .. key
end

function request()
   -- ServerLoad's ThreadLocalRandom.nextLong(total - 100): an offset in [0, total - 100)
   local offset = 0
   if total > 100 then
      offset = math.random(0, total - 101)
   end
   return wrk.format("GET", base .. offset)
end

function done(summary, latency, requests)
   local errors = summary.errors
   io.write(string.format("wrk-result requests %d duration_us %d bytes %d status_errors %d connect_errors %d"
         .. " read_errors %d write_errors %d timeouts %d p50_us %d p90_us %d p99_us %d max_us %d mean_us %.0f\n",
         summary.requests, summary.duration, summary.bytes, errors.status, errors.connect, errors.read, errors.write,
         errors.timeout, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
         latency.mean))
end
