-- Cursor pages as a client walks them: each answer's X-Next-Cursor is the next request's `after`, starting over
-- from the page after the first (BENCH_CURSOR) at the end. As admin (BENCH_TOKEN); BENCH_LIMIT rows a page.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

local first = os.getenv("BENCH_CURSOR")
local limit = os.getenv("BENCH_LIMIT") or "50"
local cursor = first
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")

function request()
   return wrk.format("GET", "/auth/?limit=" .. limit .. "&after=" .. cursor)
end

function response(status, headers, body)
   count_status(status)
   cursor = headers["X-Next-Cursor"] or headers["x-next-cursor"] or first
end
