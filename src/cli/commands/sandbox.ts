import { startSandboxServer } from '../../sandbox/standalone.ts';

/** `secretary sandbox`: the local Telegram on its own, usable as a self-hosted Bot API server by any bot. */
export async function sandboxCommand(options: {
  port: string;
  token: string;
  state?: string;
  limits: boolean;
}) {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`--port must be 0–65535, got "${options.port}"\n`);
    process.exit(2);
  }
  const server = await startSandboxServer({
    port,
    token: options.token,
    limits: options.limits,
    ...(options.state ? { stateFile: options.state } : {}),
  });
  process.stdout.write(
    `Local Telegram is running.\n  Bot API root: ${server.url}  (token ${options.token})\n  Browser chat: ${server.url}/sandbox\n`,
  );
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}
