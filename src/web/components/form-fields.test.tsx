// @vitest-environment jsdom
import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useEffect, type ReactNode } from "react";
import { FormProvider, useForm, type UseFormReturn } from "react-hook-form";
import { describe, expect, it } from "vitest";
import { Radios, Select, TextField, YES_NO, inputId } from "./form-fields";

interface Values {
  member: { firstName: string; weight: { value: string } };
  answer: string;
  site: string;
}

const DEFAULTS: Values = { member: { firstName: "", weight: { value: "" } }, answer: "", site: "" };

function renderForm(children: ReactNode) {
  const holder: { form?: UseFormReturn<Values> } = {};
  function Harness() {
    const form = useForm<Values>({ defaultValues: DEFAULTS });
    useEffect(() => {
      holder.form = form;
    }, [form]);
    return <FormProvider {...form}>{children}</FormProvider>;
  }
  render(<Harness />);
  const form = holder.form;
  if (form === undefined) throw new Error("the form did not render");
  return form;
}

// jsdom's accessible-description computation drops the space after the visually hidden "Error:",
// so the checks below allow it to be missing.
const describedBy = (element: HTMLElement): string[] =>
  (element.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean);

describe("inputId", () => {
  it("turns a path into an element id", () => {
    expect(inputId("member.dateOfBirth")).toBe("f-member-dateOfBirth");
    expect(inputId("bleeds.0.date")).toBe("f-bleeds-0-date");
    expect(inputId("bleeds[0].date")).toBe("f-bleeds-0-date");
    expect(inputId("exposureDays")).toBe("f-exposureDays");
  });
});

describe("TextField", () => {
  it("labels its input and registers it under its path", async () => {
    const user = userEvent.setup();
    const form = renderForm(<TextField name="member.firstName" label="First name" />);
    const input = screen.getByLabelText("First name");
    expect(input).toHaveAttribute("id", "f-member-firstName");
    expect(input).toHaveAttribute("type", "text");
    await user.type(input, "Ada");
    expect(form.getValues("member.firstName")).toBe("Ada");
  });

  it("has no description and is not invalid without a hint or an error", () => {
    renderForm(<TextField name="member.firstName" label="First name" />);
    const input = screen.getByLabelText("First name");
    expect(input).not.toHaveAttribute("aria-describedby");
    expect(input).not.toHaveAttribute("aria-invalid");
  });

  it("is described by its hint", () => {
    renderForm(<TextField name="member.firstName" label="First name" hint="As on the card" />);
    const input = screen.getByLabelText("First name");
    expect(describedBy(input)).toEqual(["f-member-firstName-hint"]);
    expect(input).toHaveAccessibleDescription("As on the card");
  });

  it("shows an error beside the field: invalid, described by hint and error, value kept", async () => {
    const user = userEvent.setup();
    const form = renderForm(
      <TextField name="member.weight.value" label="Weight value" hint="In kg or lb" inputMode="decimal" />,
    );
    const input = screen.getByLabelText("Weight value");
    await user.type(input, "eighty");
    act(() =>
      form.setError("member.weight.value", { type: "schema", message: 'Weight must be a number; got "eighty"' }),
    );
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(describedBy(input)).toEqual(["f-member-weight-value-hint", "f-member-weight-value-error"]);
    expect(document.getElementById("f-member-weight-value-error")).toHaveTextContent(
      'Error: Weight must be a number; got "eighty"',
    );
    expect(input).toHaveAccessibleDescription(/^In kg or lb Error: ?Weight must be a number; got "eighty"$/);
    expect(input).toHaveValue("eighty");

    act(() => form.clearErrors("member.weight.value"));
    expect(input).not.toHaveAttribute("aria-invalid");
    expect(describedBy(input)).toEqual(["f-member-weight-value-hint"]);
  });

  it("is described by the error alone when it has no hint", () => {
    const form = renderForm(<TextField name="member.firstName" label="First name" />);
    act(() => form.setError("member.firstName", { type: "schema", message: "First name must not be blank" }));
    expect(screen.getByLabelText("First name")).toHaveAccessibleDescription(/^Error: ?First name must not be blank$/);
  });

  it("keeps prefix and suffix out of the accessible name", () => {
    renderForm(<TextField name="member.weight.value" label="Titer" prefix="1:" suffix="BU" />);
    expect(screen.getByRole("textbox")).toHaveAccessibleName("Titer");
  });

  it("puts a page-sized label in the page heading", () => {
    renderForm(<TextField name="member.firstName" label="First name" labelSize="page" />);
    expect(screen.getByRole("heading", { level: 1, name: "First name" })).toBeInTheDocument();
    expect(screen.getByLabelText("First name")).toBeInTheDocument();
  });
});

