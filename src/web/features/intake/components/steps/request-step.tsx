import { LINE_OF_BUSINESS_LABELS, LINES_OF_BUSINESS } from "@/criteria";
import { Radios, TextField } from "@/web/components/form-fields";

export function RequestStep() {
  return (
    <>
      <Radios
        name="requestType"
        legend="Is this an initial request or a request to continue therapy?"
        options={[
          { value: "initial", label: "Initial request" },
          {
            value: "continuation",
            label: "Continuation",
            hint: "Hemgenix is given once, so continued therapy is not authorized (II.A)",
          },
        ]}
      />
      <TextField
        name="requestDate"
        type="date"
        label="Request date"
        hint="Every time window is counted back from this date"
        width="w-48"
      />
      <Radios
        name="lineOfBusiness"
        legend="Line of business"
        options={LINES_OF_BUSINESS.map((value) => ({ value, label: LINE_OF_BUSINESS_LABELS[value] }))}
      />
    </>
  );
}
