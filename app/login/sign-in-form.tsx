"use client";
// The access-token field and its error, posting to the sign-in endpoint (which also says how long
// to wait after too many wrong tokens).
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { SIGN_IN_API_PATH } from "@/lib/access/paths";
import { SERVER_UNREACHABLE } from "@/lib/errors";

export function SignInForm({ next }: { next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function signIn(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const token = String(new FormData(event.currentTarget).get("token") ?? "");
    setPending(true);
    setError(null);
    try {
      const response = await fetch(SIGN_IN_API_PATH, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ token, next }),
      });
      const body = (await response.json().catch(() => ({}))) as { next?: string; message?: string };
      if (response.ok && body.next) {
        window.location.assign(body.next);
        return;
      }
      setError(body.message ?? `The server answered ${response.status}`);
    } catch {
      setError(SERVER_UNREACHABLE);
    }
    setPending(false);
  }

  return (
    <form onSubmit={signIn} className="mt-6 grid gap-3">
      <Label htmlFor="token">Access token</Label>
      <Input
        id="token"
        name="token"
        type="password"
        autoComplete="current-password"
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "token-error" : undefined}
      />
      {error ? (
        <p id="token-error" role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        Sign in
      </Button>
    </form>
  );
}
