// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from "vitest";
import { holdPageUntil, partTakenOver, takeOverPrerenderedPage } from "./prerendered";

const inert = () => document.getElementById("root")?.hasAttribute("inert");

beforeEach(() => {
  document.body.innerHTML = '<div id="root" inert></div>';
  takeOverPrerenderedPage();
  document.getElementById("root")?.setAttribute("inert", "");
});

describe("a prerendered page stays inert until every part people use is the app's", () => {
  it("in whichever order the parts are hydrated", () => {
    holdPageUntil(["questions", "step-list"]);
    partTakenOver("step-list");
    expect(inert()).toBe(true);
    partTakenOver("questions");
    expect(inert()).toBe(false);
  });

  it("a part that is not awaited (the start page on a phone has no step list) does not lift it early", () => {
    holdPageUntil(["start"]);
    partTakenOver("step-list");
    expect(inert()).toBe(true);
    partTakenOver("start");
    expect(inert()).toBe(false);
  });

  it("a page React drew itself is usable at once, and nothing awaited before is awaited still", () => {
    holdPageUntil(["questions", "step-list"]);
    takeOverPrerenderedPage();
    expect(inert()).toBe(false);
    document.getElementById("root")?.setAttribute("inert", "");
    partTakenOver("questions");
    expect(inert()).toBe(false);
  });
});
