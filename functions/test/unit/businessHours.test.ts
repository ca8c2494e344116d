import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_BUSINESS_HOURS,
  addRunningTime,
  atRiskDue,
  blankFacts,
  businessHoursSchema,
  DEFAULT_SLA_POLICY,
  isOpenAt,
  markAtRisk,
  nextSlaEventAt,
  nextSlaState,
  remainingMs,
  runningTimeBetween,
  type BusinessHours,
  type Span,
} from "../../src/domain";

const H = 3600_000;
const MIN = 60_000;
const BERLIN = "Europe/Berlin";
/** A local wall-clock time in Berlin as epoch ms. */
const berlin = (iso: string) => DateTime.fromISO(iso, { zone: BERLIN }).toMillis();
const local = (ms: number, zone = BERLIN) => DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd'T'HH:mm ZZ");

const office = (extra: Partial<BusinessHours> = {}): BusinessHours => ({
  ...DEFAULT_BUSINESS_HOURS,
  timezone: BERLIN,
  ...extra,
});
const everyDay = (window: [string, string]): BusinessHours["week"] => ({
  mon: [window],
  tue: [window],
  wed: [window],
  thu: [window],
  fri: [window],
  sat: [window],
  sun: [window],
});

describe("addRunningTime: when a target of open time is used up", () => {
  // 2026-12-04 is a Friday; 2026-03-29 and 2026-10-25 are Berlin's DST nights.
  const cases: Array<{
    name: string;
    hours: BusinessHours | null;
    start: string;
    target: number;
    stops?: Array<[string, string]>;
    due: string;
  }> = [
    {
      name: "inside one window",
      hours: office(),
      start: "2026-12-07T10:00",
      target: 2 * H,
      due: "2026-12-07T12:00 +01:00",
    },
    {
      name: "Friday evening runs over the weekend to Monday",
      hours: office(),
      start: "2026-12-04T16:00",
      target: 2 * H,
      due: "2026-12-07T10:00 +01:00",
    },
    {
      name: "raised on a Saturday: starts counting on Monday morning",
      hours: office(),
      start: "2026-12-05T11:00",
      target: 30 * MIN,
      due: "2026-12-07T09:30 +01:00",
    },
    {
      name: "ending exactly at closing stays on that day",
      hours: office(),
      start: "2026-12-07T15:00",
      target: 2 * H,
      due: "2026-12-07T17:00 +01:00",
    },
    {
      name: "due inside a holiday moves past it",
      hours: office({ holidays: ["2026-12-24", "2026-12-25"] }),
      start: "2026-12-23T16:00",
      target: 2 * H,
      due: "2026-12-28T10:00 +01:00",
    },
    {
      name: "raised on a holiday waits for the next open day",
      hours: office({ holidays: ["2026-12-07"] }),
      start: "2026-12-07T10:00",
      target: H,
      due: "2026-12-08T10:00 +01:00",
    },
    {
      name: "several windows a day: the lunch break does not count",
      hours: office({
        week: {
          ...office().week,
          mon: [
            ["13:00", "17:00"],
            ["09:00", "12:00"],
          ],
        },
      }),
      start: "2026-12-07T11:00",
      target: 2 * H,
      due: "2026-12-07T14:00 +01:00",
    },
    {
      name: "a window that ends at midnight (24:00)",
      hours: office({ week: everyDay(["18:00", "24:00"]) }),
      start: "2026-12-07T23:00",
      target: 2 * H,
      due: "2026-12-08T19:00 +01:00",
    },
    {
      name: "a window that ends at midnight (00:00)",
      hours: office({ week: everyDay(["18:00", "00:00"]) }),
      start: "2026-12-07T23:30",
      target: H,
      due: "2026-12-08T18:30 +01:00",
    },
    {
      name: "spring DST night: the hour that does not exist is not open",
      hours: office({ week: everyDay(["01:00", "04:00"]) }),
      start: "2026-03-29T00:00",
      target: 2.5 * H,
      due: "2026-03-30T01:30 +02:00",
    },
    {
      name: "autumn DST night: the hour that happens twice is open twice",
      hours: office({ week: everyDay(["01:00", "04:00"]) }),
      start: "2026-10-25T00:00",
      target: 3.5 * H,
      due: "2026-10-25T03:30 +01:00",
    },
    {
      name: "a pause spanning a weekend counts only the open time outside it",
      hours: office(),
      start: "2026-12-04T15:00",
      target: 4 * H,
      stops: [["2026-12-04T16:00", "2026-12-07T11:00"]],
      due: "2026-12-07T14:00 +01:00",
    },
    {
      name: "a pause entirely in closed hours changes nothing",
      hours: office(),
      start: "2026-12-04T16:00",
      target: 2 * H,
      stops: [["2026-12-05T10:00", "2026-12-06T10:00"]],
      due: "2026-12-07T10:00 +01:00",
    },
    {
      name: "calendar clock: every hour counts",
      hours: null,
      start: "2026-12-04T16:00",
      target: 2 * H,
      due: "2026-12-04T18:00 +01:00",
    },
    {
      name: "calendar clock: a pause shifts the due time by its length",
      hours: null,
      start: "2026-12-04T16:00",
      target: 2 * H,
      stops: [["2026-12-04T17:00", "2026-12-04T17:45"]],
      due: "2026-12-04T18:45 +01:00",
    },
  ];

  it.each(cases)("$name", ({ hours, start, target, stops = [], due }) => {
    const spans: Span[] = stops.map(([from, to]) => ({ from: berlin(from), to: berlin(to) }));
    const at = addRunningTime(berlin(start), target, hours, spans);
    expect(local(at)).toBe(due);
    // The inverse: the open time between the start and the due time is the target.
    expect(runningTimeBetween(berlin(start), at, hours, spans)).toBe(target);
  });

  it("counts real time across the spring DST night in a zone far from UTC", () => {
    const hours: BusinessHours = { timezone: "America/New_York", week: everyDay(["00:00", "24:00"]), holidays: [] };
    // 2026-03-08 02:00 does not exist in New York: a day of 23 hours.
    const start = DateTime.fromISO("2026-03-08T00:00", { zone: "America/New_York" }).toMillis();
    expect(local(addRunningTime(start, 24 * H, hours), "America/New_York")).toBe("2026-03-09T01:00 -04:00");
  });

  it("ignores a stop that is still open: the projection runs on from there", () => {
    const start = berlin("2026-12-07T10:00");
    expect(addRunningTime(start, H, office(), [{ from: berlin("2026-12-07T10:30"), to: null }])).toBe(
      berlin("2026-12-07T11:00"),
    );
  });

  it("gives up on a calendar without enough open time instead of looping", () => {
    const closedAllYear = office({ week: { ...everyDay(["09:00", "10:00"]) }, holidays: [] });
    expect(() => addRunningTime(berlin("2026-12-07T10:00"), 5000 * H, closedAllYear)).toThrow(/too little open time/);
  });
});

