-- wrk script for `POST /v1/check` where every body is one the server has never seen, so
-- its answer cache never hits and every request is read, decided and written.
--
--   wrk -t2 -c16 -d10s --latency -s scripts/load/distinct.lua http://127.0.0.1:PORT/v1/check
--
-- Request k of thread t takes combination k * 7919 modulo 11,520 (a prime stride, so that
-- a short run still sees them all), read in mixed radix: the tool (catalog ids, names,
-- aliases and unlisted names), then mode, computer, accounts, audience and recorded, each
-- with an "unknown" choice (the fact left out or `null`). `participants` carries the
-- request's number, t * 10^9 + k: a valid integer fact that no rule of the default
-- profile reads, so no two bodies are alike and the answers cover the whole mix.
--
-- wrk counts the non-2xx answers and the socket errors itself. With SAMPLE=1 in the
-- environment, the script also reads every answer: done() then prints the answers by
-- status and, from every 8th 200 answer, the verdicts: `status 200: N`, `non-200: N`, then
-- `verdict allowed: N` and so on. scripts/http-bench.sh reads those lines from a separate,
-- short sampling run: defining response() makes wrk keep every answer's headers and body
-- and call Lua with them, which costs the shared cores about 9 µs per request (measured
-- with the same server: 28 µs of wrk CPU per request with it, 19 µs without), a cost the
-- /healthz run does not pay.

local tools = {
  "cned", "Ma classe à la maison (CNED)", "via", "renavisio", "rendez-vous",
  "scaleway", "ovh", "visio-agents", "bbb-visio-ecoles", "bbb moodle", "zoom",
  "GoToMeeting", "ms teams", "starleaf", "skype", "discord", "outil-inconnu",
  "Jitsi Meet", "Whereby", "tchap visio",
}
local modes = { '"mode":"web",', '"mode":"install",', '' }
local computers = { '"computer":"pedagogical",', '"computer":"administrative",', '"computer":"personal",', '"computer":null,' }
local accounts = { '"accounts":["none"],', '"accounts":["staff"],', '"accounts":["pupils"],', '' }
local audiences = { '"audience":["pupils"],', '"audience":["staff"],', '"audience":["staff","external"],', '' }
local recorded = { '"recorded":false,', '"recorded":true,', '"recorded":null,' }

local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  k = 0
  statuses = {}
  verdicts = {}
  answered = 0
  -- Every combination's body up to `"participants":`, built once: 20 x 3 x 4 x 4 x 4 x 3.
  prefixes = {}
  for n = 0, #tools * #modes * #computers * #accounts * #audiences * #recorded - 1 do
    local rest = n
    local function pick(list)
      local item = list[rest % #list + 1]
      rest = math.floor(rest / #list)
      return item
    end
    local tool = pick(tools)
    prefixes[n + 1] = '{"tool":"' .. tool .. '","use":{' .. pick(modes) .. pick(computers) .. pick(accounts)
      .. pick(audiences) .. pick(recorded) .. '"participants":'
  end
  head = "POST " .. wrk.path .. " HTTP/1.1\r\nHost: " .. wrk.headers["Host"]
    .. "\r\nContent-Type: application/json\r\nContent-Length: "
end

-- With REPEAT=N in the environment, request k sends body number k modulo N instead: each
-- thread cycles through N bodies of the same shapes and sizes, which the answer cache
-- holds after the first round, so the server reads each body and writes its answer with no
-- policy work (scripts/http-bench.sh's "cached" run: the ceiling of the check route).
local repeating = tonumber(os.getenv("REPEAT") or "0")

-- Body number k of this thread: its combination, then the number t * 10^9 + k.
function request()
  k = k + 1
  local n = repeating > 0 and (k % repeating + 1) or k
  local body = prefixes[(n * 7919) % #prefixes + 1] .. string.format("%d", id * 1000000000 + n) .. "}}"
  return head .. #body .. "\r\n\r\n" .. body
end

local sample = os.getenv("SAMPLE") == "1"

if sample then
  function response(status, headers, body)
    statuses[status] = (statuses[status] or 0) + 1
    if status ~= 200 then return end
    answered = answered + 1
    if answered % 8 ~= 0 then return end
    local verdict = body:match('"verdict":"(%a+)","waysToComply"')
    if verdict then verdicts[verdict] = (verdicts[verdict] or 0) + 1 end
  end
end

local function total(name)
  local totals, keys = {}, {}
  for _, thread in ipairs(threads) do
    for key, count in pairs(thread:get(name)) do
      if totals[key] == nil then table.insert(keys, key) end
      totals[key] = (totals[key] or 0) + count
    end
  end
  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  return totals, keys
end

function done(summary, latency, requests)
  if not sample then return end
  local bad = 0
  local totals, codes = total("statuses")
  io.write("Responses by status (Lua):\n")
  for _, code in ipairs(codes) do
    io.write(string.format("  status %d: %d\n", code, totals[code]))
    if code ~= 200 then bad = bad + totals[code] end
  end
  io.write(string.format("  non-200: %d\n", bad))
  local counts, names = total("verdicts")
  io.write("Verdicts of every 8th 200 answer (Lua):\n")
  for _, name in ipairs(names) do io.write(string.format("  verdict %s: %d\n", name, counts[name])) end
end
