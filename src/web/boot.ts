/**
 * The page's entry: its styles, then the app once the prerendered page has painted. The browser
 * fetches the app's code at once (the modulepreload links of scripts/prerender.ts), but runs it only
 * after the first frame, so the page is on screen before any script works on it.
 */
import "@/web/styles.css";

await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
await import("./main");
