// Calls every operation of the bus's WSDL with node-soap's generated ...Async methods, as an agency
// system on Node would, and prints one JSON line per operation: its name, the tracking ID read from the
// reply element, and any fault code. Run by NodeSoapClientTest; arguments: WSDL URL, endpoint URL,
// then a JSON object { operation: [consumer, request] } of example requests.
const soap = require('soap');

async function main() {
  const [wsdl, endpoint, examplesJson] = process.argv.slice(2);
  const examples = JSON.parse(examplesJson);
  const client = await soap.createClientAsync(wsdl, { endpoint });
  for (const [operation, [consumer, request]] of Object.entries(examples)) {
    const method = client[operation + 'Async'];
    if (typeof method !== 'function') {
      console.log(JSON.stringify({ operation, error: 'no ' + operation + 'Async method' }));
      continue;
    }
    client.clearHttpHeaders();
    client.addHttpHeader('X-NIX-Consumer', consumer);
    try {
      const [reply, , , , ] = await method.call(client, request);
      console.log(JSON.stringify({ operation, trackingId: reply.trackingId }));
    } catch (fault) {
      const detail = fault.root && fault.root.Envelope && fault.root.Envelope.Body.Fault.detail;
      console.log(JSON.stringify({ operation, fault: detail ? detail.InquiryFaultDetail.code : String(fault) }));
    }
  }
}

main().catch(error => {
  console.error(String(error));
  process.exit(1);
});
