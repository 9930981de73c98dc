// Merge Tailwind class lists, later classes winning over earlier conflicting ones (shadcn's cn()).
import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}
