-- Drives Throughcare with wrk as many signed-in users: a weighted mix of pages and writes, or one kind of request.
--   wrk ... -s bench/lua/mix.lua http://127.0.0.1:PORT -- DATA.lua [KIND]
-- DATA.lua is written by bench/run (sessions with their cookies, anti-forgery tokens and the paths each may open);
-- KIND is "mix" (the default) or one of the kinds below. done() prints one RESULT line that bench/run reads.

-- Each kind's share of the mix: 80 reads, 15 writes, 5 searches in a hundred.
local weights = {
  person = 23, timeline = 12, history = 5, mycases = 14, caseloads = 9, sift = 8, diary = 5, milestones = 2, releaselist = 2,
  search = 5, contact = 11, api = 4,
}

local data, only
local bykind = {}       -- kind -> sessions that can make it
local choices = {}      -- the weighted kinds of this run
-- Globals, so that done() can read each thread's with thread:get().
statuses = {}           -- status -> count, in this thread
retry_after = 0         -- 429/503 answers that said when to come back
local api_next, api_step = 1, 1

local function pick(list) return list[math.random(#list)] end

local function hex4() return string.format("%04x", math.random(0, 0xffff)) end

local function uuid()
  return hex4() .. hex4() .. "-" .. hex4() .. "-4" .. string.format("%03x", math.random(0, 0xfff)) .. "-"
    .. string.format("%04x", math.random(0x8000, 0xbfff)) .. "-" .. hex4() .. hex4() .. hex4()
end

local function form(fields)
  local parts = {}
  for _, f in ipairs(fields) do parts[#parts + 1] = f[1] .. "=" .. f[2] end
  return table.concat(parts, "&")
end

local function post(path, cookie, body)
  return wrk.format("POST", path, { Cookie = cookie, ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end

local makers = {}

local function getter(kind)
  return function(s) return wrk.format("GET", pick(s[kind]), { Cookie = s.cookie }) end
end

for _, kind in ipairs({ "person", "timeline", "history", "mycases", "caseloads", "sift", "diary", "milestones", "releaselist" }) do
  makers[kind] = getter(kind)
end

-- A search is posted (the criteria are kept on the server under a token) and its results are read under a token:
-- half of these requests post a new search, half read the results of one the session posted before the run.
makers.search = function(s)
  if math.random(2) == 1 then
    return wrk.format("GET", "/people?search=" .. pick(s.searchTokens), { Cookie = s.cookie })
  end
  return post("/people", s.cookie, form({ { "Input.Name", pick(s.searchNames) }, { "__RequestVerificationToken", s.token } }))
end

makers.contact = function(s)
  local c = pick(s.contact)
  return post("/episodes/" .. c.episode .. "/contacts/new", s.cookie, form({
    { "SubmissionId", uuid() },
    { "Input.Date.Day", data.yesterday.day }, { "Input.Date.Month", data.yesterday.month }, { "Input.Date.Year", data.yesterday.year },
    { "Input.Time", "14:30" }, { "Input.DurationMinutes", "50" }, { "Input.Mode", "FaceToFace" },
    { "Input.StrandId", c.strand }, { "Input.Attendance", "Attended" },
    { "Input.Note", "Talked+through+the+week+and+what+comes+next." },
    { "__RequestVerificationToken", s.token },
  }))
end

-- Adds a person as the API organisation's member of staff: bench/run runs it to make people to refer.
makers.newperson = function(s)
  local letters = {}
  for i = 1, 10 do letters[i] = string.char(math.random(97, 122)) end
  return post("/people/new", s.cookie, form({
    { "SubmissionId", uuid() }, { "Input.GivenName", "Bench" }, { "Input.FamilyName", "Load" .. table.concat(letters) },
    { "Input.DateOfBirth.Day", math.random(1, 28) }, { "Input.DateOfBirth.Month", math.random(1, 12) }, { "Input.DateOfBirth.Year", math.random(1950, 2000) },
    { "Input.IsPpo", "no" }, { "ConfirmedNotDuplicate", "true" }, { "__RequestVerificationToken", s.token },
  }))
end

-- A partner system submits a referral with its organisation's bearer token, each for a person not yet referred.
makers.api = function()
  local api = data.api
  local person = api.people[(api_next - 1) % #api.people + 1]
  api_next = api_next + api_step
  local boundary = "throughcare-bench-" .. math.random(0, 0x7fffffff)
  local parts = {}
  for _, f in ipairs({
    { "personId", person }, { "serviceId", api.service }, { "source", "Other" },
    { "reason", "Referred by the partner system for assessment and support." }, { "personSetting", "Community" },
    { "sharingBasis", "Consent" }, { "consentGivenOn", api.consentGivenOn },
  }) do
    parts[#parts + 1] = "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"" .. f[1] .. "\"\r\n\r\n" .. f[2] .. "\r\n"
  end
  parts[#parts + 1] = "--" .. boundary .. "--\r\n"
  return wrk.format("POST", "/api/v1/referrals", {
    Authorization = "Bearer " .. api.token, ["Idempotency-Key"] = uuid(),
    ["Content-Type"] = "multipart/form-data; boundary=" .. boundary,
  }, table.concat(parts))
end

makers.baseline = function() return wrk.format("GET", pick(data.baseline)) end

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("thread_index", counter)
  threads[#threads + 1] = thread
end

function init(args)
  data = dofile(args[1])
  only = args[2] or "mix"
  math.randomseed(os.time() * 1000 + (thread_index or 1))
  api_next, api_step = thread_index or 1, data.threads or 1
  for _, s in ipairs(data.sessions) do
    for kind, _ in pairs(makers) do
      local list = kind == "search" and s.searchTokens or s[kind]
      if kind == "newperson" then list = s.newperson and { 1 } or nil end
      if list and #list > 0 then
        bykind[kind] = bykind[kind] or {}
        table.insert(bykind[kind], s)
      end
    end
  end
  if only == "mix" then
    for kind, weight in pairs(weights) do
      if (kind == "api" and data.api and #data.api.people > 0) or bykind[kind] then
        for _ = 1, weight do choices[#choices + 1] = kind end
      end
    end
  else
    choices = { only }
  end
end

function request()
  local kind = pick(choices)
  if kind == "api" or kind == "baseline" then return makers[kind]() end
  return makers[kind](pick(bykind[kind]))
end

function response(status, headers)
  statuses[status] = (statuses[status] or 0) + 1
  if (status == 429 or status == 503) and headers["Retry-After"] then retry_after = retry_after + 1 end
end

function done(summary, latency)
  local counts, said_retry = {}, 0
  for _, t in ipairs(threads) do
    for status, n in pairs(t:get("statuses")) do counts[status] = (counts[status] or 0) + n end
    said_retry = said_retry + t:get("retry_after")
  end
  local keys, by_status = {}, {}
  for status in pairs(counts) do keys[#keys + 1] = status end
  table.sort(keys)
  local s5xx, s500, s429, s503 = 0, counts[500] or 0, counts[429] or 0, counts[503] or 0
  for _, status in ipairs(keys) do
    by_status[#by_status + 1] = status .. ":" .. counts[status]
    if status >= 500 then s5xx = s5xx + counts[status] end
  end
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.2f rps=%.1f p50=%.2f p95=%.2f p99=%.2f errors=%d socket=%d s5xx=%d s500=%d s429=%d s503=%d retry_after=%d statuses=%s\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    e.status, e.connect + e.read + e.write + e.timeout, s5xx, s500, s429, s503, said_retry,
    #by_status > 0 and table.concat(by_status, ",") or "none"))
end
