-- Registrations with names never used before: r<BENCH_RUN>-<thread>-<n>.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

local run = os.getenv("BENCH_RUN") or tostring(os.time())
local password = os.getenv("BENCH_PASSWORD")
local headers = { ["Content-Type"] = "application/json" }
local n = 0

function request()
   n = n + 1
   local name = string.format("r%s-%d-%d", run, thread_id or 1, n)
   local body = string.format('{"email": "%s@example.com", "username": "%s", "password": "%s"}', name, name, password)
   return wrk.format("POST", "/auth/register", headers, body)
end

function response(status, headers, body)
   count_status(status)
end