describe("Radios", () => {
  const renderRadios = (hint?: string) =>
    renderForm(
      <Radios
        name="answer"
        legend="Was a hematologist consulted?"
        hint={hint}
        options={[
          { value: "yes", label: "Yes" },
          { value: "no", label: "No", hint: "Say who was asked instead" },
        ]}
      />,
    );

  it("groups its options under the legend; each option is labelled; the first has the field's id", async () => {
    const user = userEvent.setup();
    const form = renderRadios();
    const group = screen.getByRole("group", { name: "Was a hematologist consulted?" });
    expect(group.tagName).toBe("FIELDSET");
    const yes = screen.getByRole("radio", { name: "Yes" });
    expect(yes).toHaveAttribute("id", "f-answer");
    expect(screen.getByRole("radio", { name: /^No/ })).toHaveAttribute("id", "f-answer-no");
    await user.click(screen.getByLabelText(/^No/));
    expect(form.getValues("answer")).toBe("no");
    expect(yes).not.toBeChecked();
  });

  it("describes an option by its own hint", () => {
    renderRadios();
    expect(screen.getByRole("radio", { name: /^No/ })).toHaveAccessibleDescription("Say who was asked instead");
    expect(screen.getByRole("radio", { name: "Yes" })).not.toHaveAttribute("aria-describedby");
  });

  it("describes the group by its hint, then by its error once there is one", () => {
    const form = renderRadios("Answer yes if a hematologist advised");
    const group = screen.getByRole("group");
    expect(describedBy(group)).toEqual(["f-answer-hint"]);
    act(() => form.setError("answer", { type: "schema", message: "Hematologist consulted must be true or false" }));
    expect(describedBy(group)).toEqual(["f-answer-hint", "f-answer-error"]);
    expect(group).toHaveAccessibleDescription(
      /^Answer yes if a hematologist advised Error: ?Hematologist consulted must be true or false$/,
    );
  });

  it("describes the group by its error alone when it has no hint", () => {
    const form = renderRadios();
    const group = screen.getByRole("group");
    expect(group).not.toHaveAttribute("aria-describedby");
    act(() => form.setError("answer", { type: "schema", message: "Choose yes or no" }));
    expect(group).toHaveAccessibleDescription(/^Error: ?Choose yes or no$/);
  });

  it("offers yes and no", () => {
    expect(YES_NO.map((o) => o.value)).toEqual(["yes", "no"]);
  });
});

describe("Select", () => {
  it("labels its list, starts on 'Choose…', and shows errors like a text field", async () => {
    const user = userEvent.setup();
    const form = renderForm(
      <Select
        name="site"
        label="Site"
        hint="Where the bleed was"
        options={[
          { value: "joint", label: "joint (hemarthrosis)" },
          { value: "muscle", label: "muscle" },
        ]}
      />,
    );
    const select = screen.getByRole("combobox", { name: "Site" });
    expect(select).toHaveAttribute("id", "f-site");
    expect(select).toHaveValue("");
    expect(screen.getByRole("option", { name: "Choose…" })).toBeInTheDocument();
    await user.selectOptions(select, "muscle");
    expect(form.getValues("site")).toBe("muscle");
    expect(select).not.toHaveAttribute("aria-invalid");
    act(() => form.setError("site", { type: "schema", message: "Bleed site must be one of …" }));
    expect(select).toHaveAttribute("aria-invalid", "true");
    expect(describedBy(select)).toEqual(["f-site-hint", "f-site-error"]);
  });
});
