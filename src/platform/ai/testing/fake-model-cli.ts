import { plausibleRules } from './plausible-answers.ts';
import { startScriptedModel } from './scripted-model.ts';

// `npm run fake-model -- --port 11435`: the scripted model with plausible answers, so every AI
// feature can be tried locally with no key and no network. Prints the settings to use.

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const port = Number(arg('port') ?? 11435);
const host = arg('host') ?? '127.0.0.1';
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, got ${arg('port')}`);
  process.exit(2);
}

const model = await startScriptedModel({ port, host, rules: plausibleRules });
console.log(`Scripted model listening on ${model.url}
Start Secretary with:
  AI_PROVIDER=openai-compatible AI_BASE_URL=${model.url} AI_MODEL=scripted
  STT_PROVIDER=openai-compatible STT_BASE_URL=${model.url}`);

let seen = 0;
const log = async () => {
  for (;;) {
    const request = await model.waitFor((r) => model.requests.indexOf(r) >= seen);
    seen = model.requests.indexOf(request) + 1;
    const first = request.text.split('\n')[0]?.slice(0, 80) ?? '';
    console.log(`${new Date().toISOString()} ${request.path} ${request.structured ? 'json ' : ''}${first}`);
  }
};
void log();

const stop = () => {
  void model.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
