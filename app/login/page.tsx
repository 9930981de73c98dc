// Sign-in page, used when JUDGE_LAB_TOKEN protects this Judge Lab: one field for the token.
import type { Metadata } from "next";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in · Judge Lab" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  return (
    <div className="mx-auto mt-16 max-w-sm">
      <h1 className="text-xl font-semibold">Sign in</h1>
      <p className="mt-1 text-sm text-muted-foreground">This Judge Lab is protected by an access token (JUDGE_LAB_TOKEN on its server).</p>
      <SignInForm next={typeof next === "string" ? next : "/runs"} />
    </div>
  );
}
