-- wrk request script for the SHAHKAR inquiry over the bus's SOAP channel (path soap).
-- Same inquiry, same consumer as shahkar.lua, as a SOAP 1.1 document/literal request.
-- Keep this in sync with SOAP_BODY / SOAP_HEADERS in run.sh (used for the pre-flight).
wrk.method = "POST"
wrk.body   = '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:nix="urn:ir:nix:inquiry:v1">'
          .. '<soap:Body><nix:ShahkarRequest><nix:nationalCode>0499370899</nix:nationalCode>'
          .. '<nix:mobile>09121234567</nix:mobile></nix:ShahkarRequest></soap:Body></soap:Envelope>'
wrk.headers["Content-Type"]   = "text/xml; charset=utf-8"
wrk.headers["SOAPAction"]     = '""'
wrk.headers["X-NIX-Consumer"] = "MOE"
