// The Host allowlist: loopback names on any port, the configured bind address when it is a
// specific one, JUDGE_LAB_ALLOWED_HOSTS; every other name (a DNS-rebinding page's) is refused with
// a message naming the setting. And the start-up warning for a server reachable beyond this machine.
import { describe, expect, it } from "vitest";
import { exposureWarning, hostAllowlist, hostName, hostRefusalMessage, isAllowedHost, listenAddress } from "@/lib/access/host-allowlist";

describe("host allowlist", () => {
  it("allows the loopback names on any port by default, and nothing else", () => {
    const list = hostAllowlist({});
    for (const host of ["127.0.0.1", "127.0.0.1:3000", "localhost:3300", "LOCALHOST", "[::1]:3000", "[::1]", "localhost."])
      expect(isAllowedHost(host, list), host).toBe(true);
    for (const host of [
      "evil.example:3300",
      "evil.example",
      "127.0.0.1.evil.example",
      "localhost.evil.example:3000",
      "192.168.1.5:3000",
      "",
      null,
    ])
      expect(isAllowedHost(host, list), String(host)).toBe(false);
  });

  it("adds HOST when it is a specific address, not when it is every interface", () => {
    expect(isAllowedHost("192.168.1.5:3000", hostAllowlist({ HOST: "192.168.1.5" }))).toBe(true);
    expect(isAllowedHost("[fd00::5]:3000", hostAllowlist({ HOST: "fd00::5" }))).toBe(true);
    expect(hostAllowlist({ HOST: "0.0.0.0" }).names).toEqual(new Set(["127.0.0.1", "localhost", "[::1]"]));
    expect(hostAllowlist({ HOST: "::" }).names).toEqual(new Set(["127.0.0.1", "localhost", "[::1]"]));
    expect(isAllowedHost("10.0.0.7:80", hostAllowlist({}, "10.0.0.7"))).toBe(true);
  });

  it("adds the names in JUDGE_LAB_ALLOWED_HOSTS, and * turns the check off", () => {
    const list = hostAllowlist({ JUDGE_LAB_ALLOWED_HOSTS: " judge.example.com, Lab.Internal:8443 ,," });
    expect(isAllowedHost("judge.example.com", list)).toBe(true);
    expect(isAllowedHost("lab.internal:443", list)).toBe(true);
    expect(isAllowedHost("evil.example", list)).toBe(false);
    expect(isAllowedHost("evil.example", hostAllowlist({ JUDGE_LAB_ALLOWED_HOSTS: "*" }))).toBe(true);
  });

  it("reads names the way a Host header writes them", () => {
    expect(hostName("Example.COM:8080")).toBe("example.com");
    expect(hostName("[::1]:3000")).toBe("[::1]");
    expect(hostName("::1")).toBe("[::1]");
    expect(hostName("example.com.")).toBe("example.com");
  });

  it("says which setting to change, in one line", () => {
    const message = hostRefusalMessage("evil.example:3300");
    expect(message).toMatch(/"evil\.example".*JUDGE_LAB_ALLOWED_HOSTS/);
    expect(message.trim().split("\n")).toHaveLength(1);
    expect(hostRefusalMessage(null)).toMatch(/without a Host header/);
  });
});

describe("start-up exposure warning", () => {
  it("warns when listening beyond loopback without a token", () => {
    expect(exposureWarning("0.0.0.0", null)).toMatch(/every network interface without an access token.*JUDGE_LAB_TOKEN/);
    expect(exposureWarning("192.168.1.5", null)).toMatch(/listening on 192\.168\.1\.5/);
    expect(exposureWarning("0.0.0.0", "token")).toBeNull();
    for (const host of ["127.0.0.1", "127.0.1.1", "localhost", "::1", "[::1]"]) expect(exposureWarning(host, null), host).toBeNull();
  });

  it("finds the listen address in HOST, then next start's -H, else every interface", () => {
    expect(listenAddress({ HOST: "127.0.0.1" }, ["node", "next", "start", "-H", "0.0.0.0"])).toBe("127.0.0.1");
    expect(listenAddress({}, ["node", "next", "start", "-H", "10.1.2.3", "-p", "3000"])).toBe("10.1.2.3");
    expect(listenAddress({}, ["node", "next", "start", "--hostname=::1"])).toBe("::1");
    expect(listenAddress({}, ["node", "next", "start"])).toBe("0.0.0.0");
  });
});
