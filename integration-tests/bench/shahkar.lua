-- wrk request script for the SHAHKAR inquiry (used for paths direct, nginx and bus).
-- All paths get exactly the same method, headers and body, so the bytes on the wire are
-- the same; nginx (paths direct/nginx) ignores the body and the X-NIX-Consumer header.
-- Keep this in sync with SHAHKAR_BODY / SHAHKAR_HEADERS in run.sh (used for the pre-flight).
wrk.method = "POST"
wrk.body   = '{"nationalCode":"0499370899","mobile":"09121234567"}'
wrk.headers["Content-Type"]   = "application/json"
wrk.headers["X-NIX-Consumer"] = "MOE"
