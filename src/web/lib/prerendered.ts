/**
 * A prerendered page (scripts/prerender.ts) is `inert` until React has taken over the part people
 * use: a question page, whose inputs must be the form's before anyone types in them (else the
 * form's defaults would overwrite what was typed), or the start page. The frame around them cannot
 * say when that is: React hydrates what is inside a Suspense boundary (the lazy question page, the
 * step list, the panel) after the frame, in later tasks. Links in those parts are safe meanwhile:
 * React hydrates a boundary at once when it is clicked and replays the click.
 */
export function takeOverPrerenderedPage(): void {
  document.getElementById("root")?.removeAttribute("inert");
}
