/**
 * Which `Host` header names this server answers to. A web page the user visits can point its own
 * host name at 127.0.0.1 (DNS rebinding) and then talk to a local Judge Lab as if it were the same
 * site, so a request naming any other host is refused before a page, action, route or the SimJudge
 * mount runs. Allowed: 127.0.0.1, localhost and [::1] on any port, the address the server was told
 * to bind to (HOST) when it is a specific one, and the names in JUDGE_LAB_ALLOWED_HOSTS
 * (comma-separated; `*` turns the check off, for a reverse proxy that already checks Host).
 * Pure functions; used by proxy.ts and the start-up warning.
 */

export const ALLOWED_HOSTS_VARIABLE = "JUDGE_LAB_ALLOWED_HOSTS";

const LOOPBACK_NAMES = ["127.0.0.1", "localhost", "[::1]"];
/** Bind addresses that mean "every interface": not a name anyone sends as Host. */
const WILDCARD_ADDRESSES = new Set(["", "0.0.0.0", "::", "[::]"]);

export type HostAllowlist = { any: boolean; names: ReadonlySet<string> };

/** The name part of a Host header or an address, lowercased: no port, no trailing dot; IPv6 in brackets. */
export function hostName(value: string): string {
  const trimmed = value.trim().toLowerCase();
  if (trimmed.startsWith("[")) {
    const end = trimmed.indexOf("]");
    return end < 0 ? trimmed : trimmed.slice(0, end + 1);
  }
  // A bare IPv6 address (as HOST may be written): more than one colon, no brackets.
  if (trimmed.split(":").length > 2) return `[${trimmed}]`;
  const colon = trimmed.indexOf(":");
  return (colon < 0 ? trimmed : trimmed.slice(0, colon)).replace(/\.$/, "");
}

export function hostAllowlist(env: Record<string, string | undefined>, boundHost?: string | null): HostAllowlist {
  const extra = (env[ALLOWED_HOSTS_VARIABLE] ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const names = new Set(LOOPBACK_NAMES);
  for (const host of [env.HOST, boundHost]) {
    if (host !== undefined && host !== null && !WILDCARD_ADDRESSES.has(host.trim())) names.add(hostName(host));
  }
  for (const entry of extra) if (entry !== "*") names.add(hostName(entry));
  return { any: extra.includes("*"), names };
}

export function isAllowedHost(hostHeader: string | null | undefined, allowlist: HostAllowlist): boolean {
  if (allowlist.any) return true;
  if (!hostHeader) return false;
  return allowlist.names.has(hostName(hostHeader));
}

/** The one-line answer to a refused request: what was refused and which setting to change. */
export function hostRefusalMessage(hostHeader: string | null | undefined): string {
  const name = hostHeader ? hostName(hostHeader) : null;
  return name
    ? `Judge Lab does not answer to the host name "${name}". If this is your address for it (a reverse proxy, a LAN name), add it to ${ALLOWED_HOSTS_VARIABLE} on the server (comma-separated) and restart.\n`
    : `Judge Lab refused a request without a Host header. Send one, or set ${ALLOWED_HOSTS_VARIABLE} on the server.\n`;
}

/** True for addresses only this machine can reach. */
export function isLoopbackAddress(host: string): boolean {
  const name = hostName(host);
  return name === "localhost" || name === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

/**
 * The warning printed at start-up when the server listens beyond this machine with no access token:
 * anyone who can reach the address can then read every run and launch runs on its backends.
 */
export function exposureWarning(bindHost: string, token: string | null): string | null {
  if (token !== null || isLoopbackAddress(bindHost)) return null;
  const where = WILDCARD_ADDRESSES.has(bindHost.trim()) ? "every network interface" : bindHost;
  return (
    `[judge-lab] WARNING: listening on ${where} without an access token. Anyone who can reach this ` +
    `address can read every run and launch runs on your backends. Set JUDGE_LAB_TOKEN, or bind to ` +
    `127.0.0.1 (HOST=127.0.0.1).`
  );
}

/**
 * The address this server listens on: HOST, else the `-H`/`--hostname` given to `next start`, else
 * every interface (what `next start` does without one).
 */
export function listenAddress(env: Record<string, string | undefined>, argv: readonly string[]): string {
  if (env.HOST?.trim()) return env.HOST.trim();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if ((arg === "-H" || arg === "--hostname") && argv[i + 1]) return argv[i + 1]!;
    if (arg.startsWith("--hostname=")) return arg.slice("--hostname=".length);
  }
  return "0.0.0.0";
}
