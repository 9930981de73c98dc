"use server";
/** The sign-in form's action: checks the access token and keeps it in an http-only cookie. */
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { configuredToken, sameSecret, TOKEN_COOKIE } from "@/lib/access/token";

const signInSchema = z.object({ token: z.string().max(4096), next: z.string().max(2048) });

export async function signInAction(_previous: { error: string | null }, form: FormData): Promise<{ error: string | null }> {
  const parsed = signInSchema.safeParse({ token: form.get("token") ?? "", next: form.get("next") ?? "/" });
  if (!parsed.success) return { error: "The sign-in form was not valid" };
  const expected = configuredToken();
  if (expected === null) redirect("/runs");
  if (!sameSecret(parsed.data.token.trim(), expected)) return { error: "That is not this Judge Lab's access token" };
  (await cookies()).set(TOKEN_COOKIE, expected, { httpOnly: true, sameSite: "strict", path: "/", maxAge: 60 * 60 * 24 * 30 });
  // Only paths on this site, never another origin.
  const next = parsed.data.next.startsWith("/") && !parsed.data.next.startsWith("//") ? parsed.data.next : "/runs";
  redirect(next);
}