describe("runningTimeBetween and isOpenAt", () => {
  it("counts only open hours, and nothing backwards", () => {
    expect(runningTimeBetween(berlin("2026-12-04T16:00"), berlin("2026-12-07T10:00"), office())).toBe(2 * H);
    expect(runningTimeBetween(berlin("2026-12-07T10:00"), berlin("2026-12-04T16:00"), office())).toBe(0);
  });

  it.each([
    ["2026-12-07T08:59", false],
    ["2026-12-07T09:00", true],
    ["2026-12-07T16:59", true],
    ["2026-12-07T17:00", false],
    ["2026-12-05T12:00", false],
  ])("open at %s: %s", (at, open) => {
    expect(isOpenAt(berlin(at), office())).toBe(open);
    expect(isOpenAt(berlin(at), null)).toBe(true);
  });
});

describe("businessHoursSchema", () => {
  it("accepts windows ending at midnight and several windows a day", () => {
    expect(
      businessHoursSchema.safeParse(
        office({
          week: {
            ...office().week,
            sat: [
              ["08:00", "12:00"],
              ["20:00", "24:00"],
            ],
            sun: [["22:00", "00:00"]],
          },
        }),
      ).success,
    ).toBe(true);
  });

  it.each<[string, unknown]>([
    ["an unknown zone", { ...office(), timezone: "Mars/Olympus" }],
    ["a window that ends before it starts", office({ week: { ...office().week, mon: [["17:00", "09:00"]] } })],
    [
      "overlapping windows",
      office({
        week: {
          ...office().week,
          mon: [
            ["09:00", "13:00"],
            ["12:00", "17:00"],
          ],
        },
      }),
    ],
    ["a time that is not HH:MM", office({ week: { ...office().week, mon: [["9:00", "17:00"]] } })],
    [
      "a week without any open window",
      office({ week: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } }),
    ],
    ["a holiday that is not a date", office({ holidays: ["2026-02-30"] })],
  ])("refuses %s", (_name, value) => {
    expect(businessHoursSchema.safeParse(value).success).toBe(false);
  });
});

