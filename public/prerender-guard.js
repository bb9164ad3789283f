/* global document */
// Runs before the first paint (a classic script in <head>; the Content-Security-Policy allows no
// inline script). The prerendered page is a first visit's: no answers, nobody signed in. When this
// browser holds answers (src/web/features/intake/draft-storage.ts) or someone signed in here
// (src/web/lib/signed-in-here.ts), it is not shown: the app draws the real page over it
// (src/web/main.tsx), so what was painted never changes under the reader.
try {
  if (
    localStorage.getItem("hemgenix-pa:draft:v1") !== null ||
    localStorage.getItem("hemgenix-pa:signed-in:v1") !== null
  )
    document.documentElement.classList.add("saved-here");
} catch {
  // Storage refused: nothing can be saved here either, so the prerendered page is this browser's.
}
