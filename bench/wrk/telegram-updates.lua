-- wrk script: distinct, real-shaped Telegram updates POSTed to many bots' webhooks.
--
-- TARGETS  a file with one line per bot: "<webhook path> <secret token> <first chat id> <chats>"
-- RUN      a tag written into every message text, so a run's messages can be counted afterwards
-- BASE     the first update_id of this run (each wrk thread takes its own range above it)
--
-- Every response is counted by status; done() prints one JSON line with the counts and the latency
-- percentiles, which the benchmark driver parses.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

local targets = {}
local counter = 0
local base = 0
local run = ""
-- globals, not locals: done() reads them from each thread with thread:get()
ok = 0
rejected = 0

local template = '{"update_id":%d,"message":{"message_id":%d,"from":{"id":%d,"is_bot":false,' ..
    '"first_name":"Guest","last_name":"Number %d","username":"guest_%d","language_code":"en"},' ..
    '"chat":{"id":%d,"first_name":"Guest","last_name":"Number %d","username":"guest_%d","type":"private"},' ..
    '"date":%d,"text":"%s %d: Hello! Do you have a double room free from Friday to Sunday, ' ..
    'with breakfast, for two adults and a child? We arrive late, around eleven in the evening."}}'

function init(args)
  for line in io.lines(os.getenv("TARGETS")) do
    local path, secret, chat, chats = line:match("^(%S+) (%S+) (%d+) (%d+)$")
    table.insert(targets, { path = path, secret = secret, chat = tonumber(chat), chats = tonumber(chats) })
  end
  run = os.getenv("RUN") or "bench"
  -- update_id is a 32-bit integer (the TelegramBots peer refuses larger ones): keep below 2^31
  base = tonumber(os.getenv("BASE") or "100000000") + tid * 20000000
end

function request()
  counter = counter + 1
  local t = targets[(counter % #targets) + 1]
  local chat = t.chat + (math.floor(counter / #targets) % t.chats)
  local id = base + counter
  local body = string.format(template, id, counter, chat, chat, chat, chat, chat, chat, os.time(), run, id)
  return wrk.format("POST", t.path, {
    ["Content-Type"] = "application/json",
    ["X-Telegram-Bot-Api-Secret-Token"] = t.secret,
  }, body)
end

function response(status, headers, body)
  if status == 200 then
    ok = ok + 1
  else
    rejected = rejected + 1
  end
end

function done(summary, latency, requests)
  local total_ok, total_rejected = 0, 0
  for _, thread in ipairs(threads) do
    total_ok = total_ok + thread:get("ok")
    total_rejected = total_rejected + thread:get("rejected")
  end
  io.write(string.format(
      '\nRESULT {"requests":%d,"ok":%d,"rejected":%d,"connectErrors":%d,"readErrors":%d,"writeErrors":%d,' ..
      '"timeouts":%d,"durationMicros":%d,"p50":%d,"p99":%d,"p999":%d,"max":%d}\n',
      summary.requests, total_ok, total_rejected, summary.errors.connect, summary.errors.read,
      summary.errors.write, summary.errors.timeout, summary.duration, latency:percentile(50),
      latency:percentile(99), latency:percentile(99.9), latency.max))
end
