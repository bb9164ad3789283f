import { describe, expect, it } from "vitest";
import { calendarDateIn } from "./calendar-date";

describe("calendarDateIn", () => {
  it("is the date of the instant in the time zone, not on the machine", () => {
    const at = new Date("2026-11-27T03:30:00.000Z");
    expect(calendarDateIn(at, "UTC")).toBe("2026-11-27");
    expect(calendarDateIn(at, "America/Chicago")).toBe("2026-11-26");
    expect(calendarDateIn(at, "Asia/Tokyo")).toBe("2026-11-27");
    expect(calendarDateIn("2026-12-31T23:30:00.000Z", "Pacific/Auckland")).toBe("2027-01-01");
  });

  it("takes an ISO instant as well as a Date", () => {
    expect(calendarDateIn("2026-02-28T23:59:59.999Z", "UTC")).toBe("2026-02-28");
  });
});
