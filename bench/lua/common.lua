-- Shared by the bench's wrk scripts (loaded with dofile): numbers the threads, counts answers by status class
-- where a script asks for it, and writes the figures of a run to the file named by BENCH_OUT (warm-ups name none).
local threads = {}

function setup(thread)
   table.insert(threads, thread)
   thread:set("thread_id", #threads)
end

-- Scripts whose response() calls this report 503s and 5xx apart from the other non-2xx answers.
s503, s5xx = 0, 0
function count_status(status)
   if status >= 500 then
      s5xx = s5xx + 1
      if status == 503 then
         s503 = s503 + 1
      end
   end
end

function done(summary, latency, requests)
   local path = os.getenv("BENCH_OUT")
   if path == nil or path == "" then
      return
   end
   local f503, f5xx = 0, 0
   for _, thread in ipairs(threads) do
      f503 = f503 + (thread:get("s503") or 0)
      f5xx = f5xx + (thread:get("s5xx") or 0)
   end
   local e = summary.errors
   local out = assert(io.open(path, "w"))
   out:write(string.format("requests=%d\nduration_s=%.3f\np50_ms=%.2f\np99_ms=%.2f\nmax_ms=%.2f\n",
      summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000))
   out:write(string.format("non2xx=%d\nerrors=%d\ns503=%d\ns5xx=%d\n", e.status,
      e.connect + e.read + e.write + e.timeout, f503, f5xx))
   out:close()
end
