"use client";
// Who is labelling: a name asked once per browser (kept in localStorage, no account needed), shown
// with a way to change it. Labels are stored under this name, one per person and item.
import { useEffect, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

const STORAGE_KEY = "judge-lab:annotator";

/** The stored name (null until read, "" when none), and a setter that stores it. */
export function useAnnotatorName(): [string | null, (name: string) => void] {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => setName(window.localStorage.getItem(STORAGE_KEY) ?? ""), []);
  const save = (next: string) => {
    window.localStorage.setItem(STORAGE_KEY, next);
    setName(next);
  };
  return [name, save];
}

export function AnnotatorNameForm({ initial, onSave }: { initial: string; onSave: (name: string) => void }) {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = value.trim();
    if (name === "") return setError("Type a name: your labels are stored under it.");
    if (name.length > 60) return setError("A name is at most 60 characters.");
    onSave(name);
  };
  return (
    <Card className="mx-auto w-full max-w-md">
      <CardHeader>
        <CardTitle>Who is labelling?</CardTitle>
        <CardDescription>
          Your name is kept in this browser and stored with each label, so several people can label the same set. No account is needed.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={submit} className="grid gap-3">
          <div className="grid gap-1.5">
            <Label htmlFor="annotator-name">Name</Label>
            <Input
              id="annotator-name"
              autoFocus
              value={value}
              maxLength={60}
              onChange={(event) => setValue(event.target.value)}
              aria-invalid={Boolean(error)}
              aria-describedby={error ? "annotator-name-error" : undefined}
            />
            {error ? (
              <p id="annotator-name-error" className="text-xs font-medium text-destructive">
                {error}
              </p>
            ) : null}
          </div>
          <Button type="submit">Start labelling</Button>
        </form>
      </CardContent>
    </Card>
  );
}
