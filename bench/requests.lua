-- wrk script of bench/run.sh: rotates over the requests of a file and prints one JSON line of results.
--   wrk ... -s bench/requests.lua URL -- REQUEST_FILE
-- REQUEST_FILE: one request a line, TAB-separated: method, path, body ("" for none), then "Name: value"
-- headers. Each thread starts at its own place in the file, so that concurrent requests carry different
-- personas (and the per-person limit or a per-person cache is not what is measured).

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local function fields_of(line)
  local fields = {}
  for field in (line .. "\t"):gmatch("([^\t]*)\t") do
    fields[#fields + 1] = field
  end
  return fields
end

function init(args)
  requests = {}
  for line in io.lines(args[1]) do
    if line ~= "" then
      local f = fields_of(line)
      local headers = {}
      for i = 4, #f do
        local name, value = f[i]:match("^([^:]+):%s*(.*)$")
        if name then headers[name] = value end
      end
      local body = f[3]
      if body == "" then body = nil end
      requests[#requests + 1] = wrk.format(f[1], f[2], headers, body)
    end
  end
  if #requests == 0 then
    error("no requests in " .. args[1])
  end
  -- a prime stride spreads the threads over the file
  index = (id * 7919) % #requests
  non2xx = 0
  degraded = 0
end

function request()
  index = index % #requests + 1
  return requests[index]
end

-- a 2xx whose answer names a source that did not answer (a bulkhead full, a breaker open, a timeout) is
-- degraded: partial data, answered fast, which must not count as throughput
local FAILED = {'"status":"UNAVAILABLE"', '"status":"TIMEOUT"', '"status":"INVALID_RESPONSE"', '"status":"REJECTED"'}

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  elseif body then
    for _, marker in ipairs(FAILED) do
      if body:find(marker, 1, true) then
        degraded = degraded + 1
        return
      end
    end
  end
end

function done(summary, latency, requests)
  local failed, partial = 0, 0
  for _, thread in ipairs(threads) do
    failed = failed + (thread:get("non2xx") or 0)
    partial = partial + (thread:get("degraded") or 0)
  end
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"durationUs":%d,"bytes":%d,"non2xx":%d,"degraded":%d,"socketErrors":{"connect":%d,"read":%d,"write":%d,"timeout":%d},'
      .. '"p50Ms":%.3f,"p99Ms":%.3f,"p999Ms":%.3f,"meanMs":%.3f,"maxMs":%.3f}\n',
    summary.requests, summary.duration, summary.bytes, failed, partial, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
    latency.mean / 1000, latency.max / 1000))
end
