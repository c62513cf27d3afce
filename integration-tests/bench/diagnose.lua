-- Diagnostic wrk script, run by run.sh only after a path failed its error-rate check.
-- Sends the same request as the measured run (the request script named by BENCH_REQUEST_LUA)
-- and reports how many responses had each HTTP status, plus one sample non-2xx response body.
-- (A response() callback slows wrk down, so it is never used for the measured runs.)
local request_lua = os.getenv("BENCH_REQUEST_LUA")
if request_lua then dofile(request_lua) end

local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

function init(args)
   statuses = {}
   sample = nil
end

function response(status, headers, body)
   statuses[status] = (statuses[status] or 0) + 1
   if (status < 200 or status > 299) and sample == nil then
      sample = tostring(status) .. " " .. string.sub(body or "", 1, 2000)
   end
end

function done(summary, latency, requests)
   local total = {}
   local first = nil
   for _, thread in ipairs(threads) do
      local s = thread:get("statuses") or {}
      for code, n in pairs(s) do total[code] = (total[code] or 0) + n end
      first = first or thread:get("sample")
   end
   io.write("diagnose: responses by HTTP status:")
   for code, n in pairs(total) do io.write(string.format(" %s=%d", tostring(code), n)) end
   io.write("\n")
   io.write("diagnose: socket errors: connect " .. summary.errors.connect .. ", read " .. summary.errors.read ..
            ", write " .. summary.errors.write .. ", timeout " .. summary.errors.timeout .. "\n")
   io.write("diagnose: first non-2xx response: " .. (first or "(none)") .. "\n")
end
