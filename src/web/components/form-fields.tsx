/**
 * Question components in the GOV.UK Design System pattern: a label (or legend), an optional hint,
 * the error message beside the field, then the input. They register with the surrounding
 * react-hook-form context by document path, so schema errors land on the right field. Each is
 * generic over the form's values: `name` is a `Path` of them (`TextField<Draft>` takes only the
 * draft's paths).
 */
import { get, useFormContext, useFormState, type FieldValues, type Path } from "react-hook-form";
import type { ReactNode } from "react";
import { RecordMarkFor } from "./record-mark";

export const inputId = (name: string): string => `f-${name.replace(/[.[\]]+/g, "-").replace(/-$/, "")}`;

export function useFieldError<V extends FieldValues = FieldValues>(name: Path<V>): string | undefined {
  const { control } = useFormContext<V>();
  const { errors } = useFormState({ control, name });
  const error = get<typeof errors, { message?: unknown } | undefined>(errors, name);
  return typeof error?.message === "string" ? error.message : undefined;
}

export const describedBy = (...ids: (string | false | undefined)[]): string | undefined =>
  ids.filter((id): id is string => typeof id === "string").join(" ") || undefined;

export function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div id={id} className="mb-2 text-slate-600">
      {children}
    </div>
  );
}

export function ErrorMessage({ id, message }: { id: string; message: string }) {
  return (
    <p id={id} className="mb-2 font-bold text-red-700">
      <span className="sr-only">Error:</span> {message}
    </p>
  );
}

export const inputClass = (hasError: boolean): string =>
  `block rounded-none border-2 ${hasError ? "border-red-700" : "border-slate-900"} px-2 py-1.5 text-lg focus:outline-none`;

/**
 * A text input: its height fixed at what its text, padding and border make (GOV.UK inputs have a
 * fixed height too), so it can contain its own size and layout. Typing in it then lays out the
 * input alone, not the whole page around it: about 2 ms a key at 4× CPU slowdown (`bench:typing`).
 */
export const textInputClass = (hasError: boolean): string =>
  `${inputClass(hasError)} h-[calc(2.5rem+4px)] contain-size contain-layout`;

export function FieldWrapper({ hasError, children }: { hasError: boolean; children: ReactNode }) {
  return <div className={`mb-6 ${hasError ? "border-l-4 border-red-700 pl-4" : ""}`}>{children}</div>;
}

interface TextFieldProps<V extends FieldValues> {
  name: Path<V>;
  label: ReactNode;
  hint?: ReactNode;
  type?: "text" | "email" | "password";
  inputMode?: "text" | "numeric" | "decimal";
  autoComplete?: string;
  width?: "w-24" | "w-32" | "w-48" | "w-full max-w-md";
  prefix?: string;
  suffix?: string;
  labelSize?: "normal" | "page";
}

export function TextField<V extends FieldValues = FieldValues>({
  name,
  label,
  hint,
  type = "text",
  inputMode,
  autoComplete = "off",
  width = "w-full max-w-md",
  prefix,
  suffix,
  labelSize = "normal",
}: TextFieldProps<V>) {
  const { register } = useFormContext<V>();
  const error = useFieldError(name);
  const id = inputId(name);
  const input = (
    <input
      id={id}
      type={type}
      inputMode={inputMode}
      autoComplete={autoComplete}
      spellCheck={false}
      aria-invalid={error !== undefined || undefined}
      aria-describedby={describedBy(hint !== undefined && `${id}-hint`, error !== undefined && `${id}-error`)}
      className={`${textInputClass(error !== undefined)} ${width}`}
      {...register(name)}
    />
  );
  const labelElement = (
    <label htmlFor={id} className={`mb-1 block font-bold ${labelSize === "page" ? "text-3xl" : "text-lg"}`}>
      {label}
    </label>
  );
  return (
    <FieldWrapper hasError={error !== undefined}>
      {labelSize === "page" ? <h1>{labelElement}</h1> : labelElement}
      {hint !== undefined && <Hint id={`${id}-hint`}>{hint}</Hint>}
      <RecordMarkFor name={name} />
      {error !== undefined && <ErrorMessage id={`${id}-error`} message={error} />}
      {prefix === undefined && suffix === undefined ? (
        input
      ) : (
        <div className="flex items-center">
          {prefix !== undefined && (
            <span aria-hidden="true" className="border-2 border-r-0 border-slate-900 bg-slate-100 px-2 py-1.5 text-lg">
              {prefix}
            </span>
          )}
          {input}
          {suffix !== undefined && (
            <span aria-hidden="true" className="border-2 border-l-0 border-slate-900 bg-slate-100 px-2 py-1.5 text-lg">
              {suffix}
            </span>
          )}
        </div>
      )}
    </FieldWrapper>
  );
}

