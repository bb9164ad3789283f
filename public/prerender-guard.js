/* global document */
// Runs before the first paint: scripts/prerender.ts puts it inline in <head>, and the
// Content-Security-Policy allows it by its hash (no other inline script). The prerendered page
// is a first visit's: no answers, nobody signed in. When this browser holds answers
// (src/web/features/intake/draft-storage.ts) or someone signed in here (src/web/lib/signed-in-here.ts),
// it is not shown, and once parsed it is taken out (nothing can reach its controls): the app
// draws the real page instead (src/web/main.tsx), so what was painted never changes under the reader.
try {
  if (
    localStorage.getItem("hemgenix-pa:draft:v1") !== null ||
    localStorage.getItem("hemgenix-pa:signed-in:v1") !== null
  ) {
    document.documentElement.classList.add("saved-here");
    document.addEventListener("DOMContentLoaded", () => {
      const root = document.getElementById("root");
      if (root !== null && root.dataset.prerendered !== undefined) root.replaceChildren();
    });
  }
} catch {
  // Storage refused: nothing can be saved here either, so the prerendered page is this browser's.
}
