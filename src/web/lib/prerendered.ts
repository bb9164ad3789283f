/**
 * A prerendered page (scripts/prerender.ts) is `inert` until React has taken over every part
 * people can use on it. React hydrates what is inside a Suspense boundary (the lazy question page,
 * the step list) after the frame around it, in later tasks, and the hydration itself is sliced
 * (src/web/main.tsx): a part used before it is the app's would lose what was done to it. A
 * question's inputs must be the form's before anyone types (else the form's defaults would
 * overwrite what was typed); a step-list link must be the app's before anyone follows it (else the
 * browser loads its address as a new page, and what was not yet saved is gone).
 */

/** The parts of a page that must be the app's before the page can be used. */
export type PagePart = "questions" | "start" | "step-list";

const waiting = new Set<PagePart>();

/** Before React takes over a prerendered page: the parts it must have hydrated before the page is usable. */
export function holdPageUntil(parts: readonly PagePart[]): void {
  for (const part of parts) waiting.add(part);
}

/** A part is the app's now (called from its first effect); the page is usable once none is awaited. */
export function partTakenOver(part: PagePart): void {
  waiting.delete(part);
  if (waiting.size === 0) document.getElementById("root")?.removeAttribute("inert");
}

/** A page React drew itself (no hydration): usable at once. */
export function takeOverPrerenderedPage(): void {
  waiting.clear();
  document.getElementById("root")?.removeAttribute("inert");
}
