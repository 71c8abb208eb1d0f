-- wrk script for `POST /v1/check`: cycles through a fixed mix of request bodies and
-- counts the responses by status code.
--
--   wrk -t2 -c64 -d30s --latency -s scripts/load/check.lua http://127.0.0.1:18281/v1/check
--
-- The mix is 14 bodies: institutional, tolerated, forbidden and unlisted tools, names,
-- ids and aliases, the two modes, the three computers, various accounts and audiences,
-- and some uses with unknown facts (left out, or `null`). Every body is valid, so every
-- answer must be a 200. Each thread starts at a different place in the mix.
--
-- With DISTINCT=1 in the environment, every request is a body never sent before: the
-- mix's body with `participants` set to a per-thread counter, so that the server's
-- answer cache (keyed by the exact body) never hits and every request is decoded,
-- decided and encoded.
--
-- done() prints one line per status, e.g. `status 200: 1234567`, then one
-- `non-200: N` line (N counts the non-200 answers); scripts/load-test.sh reads those
-- lines. wrk itself reports "Non-2xx or 3xx responses" and socket errors.

local bodies = {
  -- institutional (rennes), everything known
  [[{"tool":"cned","use":{"mode":"web","computer":"pedagogical","accounts":["none"],"audience":["pupils"],"purpose":"class","recorded":false,"participants":25}}]],
  [[{"tool":"bbb","use":{"mode":"web","computer":"administrative","accounts":["staff"],"audience":["staff"],"purpose":"staff-meeting","recorded":true,"participants":12}}]],
  [[{"tool":"visio-ecoles","use":{"mode":"install","computer":"pedagogical","accounts":["pupils"],"audience":["pupils","staff"],"purpose":"class","recorded":true,"participants":28}}]],
  -- tolerated (rennes): allowed on the web without accounts, denied installed or with accounts
  [[{"tool":"zoom","use":{"mode":"web","computer":"pedagogical","accounts":["none"],"audience":["pupils"],"purpose":"class","recorded":false,"participants":25}}]],
  [[{"tool":"ms teams","use":{"mode":"install","computer":"administrative","accounts":["staff"],"audience":["staff"],"purpose":"staff-meeting","recorded":false,"participants":8}}]],
  [[{"tool":"GoToMeeting","use":{"mode":"web","computer":"personal","accounts":["none"],"audience":["staff","external"],"purpose":"external-meeting","recorded":false,"participants":6}}]],
  -- tolerated, with unknown facts (computer and accounts left out; recorded null)
  [[{"tool":"starleaf","use":{"mode":"web","audience":["staff"],"purpose":"council","recorded":null}}]],
  -- forbidden by the national base
  [[{"tool":"discord","use":{"mode":"install","computer":"personal","accounts":["pupils"],"audience":["pupils"],"purpose":"class","recorded":false,"participants":30}}]],
  [[{"tool":"Skype","use":{"mode":"web","computer":"administrative","accounts":["staff","external"],"audience":["staff","external"],"purpose":"external-meeting","participants":4}}]],
  -- unlisted tools
  [[{"tool":"outil-inconnu","use":{"mode":"web","computer":"pedagogical","accounts":["none"],"audience":["pupils"],"purpose":"class","recorded":false,"participants":20}}]],
  [[{"tool":"Jitsi Meet","use":{"mode":"install","accounts":["staff"],"audience":["staff","external"],"participants":300}}]],
  -- listed, unclassified by the profile, most facts unknown
  [[{"tool":"renavisio","use":{"mode":"web","participants":40}}]],
  [[{"tool":"scaleway","use":{"purpose":"council","audience":["staff"]},"date":"2026-11-23"}]],
  [[{"tool":"via","use":{"mode":"web","computer":"pedagogical","accounts":["none"],"audience":["pupils","external"],"purpose":"class","recorded":false,"participants":15}}]],
}

local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  -- `id` is set by setup(); pre-format every request once, so request() costs nothing.
  requests = {}
  for i, body in ipairs(bodies) do
    requests[i] = wrk.format("POST", wrk.path, { ["Content-Type"] = "application/json" }, body)
  end
  n = (id * 5) % #requests
  statuses = {}
end

local distinct = os.getenv("DISTINCT") == "1"
local counter = 0

-- The mix's body `i` with `participants` set to `count`.
local function numbered(i, count)
  local body, found = bodies[i]:gsub('"participants":%d+', '"participants":' .. count)
  if found == 0 then body = body:gsub('"use":{', '"use":{"participants":' .. count .. ',', 1) end
  return body
end

function request()
  n = n % #requests + 1
  if not distinct then return requests[n] end
  counter = counter + 1
  local body = numbered(n, id * 100000000 + counter)
  return wrk.format("POST", wrk.path, { ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local totals, codes = {}, {}
  for _, thread in ipairs(threads) do
    local counts = thread:get("statuses")
    for code, count in pairs(counts) do
      if totals[code] == nil then table.insert(codes, code) end
      totals[code] = (totals[code] or 0) + count
    end
  end
  table.sort(codes)
  local bad = 0
  io.write("Responses by status (Lua):\n")
  for _, code in ipairs(codes) do
    io.write(string.format("  status %d: %d\n", code, totals[code]))
    if code ~= 200 then bad = bad + totals[code] end
  end
  io.write(string.format("  non-200: %d\n", bad))
  io.write(string.format("  socket errors: connect %d, read %d, write %d, status %d, timeout %d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout))
end
