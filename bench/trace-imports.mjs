// Records every module a command loads, to check that light commands stay light.
import { register } from 'node:module';
const { port1, port2 } = new MessageChannel();
const seen = [];
port1.on('message', (url) => seen.push(url));
port1.unref();
register('./trace-imports-hooks.mjs', import.meta.url, { data: { port: port2 }, transferList: [port2] });
process.on('exit', () => process.stderr.write(`\n@@modules ${seen.join(' ')}\n`));
