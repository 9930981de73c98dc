/**
 * At server start-up: start the judging listener when JUDGE_LAB_API_PORT is set, on the address
 * the app listens on. A bad value or a port in use is reported in one line and the app serves on
 * without it (the same API stays on the app's own port).
 */
import { listenAddress } from "@/lib/access/host-allowlist";
import { API_PORT_VARIABLE, configuredApiPort, JUDGE_PATH, startJudgeApiListener } from "./api-listener";

export async function startConfiguredApiListener(): Promise<void> {
  const port = configuredApiPort(process.env);
  if (port === null) return;
  if (port instanceof Error) {
    console.error(`[judge-lab] judging listener not started: ${port.message}`);
    return;
  }
  const host = listenAddress(process.env, process.argv);
  try {
    const listener = await startJudgeApiListener(host, port);
    const shown = host.includes(":") ? `[${host}]` : host;
    console.log(`[judge-lab] judging listener: POST http://${shown}:${listener.port}${JUDGE_PATH} (${API_PORT_VARIABLE})`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`[judge-lab] judging listener not started on ${host}:${port} (${API_PORT_VARIABLE}): ${reason}`);
  }
}
