/**
 * The admin screens' forms: react-hook-form over the shared admin schema (the same checks and
 * words as the server), a GOV.UK error summary linked to the fields, and the server's own field
 * errors (an email already in use, a name already taken) placed on their fields too.
 */
import { useState, type ReactNode } from "react";
import {
  FormProvider,
  useForm,
  type DefaultValues,
  type FieldErrors,
  type FieldValues,
  type Path,
  type Resolver,
  type UseFormReturn,
} from "react-hook-form";
import type { z } from "zod/mini";
import { Button } from "@/web/components/buttons";
import { ErrorSummary, type SummaryError } from "@/web/components/error-summary";
import { inputId } from "@/web/components/form-fields";
import { useDocumentTitle } from "@/web/components/use-document-title";
import { ApiError } from "@/web/lib/api-client";

/** Checks the body the form would send with `schema`; each issue lands on the field of its path. */
function schemaResolver<V extends FieldValues>(schema: z.ZodMiniType, toBody: (values: V) => unknown): Resolver<V> {
  return (values) => {
    const result = schema.safeParse(toBody(values));
    if (result.success) return { values, errors: {} };
    const errors: Record<string, { type: string; message: string }> = {};
    for (const issue of result.error.issues) {
      const key = issue.path.length === 0 ? "root" : String(issue.path[0]);
      errors[key] ??= { type: "schema", message: issue.message };
    }
    return { values: {}, errors: errors as FieldErrors<V> };
  };
}

const summaryOf = (errors: FieldErrors): SummaryError[] =>
  Object.entries(errors).flatMap(([name, error]) =>
    typeof error?.message === "string" && name !== "root" ? [{ fieldId: inputId(name), message: error.message }] : [],
  );

interface AdminFormOptions<V extends FieldValues, B> {
  schema: z.ZodMiniType;
  defaultValues: DefaultValues<V>;
  /** The body the form sends: what the schema checks and the server receives. */
  toBody: (values: V) => B;
}

export function useAdminForm<V extends FieldValues, B>({ schema, defaultValues, toBody }: AdminFormOptions<V, B>) {
  // The error summary takes focus (GOV.UK), not the first field.
  return useForm<V>({ defaultValues, resolver: schemaResolver(schema, toBody), shouldFocusError: false });
}

interface AdminFormProps<V extends FieldValues, B> {
  form: UseFormReturn<V>;
  toBody: (values: V) => B;
  /** Sends the body; rejects with an ApiError whose field errors are shown on the fields. */
  send: (body: B) => Promise<unknown>;
  submitLabel: string;
  pendingLabel: string;
  /** The page's title (one form per page), led by "Error: " while errors show. */
  title: string;
  variant?: "primary" | "warning";
  children?: ReactNode;
  labelledBy?: string;
}

export function AdminForm<V extends FieldValues, B>({
  form,
  toBody,
  send,
  submitLabel,
  pendingLabel,
  title,
  variant = "primary",
  children,
  labelledBy,
}: AdminFormProps<V, B>) {
  const [failure, setFailure] = useState<string | undefined>();
  const errors = summaryOf(form.formState.errors);
  useDocumentTitle(title, errors.length > 0 || failure !== undefined);

  const onValid = async (values: V) => {
    setFailure(undefined);
    try {
      await send(toBody(values));
    } catch (error) {
      const fieldErrors = error instanceof ApiError ? error.errors : [];
      const known = fieldErrors.filter((e) => e.path in values);
      for (const e of known) form.setError(e.path as Path<V>, { type: "server", message: e.message });
      // Whatever no field can show (a lost connection, a refused change) is said above the form.
      if (known.length === 0) setFailure(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <FormProvider {...form}>
      <form noValidate aria-labelledby={labelledBy} onSubmit={(event) => void form.handleSubmit(onValid)(event)}>
        {/* The count moves in the same update that brings a submit's errors (the schema's or the server's). */}
        <ErrorSummary errors={errors} focusKey={form.formState.submitCount} />
        {failure !== undefined && (
          <div role="alert" className="mb-6 border-4 border-red-700 p-4">
            <p className="font-bold">Nothing was changed: {failure}</p>
          </div>
        )}
        {children}
        <Button type="submit" variant={variant} disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? pendingLabel : submitLabel}
        </Button>
      </form>
    </FormProvider>
  );
}
