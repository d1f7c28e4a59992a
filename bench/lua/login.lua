-- Good logins (the OAuth2 password form), rotating over the seeded users bench-0000001 ... bench-<BENCH_USERS>.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

local users = tonumber(os.getenv("BENCH_USERS") or "1000")
local password = os.getenv("BENCH_PASSWORD")
local headers = { ["Content-Type"] = "application/x-www-form-urlencoded" }
local n

function init(args)
   -- Threads start at different users, so that they do not ask for the same rows in step.
   n = (thread_id or 1) * 7919
end

function request()
   n = n + 1
   local body = string.format("username=bench-%07d&password=%s", n % users + 1, password)
   return wrk.format("POST", "/auth/login", headers, body)
end

function response(status, headers, body)
   count_status(status)
end
