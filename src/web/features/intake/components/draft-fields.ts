/**
 * The question components typed for the wizard's draft: a `name` that is not a path of `Draft`
 * (a misspelt or renamed field) does not compile. The same components under the same names, no
 * code of their own; the steps import them from here.
 */
import { DateInput as AnyDateInput } from "@/web/components/date-input";
import { Radios as AnyRadios, Select as AnySelect, TextField as AnyTextField } from "@/web/components/form-fields";
import type { Draft } from "../draft";

export const TextField = AnyTextField<Draft>;
export const Radios = AnyRadios<Draft>;
export const Select = AnySelect<Draft>;
export const DateInput = AnyDateInput<Draft>;
