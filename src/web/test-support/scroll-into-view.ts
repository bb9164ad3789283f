/**
 * Test-only: jsdom does not lay out, so it has no `scrollIntoView`, which the error summary and
 * the question links call. Call this at the top of a test file: each test gets a mock (reset after
 * it) that the test can assert on.
 */
import { afterEach, beforeEach, vi } from "vitest";

export function stubScrollIntoView() {
  const scrollIntoView = vi.fn();
  beforeEach(() => {
    Element.prototype.scrollIntoView = scrollIntoView;
  });
  afterEach(() => {
    Reflect.deleteProperty(Element.prototype, "scrollIntoView");
    scrollIntoView.mockReset();
  });
  return scrollIntoView;
}
