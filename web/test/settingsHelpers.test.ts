import { describe, expect, it } from "vitest";
import { fromHoursMinutes, toHoursMinutes } from "../src/settings/durations";
import { linearPatch, mirrorChoiceOf, mirrorChoicesFor } from "../src/settings/linear";
import { intakeLink, parseList } from "../src/settings/lists";

describe("SLA targets in hours and minutes", () => {
  it.each([
    [15, { hours: 0, minutes: 15 }],
    [60, { hours: 1, minutes: 0 }],
    [150, { hours: 2, minutes: 30 }],
    [10_080, { hours: 168, minutes: 0 }],
  ])("%i minutes are %o", (total, parts) => {
    expect(toHoursMinutes(total)).toEqual(parts);
  });

  it.each([
    ["0", "15", 15],
    ["2", "30", 150],
    ["168", "", 10_080],
    ["", "45", 45],
    [" 4 ", "0", 240],
  ])("%s h %s min is %i minutes", (hours, minutes, total) => {
    expect(fromHoursMinutes(hours, minutes)).toEqual({ ok: true, minutes: total });
  });

  it("round-trips every whole number of minutes it shows", () => {
    for (const total of [1, 59, 61, 479, 4_320, 525_600]) {
      const { hours, minutes } = toHoursMinutes(total);
      expect(fromHoursMinutes(String(hours), String(minutes))).toEqual({ ok: true, minutes: total });
    }
  });

  it.each([
    ["0", "0", "At least 1 minute."],
    ["", "", "At least 1 minute."],
    ["1", "60", "Minutes go up to 59; put the rest in hours."],
    ["1.5", "0", "Whole numbers only."],
    ["-1", "30", "Whole numbers only."],
    ["two", "0", "Whole numbers only."],
    ["8761", "0", "At most a year (8760 hours)."],
  ])("refuses %s h %s min: %s", (hours, minutes, message) => {
    expect(fromHoursMinutes(hours, minutes)).toEqual({ ok: false, message });
  });
});

describe("lists typed into one box", () => {
  it("splits on lines, commas and spaces, lower-cases and drops repeats", () => {
    expect(parseList("Example.com\n client.example.org, example.com;;\n\nOTHER.test ")).toEqual([
      "example.com",
      "client.example.org",
      "other.test",
    ]);
    expect(parseList("  \n ")).toEqual([]);
  });

  it("builds the intake link on the web app's origin", () => {
    expect(intakeLink("http://127.0.0.1:5000", "acme")).toBe("http://127.0.0.1:5000/raise/acme");
    expect(intakeLink("https://support.example.com/", "a b")).toBe("https://support.example.com/raise/a%20b");
  });
});

describe("the Linear form on either shape of the settings", () => {
  it("reads the three-way setting the sync stores, and the older boolean", () => {
    expect(mirrorChoiceOf("all")).toBe("all");
    expect(mirrorChoiceOf(true)).toBe("public");
    expect(mirrorChoiceOf(false)).toBe("none");
    expect(mirrorChoicesFor("none")).toEqual(["none", "public", "all"]);
    expect(mirrorChoicesFor(false)).toEqual(["none", "public"]);
  });

  it("answers with the three-way choice the API takes, and unlinks on an empty team", () => {
    expect(linearPatch({ teamId: " team-9 ", enabled: true, mirror: "all" })).toEqual({
      teamId: "team-9",
      enabled: true,
      mirrorComments: "all",
    });
    expect(linearPatch({ teamId: "", enabled: false, mirror: "none" })).toEqual({
      teamId: null,
      enabled: false,
      mirrorComments: "none",
    });
  });
});
