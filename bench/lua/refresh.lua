-- The refresh grant, as clients use it: each answer's new refresh token is kept for a later request, and the one
-- sent is spent. A thread starts with its share of the tokens seeded in BENCH_REFRESH_TOKENS (one a line), more
-- than its connections have requests in flight, so that no token is ever sent twice (that would end its session).
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

local headers = { ["Content-Type"] = "application/x-www-form-urlencoded" }
local pool = {}

function init(args)
   local threads = tonumber(os.getenv("BENCH_THREADS") or "1")
   local i = 0
   for line in io.lines(os.getenv("BENCH_REFRESH_TOKENS")) do
      if i % threads == (thread_id or 1) - 1 then
         table.insert(pool, line)
      end
      i = i + 1
   end
end

function request()
   -- Oldest first; should the pool run dry, an unknown token (answered 400, counted as non-2xx).
   local token = table.remove(pool) or "bench-pool-ran-dry-000000000000000000000000"
   return wrk.format("POST", "/auth/login", headers, "grant_type=refresh_token&refresh_token=" .. token)
end

function response(status, headers, body)
   count_status(status)
   if status == 200 then
      local token = body:match('"refresh_token"%s*:%s*"([^"]+)"')
      if token then
         table.insert(pool, 1, token)
      end
   end
end
