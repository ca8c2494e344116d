/**
 * An org's staff policy at the API's edge: staff roles need a verified address of the
 * org's `staffDomains` (docs/security.md, "Staff and customers"); customers come from anywhere.
 */
import { isStaffRole, mayHoldStaffRole } from "../domain";
import { db } from "../store/db";
import { getOrgSettings } from "../store/orgs";
import { ApiError } from "./errors";

/** Throws 422 naming `field` when `person` may not hold `role` in the org. */
export async function requireStaffAddress(
  orgId: string,
  role: string,
  person: { email: string | null; emailVerified: boolean },
  field: string,
): Promise<void> {
  if (!isStaffRole(role)) return;
  const staffDomains = (await getOrgSettings(db(), orgId))?.staffDomains ?? [];
  if (mayHoldStaffRole(person, staffDomains)) return;
  throw new ApiError("validation", "Staff roles in this organisation need a verified address of its staff domains.", {
    errors: [
      {
        path: field,
        code: "outside_staff_domains",
        message: `staff need a verified address of ${staffDomains.join(", ") || "a verified address"}`,
      },
    ],
  });
}
