/** At server start-up: print the exposure warning when this server listens beyond this machine without a token. */
import { exposureWarning, listenAddress } from "./host-allowlist";
import { configuredToken } from "./token";

export function warnIfExposed(): void {
  const warning = exposureWarning(listenAddress(process.env, process.argv), configuredToken());
  if (warning) console.warn(warning);
}
