import { LINE_OF_BUSINESS_LABELS, LINES_OF_BUSINESS, REQUEST_TYPE_LABELS } from "@/criteria";
import { DateInput, Radios } from "../draft-fields";

export function RequestStep() {
  return (
    <>
      <Radios
        name="requestType"
        legend="Is this an initial request or a request to continue therapy?"
        options={[
          { value: "initial", label: REQUEST_TYPE_LABELS.initial },
          {
            value: "continuation",
            label: REQUEST_TYPE_LABELS.continuation,
            hint: "Hemgenix is given once, so continued therapy is not authorized (II.A)",
          },
        ]}
      />
      <DateInput name="requestDate" legend="Request date" hint="Every time window is counted back from this date." />
      <Radios
        name="lineOfBusiness"
        legend="Line of business"
        options={LINES_OF_BUSINESS.map((value) => ({ value, label: LINE_OF_BUSINESS_LABELS[value] }))}
      />
    </>
  );
}
