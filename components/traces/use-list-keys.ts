"use client";
/**
 * Keyboard stepping through a list, the way mail and code-review tools do it: j or ArrowDown moves
 * to the next item, k or ArrowUp to the previous one, o or Enter opens it, e marks it. Items are the
 * elements under `container` with [data-list-item]; the focused one is moved into view. Keys typed
 * into a text field, a select or with a modifier are left alone.
 */
import { useEffect, type RefObject } from "react";

type Handlers = { onOpen?: (item: HTMLElement) => void; onMark?: (item: HTMLElement) => void };

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

export function useListKeys(container: RefObject<HTMLElement | null>, { onOpen, onMark }: Handlers) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return;
      const root = container.current;
      if (!root) return;
      const items = [...root.querySelectorAll<HTMLElement>("[data-list-item]")];
      if (items.length === 0) return;
      const current = items.findIndex((item) => item === document.activeElement || item.contains(document.activeElement));
      const move = (to: number) => {
        const item = items[Math.max(0, Math.min(items.length - 1, to))]!;
        item.focus();
        item.scrollIntoView({ block: "nearest" });
      };
      if (event.key === "j" || event.key === "ArrowDown") {
        event.preventDefault();
        move(current < 0 ? 0 : current + 1);
      } else if (event.key === "k" || event.key === "ArrowUp") {
        event.preventDefault();
        move(current < 0 ? 0 : current - 1);
      } else if ((event.key === "o" || event.key === "Enter") && current >= 0 && onOpen) {
        if (event.key === "Enter" && event.target instanceof HTMLAnchorElement) return; // a link opens itself
        event.preventDefault();
        onOpen(items[current]!);
      } else if (event.key === "e" && current >= 0 && onMark) {
        event.preventDefault();
        onMark(items[current]!);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [container, onOpen, onMark]);
}
