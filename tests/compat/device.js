// Compatibility test device: the official Azure IoT Node.js device SDK, unchanged, against CareWatch.
// Usage: node device.js <connection string> <mqtt|mqttws> <port> <telemetry JSON>
// Trust for the gateway's private CA comes from NODE_EXTRA_CA_CERTS.
// Prints one JSON object per line (steps done, errors); ends when stdin closes.
'use strict';
const { Client, Message } = require('azure-iot-device');
const { Mqtt, MqttWs } = require('azure-iot-device-mqtt');

const [connectionString, transportName, port, telemetryJson] = process.argv.slice(2);
if (!connectionString || !['mqtt', 'mqttws'].includes(transportName) || !port || !telemetryJson) {
  console.error('usage: node device.js <connection string> <mqtt|mqttws> <port> <telemetry JSON>');
  process.exit(2);
}

// The SDK hard-codes IoT Hub's ports (8883 for MQTT, 443 for WebSockets). Tests run the gateway on free
// ports, so only the port of the URI the SDK built is replaced; host name, SAS token, user name, topics
// and TLS are the SDK's own.
function onPort(Base) {
  return class extends Base {
    _getBaseTransportConfig(credentials) {
      const config = super._getBaseTransportConfig(credentials);
      const uri = new URL(config.uri);
      uri.port = port;
      config.uri = uri.toString().replace(/%24/g, '$');
      return config;
    }
  };
}

const report = (o) => process.stdout.write(JSON.stringify(o) + '\n');
const fail = (step, err) => { report({ step, error: String(err && err.message || err) }); process.exit(1); };

async function main() {
  const client = Client.fromConnectionString(connectionString, onPort(transportName === 'mqtt' ? Mqtt : MqttWs));
  client.on('error', (err) => fail('client', err));
  await client.open().catch((err) => fail('open', err));
  report({ step: 'open' });

  client.onDeviceMethod('areYouOk', (request, response) => {
    report({ step: 'method', name: request.methodName, payload: request.payload });
    response.send(200, { pressed: 'ok', echo: request.payload }, (err) => { if (err) fail('method-response', err); });
  });

  const twin = await client.getTwin().catch((err) => fail('twin-get', err));
  report({ step: 'twin', desiredVersion: twin.properties.desired.$version, reportedVersion: twin.properties.reported.$version });
  await new Promise((resolve, reject) =>
    twin.properties.reported.update({ firmwareVersion: 'node-sdk', sdk: { name: 'azure-iot-device' } }, (err) => (err ? reject(err) : resolve())))
    .catch((err) => fail('twin-report', err));
  report({ step: 'reported' });

  const message = new Message(telemetryJson);
  message.properties.add('schema', 'carewatch.v1');
  message.contentType = 'application/json';
  message.contentEncoding = 'utf-8';
  await client.sendEvent(message).catch((err) => fail('telemetry', err));
  report({ step: 'telemetry' });

  report({ step: 'ready' });
  process.stdin.resume();
  process.stdin.on('end', async () => {
    await client.close().catch(() => {});
    report({ step: 'closed' });
    process.exit(0);
  });
}

main().catch((err) => fail('main', err));
