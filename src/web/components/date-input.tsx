/**
 * The GOV.UK date input: a fieldset with a legend and a hint, and day, month and year as three
 * text boxes. What is typed stays as typed (an impossible date is never emptied by the browser, as
 * a native date input does). The day box carries the question's id, so error summary links and
 * "Change" links land on it. Registered by document path: `<name>.day`, `.month`, `.year`.
 */
import { useFormContext, useWatch, type FieldPathByValue, type FieldValues, type Path } from "react-hook-form";
import type { ReactNode } from "react";
import { DATE_PART_NAMES, dateProblem, type DatePart, type DateParts } from "@/web/lib/date-parts";
import { RecordMarkFor } from "./record-mark";
import { ErrorMessage, FieldWrapper, Hint, describedBy, inputId, textInputClass, useFieldError } from "./form-fields";

const PART_LABELS: Readonly<Record<DatePart, string>> = { day: "Day", month: "Month", year: "Year" };
const PART_WIDTHS: Readonly<Record<DatePart, string>> = { day: "w-14", month: "w-14", year: "w-20" };

/** The id of one box: the day box has the question's own id. */
const datePartId = (name: string, part: DatePart): string =>
  part === "day" ? inputId(name) : `${inputId(name)}-${part}`;

interface DateInputProps<V extends FieldValues> {
  /** A path of the form's values that holds a `DateParts`. */
  name: FieldPathByValue<V, DateParts>;
  legend: ReactNode;
  hint?: ReactNode;
  /** Day, month and year of the example in the hint ("27 3 2007"). */
  example?: string;
}

export function DateInput<V extends FieldValues = FieldValues>({
  name,
  legend,
  hint,
  example = "27 3 2007",
}: DateInputProps<V>) {
  const { register, control } = useFormContext<V>();
  const error = useFieldError<V>(name);
  const parts = useWatch({ control, name }) as DateParts | undefined;
  const id = inputId(name);
  // Only the boxes at fault are marked; a date that is real but refused (after the request date) marks all three.
  const problem = error === undefined || parts === undefined ? undefined : dateProblem(parts);
  const faulty = (part: DatePart): boolean =>
    error !== undefined &&
    (problem === undefined || problem.kind === "year_digits" ? true : problem.parts.includes(part));
  return (
    <FieldWrapper hasError={error !== undefined}>
      <fieldset role="group" aria-describedby={describedBy(`${id}-hint`, error !== undefined && `${id}-error`)}>
        <legend className="mb-1 text-lg font-bold">{legend}</legend>
        <Hint id={`${id}-hint`}>
          {hint !== undefined && <span className="block">{hint}</span>}
          For example, {example}
        </Hint>
        <RecordMarkFor name={name} />
        {error !== undefined && <ErrorMessage id={`${id}-error`} message={error} />}
        <div className="flex flex-wrap gap-4">
          {DATE_PART_NAMES.map((part) => {
            const partId = datePartId(name, part);
            return (
              <div key={part}>
                <label htmlFor={partId} className="mb-1 block">
                  {PART_LABELS[part]}
                </label>
                <input
                  id={partId}
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  spellCheck={false}
                  aria-invalid={faulty(part) || undefined}
                  className={`${textInputClass(faulty(part))} ${PART_WIDTHS[part]}`}
                  {...register(`${name}.${part}` as Path<V>)}
                />
              </div>
            );
          })}
        </div>
      </fieldset>
    </FieldWrapper>
  );
}
