/**
 * Holds the header's "Sign in" place until the lazy account links know the session, so the page
 * does not shift for the many who use the self-check signed out. Invisible to everyone.
 */
export function AccountPlaceholder() {
  return (
    <span aria-hidden="true" className="invisible">
      Sign in
    </span>
  );
}