interface Option {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
}

interface RadiosProps<V extends FieldValues> {
  name: Path<V>;
  legend: ReactNode;
  hint?: ReactNode;
  options: readonly Option[];
  inline?: boolean;
  legendSize?: "normal" | "page";
}

export function Radios<V extends FieldValues = FieldValues>({
  name,
  legend,
  hint,
  options,
  inline = false,
  legendSize = "normal",
}: RadiosProps<V>) {
  const { register } = useFormContext<V>();
  const error = useFieldError(name);
  const id = inputId(name);
  return (
    <FieldWrapper hasError={error !== undefined}>
      <fieldset
        aria-describedby={describedBy(hint !== undefined && `${id}-hint`, error !== undefined && `${id}-error`)}
      >
        <legend className={`mb-2 font-bold ${legendSize === "page" ? "text-3xl" : "text-lg"}`}>
          {legendSize === "page" ? <h1>{legend}</h1> : legend}
        </legend>
        {hint !== undefined && <Hint id={`${id}-hint`}>{hint}</Hint>}
        <RecordMarkFor name={name} />
        {error !== undefined && <ErrorMessage id={`${id}-error`} message={error} />}
        <div className={inline ? "flex flex-wrap gap-6" : "space-y-2"}>
          {options.map((option, index) => {
            const optionId = index === 0 ? id : `${id}-${option.value}`;
            return (
              <div key={option.value} className="flex items-start gap-2">
                <input
                  id={optionId}
                  type="radio"
                  value={option.value}
                  className="mt-1 size-6 accent-slate-900"
                  aria-describedby={option.hint !== undefined ? `${optionId}-hint` : undefined}
                  {...register(name)}
                />
                <label htmlFor={optionId} className="text-lg">
                  {option.label}
                  {option.hint !== undefined && (
                    <span id={`${optionId}-hint`} className="block text-base text-slate-600">
                      {option.hint}
                    </span>
                  )}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </FieldWrapper>
  );
}

export const YES_NO: readonly Option[] = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];

interface SelectProps<V extends FieldValues> {
  name: Path<V>;
  label: ReactNode;
  hint?: ReactNode;
  options: readonly { value: string; label: string }[];
}

export function Select<V extends FieldValues = FieldValues>({ name, label, hint, options }: SelectProps<V>) {
  const { register } = useFormContext<V>();
  const error = useFieldError(name);
  const id = inputId(name);
  return (
    <FieldWrapper hasError={error !== undefined}>
      <label htmlFor={id} className="mb-1 block text-lg font-bold">
        {label}
      </label>
      {hint !== undefined && <Hint id={`${id}-hint`}>{hint}</Hint>}
      <RecordMarkFor name={name} />
      {error !== undefined && <ErrorMessage id={`${id}-error`} message={error} />}
      <select
        id={id}
        aria-invalid={error !== undefined || undefined}
        aria-describedby={describedBy(hint !== undefined && `${id}-hint`, error !== undefined && `${id}-error`)}
        className={`${inputClass(error !== undefined)} bg-white`}
        {...register(name)}
      >
        <option value="">Choose…</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldWrapper>
  );
}