describe("the SLA under business hours", () => {
  const facts = (over: Parameters<typeof blankFacts>[0] = {}) =>
    blankFacts({
      priority: "medium",
      status: "open",
      deleted: false,
      createdAt: berlin("2026-12-04T16:00"),
      clockStops: [],
      ...over,
    });

  it("counts medium (business by default) in open hours and critical (calendar by default) in every hour", () => {
    const medium = nextSlaState(facts(), DEFAULT_SLA_POLICY, berlin("2026-12-04T16:00"), office())!;
    expect(medium.clock).toBe("business");
    // 8 h of open time from Friday 16:00: 1 h on Friday, 7 h on Monday.
    expect(local(medium.firstResponseDueAt)).toBe("2026-12-07T16:00 +01:00");
    expect(medium.nextDueAt).toBe(medium.firstResponseDueAt);
    // 75 % of 8 h = 6 h of open time.
    expect(local(medium.atRiskAt!)).toBe("2026-12-07T14:00 +01:00");

    const critical = nextSlaState(
      facts({ priority: "critical" }),
      DEFAULT_SLA_POLICY,
      berlin("2026-12-04T16:00"),
      office(),
    )!;
    expect(critical.clock).toBe("calendar");
    expect(critical.hours).toBeNull();
    expect(local(critical.firstResponseDueAt)).toBe("2026-12-04T16:15 +01:00");
  });

  it("moves the due time by the open hours a pause took, and keeps the calendar it started with", () => {
    const start = nextSlaState(facts(), DEFAULT_SLA_POLICY, berlin("2026-12-04T16:00"), office())!;
    const paused = facts({
      sla: start,
      status: "waiting_for_response",
      clockStops: [{ from: berlin("2026-12-04T16:30"), to: berlin("2026-12-07T10:00") }],
    });
    // Settings changed meanwhile must not matter: no policy, no hours given.
    const resumed = nextSlaState(paused, null, berlin("2026-12-07T10:00"))!;
    // 30 min on Friday, 7 h on Monday from 10:00, the last 30 min on Tuesday morning.
    expect(local(resumed.firstResponseDueAt)).toBe("2026-12-08T09:30 +01:00");
  });

  it("reports open time left, and the time it had while paused", () => {
    const sla = nextSlaState(facts(), DEFAULT_SLA_POLICY, berlin("2026-12-04T16:00"), office())!;
    // Saturday noon: 7 h of open time are left, though 52 hours of wall time remain.
    expect(remainingMs(sla, "firstResponse", berlin("2026-12-05T12:00"))).toBe(7 * H);
    expect(remainingMs(sla, "firstResponse", berlin("2026-12-08T09:30"))).toBe(-(60 + 30) * MIN);
  });

  it("warns once per clock, then schedules the next moment at the due time", () => {
    const sla = nextSlaState(facts(), DEFAULT_SLA_POLICY, berlin("2026-12-04T16:00"), office())!;
    expect(nextSlaEventAt(sla)).toBe(sla.atRiskAt);
    expect(atRiskDue(sla, sla.atRiskAt! - 1)).toBeNull();
    expect(atRiskDue(sla, sla.atRiskAt!)).toBe("firstResponse");
    const warned = markAtRisk(sla, "firstResponse");
    expect(warned).toMatchObject({ firstResponseAtRisk: true, atRisk: true, atRiskPending: false });
    expect(atRiskDue(warned, sla.firstResponseDueAt)).toBeNull();
    expect(markAtRisk(warned, "firstResponse")).toEqual(warned);
    expect(nextSlaEventAt(warned)).toBe(sla.firstResponseDueAt);
    // The warning survives the next derivation of the same targets.
    expect(nextSlaState(facts({ sla: warned }), null, berlin("2026-12-07T14:30"))).toMatchObject({
      atRisk: true,
      atRiskPending: false,
    });
  });

  it("turns to the resolution clock after the first response, with its own warning to send", () => {
    const sla = markAtRisk(
      nextSlaState(facts(), DEFAULT_SLA_POLICY, berlin("2026-12-04T16:00"), office())!,
      "firstResponse",
    );
    const answered = nextSlaState(
      facts({ sla, firstResponseAt: berlin("2026-12-07T15:00") }),
      null,
      berlin("2026-12-07T15:00"),
    )!;
    expect(answered).toMatchObject({
      firstResponsePending: false,
      atRisk: false,
      atRiskPending: true,
      nextDueAt: answered.resolutionDueAt,
    });
    // 75 % of 72 h of open time = 54 h = 6 days and 6 hours of 8-hour days after Friday's first hour.
    expect(runningTimeBetween(berlin("2026-12-04T16:00"), answered.atRiskAt!, office())).toBe(54 * H);
  });

  it("has no next moment while the clock stands", () => {
    const sla = nextSlaState(
      facts({ status: "on_hold", clockStops: [{ from: berlin("2026-12-04T16:00"), to: null }] }),
      DEFAULT_SLA_POLICY,
      berlin("2026-12-04T16:00"),
      office(),
    )!;
    expect(sla.running).toBe(false);
    expect(nextSlaEventAt(sla)).toBeNull();
    expect(atRiskDue(sla, sla.atRiskAt! + H)).toBeNull();
  });
});
