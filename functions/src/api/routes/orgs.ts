import { Router } from "express";
import { orgCreateSchema } from "../../domain";
import { db } from "../../store/db";
import { createOrg } from "../../store/orgs";
import { callerOf } from "../auth";
import { parseWith } from "../validate";

export function orgRoutes(): Router {
  const router = Router();
  router.post("/orgs", async (req, res) => {
    const input = parseWith(orgCreateSchema, req.body);
    const caller = callerOf(res);
    const org = await createOrg(db(), input, caller);
    res.status(201).location(`${req.baseUrl}/orgs/${org.id}`).json({ ...org, role: "admin" });
  });
  return router;
}
