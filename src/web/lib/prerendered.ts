/**
 * A prerendered page (scripts/prerender.ts) is `inert` until React has taken over the part people
 * use: a question page, whose inputs must be the form's before anyone types in them (else the
 * form's defaults would overwrite what was typed), or the start page. The frame around them cannot
 * say when that is: React hydrates what is inside a Suspense boundary (the lazy question page, the
 * step list, the panel) after the frame, in later tasks, and in slices (src/web/main.tsx). The step
 * list, whose code may come after the page's own, keeps its links inert itself until it is the
 * app's (`live-step-list.tsx`): a click on a link React does not yet own is the browser's, which
 * loads the link's address as a new page.
 */
export function takeOverPrerenderedPage(): void {
  document.getElementById("root")?.removeAttribute("inert");
}
