-- A GET of the URL given to wrk, with BENCH_TOKEN as bearer token when set (baseline, token-only, me, list, stats).
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

local token = os.getenv("BENCH_TOKEN")
if token ~= nil and token ~= "" then
   wrk.headers["Authorization"] = "Bearer " .. token
end
