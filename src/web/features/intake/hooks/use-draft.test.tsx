// @vitest-environment jsdom
/**
 * The drafts `useDraft` hands out: frozen copies that share every unchanged answer with the
 * draft before, whatever changed the form (typing, setValue, a list entry added or removed, a
 * reset), so the live evaluation re-derives only what changed and never reads a stale answer.
 */
import { act, render } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { evaluatePartial } from "@/criteria";
import { isShared } from "@/web/lib/share-unchanged";
import { eligible } from "@/web/test-support/eligible";
import { renderInForm } from "@/web/test-support/render-in-form";
import { fromDocument, toDocument, type Draft } from "../draft";
import { answeredErrors, rewordErrors } from "../draft-messages";
import { liveOf } from "./live-evaluation";
import { DraftProvider, useDraft, useDraftSelector } from "./use-draft";

function renderDrafts() {
  const seen: Draft[] = [];
  function Watcher() {
    seen.push(useDraft());
    return null;
  }
  const rendered = renderInForm(
    (form) => (
      <DraftProvider control={form.control}>
        <Watcher />
      </DraftProvider>
    ),
    fromDocument(eligible()),
  );
  return { ...rendered, seen, last: () => seen.at(-1) as Draft };
}

/** What the live evaluation of `draft` must be: the whole draft built and checked afresh. */
function wholeLive(draft: Draft) {
  const document = toDocument(structuredClone(draft));
  const live = evaluatePartial(document);
  return { document, live: { ...live, errors: rewordErrors(answeredErrors(live.errors, draft), draft) } };
}

describe("DraftProvider's drafts", () => {
  it("are frozen copies, never the form's own values", () => {
    const { form, last } = renderDrafts();
    const draft = last();
    expect(isShared(draft)).toBe(true);
    expect(Object.isFrozen(draft.member.weight)).toBe(true);
    expect(draft).not.toBe(form.getValues());
    expect(draft.member).not.toBe(form.control._formValues.member);
  });

  it("share the answers a change did not touch, and follow setValue, list entries and reset", () => {
    const { form, last } = renderDrafts();
    const first = last();
    act(() => form.setValue("exposureDays", "151"));
    const typed = last();
    expect(typed.exposureDays).toBe("151");
    expect(typed.member).toBe(first.member);
    expect(typed.inhibitor).toBe(first.inhibitor);
    expect(liveOf(typed)).toMatchObject(wholeLive(typed));

    act(() => form.setValue("member.weight.value", "200"));
    expect(last().member).not.toBe(first.member);
    expect(last().member.weight.value).toBe("200");
    expect(liveOf(last())).toMatchObject(wholeLive(last()));

    const assays = form.getValues("inhibitor.assays");
    act(() =>
      form.setValue("inhibitor.assays", [
        ...assays,
        { date: { day: "1", month: "1", year: "2026" }, bethesdaUnits: "0.9" },
      ]),
    );
    expect(last().inhibitor.assays).toHaveLength(assays.length + 1);
    expect(last().prophylaxis).toBe(first.prophylaxis);
    expect(liveOf(last())).toMatchObject(wholeLive(last()));
    act(() => form.setValue("inhibitor.assays.0.bethesdaUnits", "5"));
    expect(last().inhibitor.assays[0]?.bethesdaUnits).toBe("5");
    expect(liveOf(last()).live.evaluation?.criteria.find((c) => c.id === "I.A.7.b")).toMatchObject(
      wholeLive(last()).live.evaluation?.criteria.find((c) => c.id === "I.A.7.b") ?? {},
    );
    expect(liveOf(last())).toMatchObject(wholeLive(last()));
    act(() => form.setValue("inhibitor.assays", assays));
    expect(liveOf(last())).toMatchObject(wholeLive(last()));

    act(() => form.reset(fromDocument({ ...eligible(), exposureDays: 20 })));
    expect(last().exposureDays).toBe("20");
    expect(liveOf(last()).live.evaluation?.criteria.find((c) => c.id === "I.A.6")?.status).toBe("not_met");
    expect(liveOf(last())).toMatchObject(wholeLive(last()));
  });

  it("is one draft per change, kept while nothing changed", () => {
    const { form, seen, last } = renderDrafts();
    const before = last();
    act(() => form.setValue("exposureDays", before.exposureDays));
    expect(last()).toBe(before);
    expect(new Set(seen).size).toBe(1);
  });
});

describe("the form's one draft store", () => {
  it("is shared by every reader of the same form, without a DraftProvider too", () => {
    const seen: Record<string, Draft[]> = { a: [], b: [] };
    function Reader({ name }: { name: "a" | "b" }) {
      const draft = useDraft();
      seen[name]?.push(draft);
      return null;
    }
    const { form } = renderInForm(
      <>
        <Reader name="a" />
        <Reader name="b" />
      </>,
      fromDocument(eligible()),
    );
    act(() => form.setValue("exposureDays", "151"));
    expect(seen.a?.at(-1)?.exposureDays).toBe("151");
    // One draft per change for all readers: one evaluation, wherever it is asked for.
    expect(seen.b?.at(-1)).toBe(seen.a?.at(-1));
    expect(isShared(seen.a?.at(-1))).toBe(true);
  });

  it("brings the draft up to date for a reader that comes after changes made while nobody read it", () => {
    let show: (visible: boolean) => void = () => undefined;
    const shown: string[] = [];
    function Days() {
      shown.push(useDraftSelector((draft) => draft.exposureDays));
      return null;
    }
    function Toggle() {
      const [visible, setVisible] = useState(true);
      show = setVisible;
      return visible ? <Days /> : null;
    }
    const { form } = renderInForm(<Toggle />, fromDocument(eligible()));
    act(() => show(false));
    // Nobody reads the form now: the store is not following it.
    act(() => form.setValue("exposureDays", "42"));
    shown.length = 0;
    act(() => show(true));
    // The first render already has the new answer (no stale frame before the subscription).
    expect(shown[0]).toBe("42");
    act(() => form.setValue("exposureDays", "43"));
    expect(shown.at(-1)).toBe("43");
  });

  it("needs a form: without a DraftProvider, control or form in context it says so", () => {
    function Lonely() {
      useDraft();
      return null;
    }
    const quiet = console.error;
    console.error = () => undefined;
    try {
      expect(() => render(<Lonely />)).toThrow("useDraft needs a DraftProvider, a control, or a form in context.");
    } finally {
      console.error = quiet;
    }
  });
});
